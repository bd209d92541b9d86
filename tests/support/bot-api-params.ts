import { badRequest } from './bot-api-errors.js';

/** Parameters of one call: JSON values, or strings when the client sent a form or a query string. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * Reads an integer parameter given as a number or a decimal string (form bodies send strings).
 * Returns undefined when absent and not required; throws 400 "Bad Request: <name> is empty" when required and
 * absent, and "Bad Request: <name> is invalid" when not an integer.
 */
export function readInt(params: Params, name: string, required: boolean): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw badRequest(`${name} is empty`);
    return undefined;
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw badRequest(`${name} is invalid`);
  return n;
}

/** Reads a number parameter (integer or fraction); undefined when absent; 400 "<name> is invalid" otherwise. */
export function readNumber(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw badRequest(`${name} is invalid`);
  return n;
}

/** Reads a string parameter; numbers are turned into strings as Telegram does; undefined when absent. */
export function readString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`${name} is invalid`);
}

/** Reads a boolean parameter given as `true`/`false` or `"true"`/`"false"`; default false. */
export function readBool(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === 'true';
}

/**
 * Reads a JSON-serialized parameter (object or array), given either as JSON in a JSON body or as a JSON string
 * in a form body. Throws 400 "Bad Request: can't parse <name> JSON object" when it does not parse.
 */
export function readJson(params: Params, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}
