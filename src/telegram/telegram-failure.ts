import { GrammyError, HttpError } from 'grammy';
import { BallastError, FatalError, RetryableError } from '../errors.js';
import { redact } from './redact.js';

/**
 * A failed Telegram call as a Ballast error, the bot `token` redacted from every text:
 * - no answer (network down, DNS, timeout) or a 429 / 5xx answer → {@link RetryableError} `TELEGRAM_UNAVAILABLE`;
 * - any other refusal (401 bad token, 403 blocked or not started, 400 bad request) → {@link FatalError}
 *   `TELEGRAM_REFUSED`, whose action says what to fix.
 * A Ballast error passes through unchanged. `what` names the call for people, e.g. `posting proposals`.
 */
export function telegramFailure(error: unknown, what: string, token: string): BallastError {
  if (error instanceof BallastError) return error;
  if (error instanceof GrammyError) {
    const answer = `Telegram answered ${error.error_code} ${redact(error.description, token)}`;
    if (error.error_code === 429 || error.error_code >= 500) {
      return new RetryableError('TELEGRAM_UNAVAILABLE', `${what} failed: ${answer}`, 'Ballast tries again later; nothing was lost', { cause: error });
    }
    return new FatalError('TELEGRAM_REFUSED', `${what} failed: ${answer}`, REFUSAL_ACTIONS[error.error_code] ?? 'check the Telegram settings (README "Approving from Telegram")', { cause: error });
  }
  const reason = redact(error instanceof HttpError ? String((error.error as Error | undefined)?.message ?? error.message) : error instanceof Error ? error.message : String(error), token);
  return new RetryableError('TELEGRAM_UNAVAILABLE', `${what} failed: cannot reach Telegram (${reason})`, 'check the network; Ballast tries again later and nothing was lost', { cause: error });
}

const REFUSAL_ACTIONS: Readonly<Record<number, string>> = {
  401: 'BALLAST_TELEGRAM_TOKEN is not a valid bot token: copy it again from @BotFather (/token)',
  403: 'the approver has not started the bot or blocked it: send /start to the bot from that account, or check BALLAST_TELEGRAM_CHAT_ID',
  400: 'check BALLAST_TELEGRAM_CHAT_ID (a group id is negative) and that the bot is a member of that chat',
};
