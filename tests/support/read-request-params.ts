import type { IncomingMessage } from 'node:http';
import { badRequest } from './bot-api-errors.js';
import type { Params } from './bot-api-params.js';

/** Largest request body accepted, in bytes (1 MiB); more is refused with 400. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * Reads a Bot API call's parameters from the query string and the body: JSON (`application/json`, what grammY
 * sends) or a form (`application/x-www-form-urlencoded`, values stay strings). Multipart bodies (file uploads)
 * are not supported and get 400. Throws `BotApiError` 400 for a body that does not parse.
 */
export async function readRequestParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw badRequest('request body is too large');
    chunks.push(buffer);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  if (body.trim() === '') return params;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest('JSON encoded request body must be an object');
    }
    return { ...params, ...(parsed as Record<string, unknown>) };
  }
  if (type === 'application/x-www-form-urlencoded') return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
  throw badRequest(`unsupported content type "${type ?? ''}": this test server takes JSON or form bodies`);
}
