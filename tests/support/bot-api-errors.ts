/**
 * An error answer of a Bot API method, sent as `{ ok: false, error_code, description, parameters? }`.
 *
 * `description` is the exact text Telegram sends (e.g. "Bad Request: message is too long"), so the client under
 * test sees the same `GrammyError` it would see against api.telegram.org.
 */
export class BotApiError extends Error {
  readonly code = 'BOT_API_ERROR' as const;
  /** HTTP status and `error_code`, e.g. 400, 401, 404, 429. */
  readonly errorCode: number;
  readonly description: string;
  /** `ResponseParameters`, e.g. `{ retry_after: 3 }` for 429. */
  readonly parameters?: { readonly retry_after?: number };

  constructor(errorCode: number, description: string, parameters?: { readonly retry_after?: number }) {
    super(`${errorCode} ${description}`);
    this.name = 'BotApiError';
    this.errorCode = errorCode;
    this.description = description;
    if (parameters !== undefined) this.parameters = parameters;
  }
}

/** Builds a 400 error with Telegram's "Bad Request: " prefix before `detail`. */
export function badRequest(detail: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${detail}`);
}

/** Codes of `BotApiHarnessError`: a test used the harness wrongly or waited in vain. */
export type BotApiHarnessErrorCode = 'UNKNOWN_MESSAGE' | 'NO_SUCH_BUTTON' | 'WAIT_TIMEOUT' | 'SERVER_CLOSED';

/**
 * Thrown to the test itself (never sent to the client) when a simulated user action is impossible or a
 * `waitFor` times out; the message says what to check.
 */
export class BotApiHarnessError extends Error {
  readonly code: BotApiHarnessErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: BotApiHarnessErrorCode, message: string, context: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'BotApiHarnessError';
    this.code = code;
    this.context = context;
  }
}
