import { Ajv } from 'ajv';
import { readFile } from 'node:fs/promises';
import schema from '../../schemas/database.schema.json' with { type: 'json' };
import { DatabaseError } from '../errors.js';
import { lazy } from '../util/lazy.js';
import { DATABASE_VERSION, type HotState } from './hot-state.js';

const validator = lazy(() => new Ajv({ allErrors: true, strict: true }).compile(schema));

/** What a database file holds: nothing yet, the current version (checked), or an older version to upgrade. */
export type DatabaseContent =
  | { readonly kind: 'absent' }
  | { readonly kind: 'current'; readonly data: HotState }
  | { readonly kind: 'older'; readonly version: number; readonly data: Record<string, unknown> };

/**
 * Reads and checks the database file: JSON, a Ballast database, a version this Ballast reads, and (the current
 * version) the shape of `schemas/database.schema.json`. Throws {@link DatabaseError} saying what to do; never writes.
 */
export async function readDatabaseFile(file: string): Promise<DatabaseContent> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DatabaseError('CORRUPT_DATABASE', file, `${file} is not valid JSON (${(error as Error).message})`, 'restore it from a backup (ballast.json.*.bak) or move it aside to start a new database', { cause: error });
  }
  const version = isObject(data) ? data.version : undefined;
  if (!isObject(data) || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DatabaseError('NOT_A_DATABASE', file, `${file} is not a Ballast database (${describe(data)})`, 'move it aside (or pass another --data-dir) and Ballast starts a new one');
  }
  if (version > DATABASE_VERSION) {
    throw new DatabaseError('DATABASE_TOO_NEW', file, `${file} is version ${version}; this Ballast reads versions up to ${DATABASE_VERSION}`, 'upgrade Ballast (npm install), or restore a backup written by this version');
  }
  if (version < DATABASE_VERSION) return { kind: 'older', version, data };
  const validateHotState = validator();
  if (!validateHotState(data)) {
    const problems = (validateHotState.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new DatabaseError('DATABASE_DAMAGED', file, `${file} is damaged: ${problems}`, 'restore it from a backup (ballast.json.*.bak) or move it aside to start a new database');
  }
  return { kind: 'current', data: data as unknown as HotState };
}

/** Whether a version 2 hot state has the shape of the schema (for data built in memory, e.g. by an upgrade). */
export function isHotState(data: unknown): data is HotState {
  return validator()(data);
}

/** The first problem {@link isHotState} found, for a message. */
export function hotStateProblem(): string {
  const error = validator().errors?.[0];
  return error ? `${error.instancePath || '/'} ${error.message}` : 'unknown problem';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(data: unknown): string {
  if (Array.isArray(data)) return 'a JSON array';
  if (!isObject(data)) return `a JSON ${data === null ? 'null' : typeof data}`;
  if (!('version' in data)) return Object.keys(data).length === 0 ? 'an empty object' : `no \`version\`; keys ${Object.keys(data).slice(0, 4).join(', ')}`;
  return `\`version\` is ${JSON.stringify(data.version)}`;
}
