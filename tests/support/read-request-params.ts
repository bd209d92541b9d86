import type { IncomingMessage } from 'node:http';
import { badRequest } from './bot-api-errors.js';
import type { Params } from './bot-api-params.js';
import { readMultipart } from './read-multipart.js';

/** Largest JSON or form body accepted, in bytes (1 MiB); more is refused with 400. */
const MAX_BODY_BYTES = 1 << 20;

/** Largest upload accepted, in bytes: Telegram's 10 MB for photos. */
const MAX_UPLOAD_BYTES = 10 * 1000 * 1000;

/**
 * Reads a Bot API call's parameters from the query string and the body: JSON (`application/json`, what grammY
 * sends), a form (`application/x-www-form-urlencoded`, values stay strings) or `multipart/form-data` (what grammY
 * sends with an `InputFile`: text fields as strings, files as `UploadedFile`). Throws `BotApiError` 400 for a body
 * that does not parse or is too large.
 */
export async function readRequestParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const limit = type === 'multipart/form-data' ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw badRequest('request body is too large');
    chunks.push(buffer);
  }
  if (type === 'multipart/form-data') return { ...params, ...readMultipart(Buffer.concat(chunks), req.headers['content-type'] ?? '') };
  const body = Buffer.concat(chunks).toString('utf8');
  if (body.trim() === '') return params;
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
  throw badRequest(`unsupported content type "${type ?? ''}": this test server takes JSON, form or multipart bodies`);
}
