import { badRequest } from './bot-api-errors.js';

/** A file part of a multipart body: what an upload (`InputFile`) arrives as. */
export interface UploadedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/**
 * Parses a `multipart/form-data` body into fields: text parts as strings, file parts (those with a `filename`) as
 * {@link UploadedFile}. Lenient about header spelling the way Telegram is: grammY writes `content-disposition:form-data;
 * name="x";filename=photo.png` (no spaces, unquoted file name). Throws `BotApiError` 400 for a body without the
 * boundary the content type announced.
 */
export function readMultipart(body: Buffer, contentType: string): Record<string, string | UploadedFile> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary === undefined) throw badRequest('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string | UploadedFile> = {};
  let start = body.indexOf(delimiter);
  if (start < 0) throw badRequest("can't parse multipart body: boundary not found");
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) throw badRequest("can't parse multipart body: unterminated part");
    // a part is CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw badRequest("can't parse multipart body: part without headers");
    const headers = new Map(
      part
        .subarray(0, headerEnd)
        .toString('utf8')
        .split('\r\n')
        .map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
    );
    const disposition = headers.get('content-disposition') ?? '';
    const name = /name="?([^";]+)"?/i.exec(disposition.replace(/filename=[^;]*/i, ''))?.[1];
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const content = part.subarray(headerEnd + 4);
    if (name !== undefined) {
      fields[name] = filename === undefined ? content.toString('utf8') : { filename, contentType: headers.get('content-type') ?? 'application/octet-stream', bytes: Buffer.from(content) };
    }
    start = next;
  }
  return fields;
}
