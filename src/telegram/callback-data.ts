import { createHmac, timingSafeEqual } from 'node:crypto';
import { FatalError } from '../errors.js';

/**
 * What a button does: `a` approve one, `r` reject one; `A` / `R` ask to approve / reject all pending proposals of a
 * run (nothing is decided: the confirmation buttons are shown), `Y` / `N` approve / reject them all (the
 * confirmation), `X` cancel the confirmation.
 */
export type CallbackOp = 'a' | 'r' | 'A' | 'R' | 'Y' | 'N' | 'X';

/** The signed content of a button: the op, its target (a proposal id `p-…` or a run id `run-…`) and the record nonce. */
export interface CallbackPayload {
  readonly op: CallbackOp;
  readonly target: string;
  readonly nonce: string;
}

/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Characters of the url-safe base64 HMAC kept: 16 characters = 96 bits. */
const MAC_CHARS = 16;
const FORMAT = /^([arARYNX]):([A-Za-z0-9-]{1,24}):([A-Za-z0-9_-]{1,12}):([A-Za-z0-9_-]{16})$/;

/**
 * Builds a button's `callback_data`: `<op>:<target>:<nonce>:<mac>`, where mac = HMAC-SHA256(secret,
 * `<op>:<target>:<nonce>`) in url-safe base64, first 16 characters. About 40 bytes for a proposal. Throws a
 * `FatalError` `INTERNAL` if the result would exceed Telegram's 64 bytes or a part has characters outside the format.
 */
export function signCallback(secret: string, payload: CallbackPayload): string {
  const body = `${payload.op}:${payload.target}:${payload.nonce}`;
  const data = `${body}:${mac(secret, body)}`;
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES || !FORMAT.test(data)) {
    throw new FatalError('INTERNAL', `callback data "${body}" does not fit the format or Telegram's ${CALLBACK_DATA_MAX_BYTES}-byte limit`, 'please report this as a bug');
  }
  return data;
}

/**
 * Reads and verifies a button's `callback_data` (constant-time comparison of the MAC). Returns the payload, or
 * undefined when the data is malformed or the signature does not match: forged.
 */
export function verifyCallback(secret: string, data: string): CallbackPayload | undefined {
  const match = FORMAT.exec(data);
  if (match === null) return undefined;
  const [, op, target, nonce, given] = match as unknown as [string, CallbackOp, string, string, string];
  const expected = Buffer.from(mac(secret, `${op}:${target}:${nonce}`));
  if (!timingSafeEqual(expected, Buffer.from(given))) return undefined;
  return { op, target, nonce };
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url').slice(0, MAC_CHARS);
}
