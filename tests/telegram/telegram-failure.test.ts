import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { FatalError, RetryableError } from '../../src/errors.js';
import { telegramFailure } from '../../src/telegram/telegram-failure.js';

const TOKEN = '123456:SECRET-token';
const answer = (error_code: number, description: string): GrammyError =>
  new GrammyError(`Call to 'sendMessage' failed! (${error_code}: ${description})`, { ok: false, error_code, description }, 'sendMessage', {});

describe('telegramFailure', () => {
  it('should call a 429, a 5xx and an unreachable server retryable', () => {
    for (const error of [answer(429, 'Too Many Requests: retry after 5'), answer(502, 'Bad Gateway'), new HttpError('Network request failed', new Error(`connect ECONNREFUSED for http://127.0.0.1:9/bot${TOKEN}/sendMessage`))]) {
      const failure = telegramFailure(error, 'posting proposals', TOKEN);
      expect(failure).toBeInstanceOf(RetryableError);
      expect(failure).toMatchObject({ code: 'TELEGRAM_UNAVAILABLE', cause: error });
      expect(failure.message).not.toContain(TOKEN);
    }
  });

  it('should call a refusal fatal and say what to fix', () => {
    const failure = telegramFailure(answer(401, 'Unauthorized'), 'starting the Telegram bot', TOKEN);
    expect(failure).toBeInstanceOf(FatalError);
    expect(failure).toMatchObject({ code: 'TELEGRAM_REFUSED' });
    expect(failure.message).toMatch(/^starting the Telegram bot failed: Telegram answered 401 Unauthorized; BALLAST_TELEGRAM_TOKEN is not a valid bot token/);
    expect(telegramFailure(answer(403, 'Forbidden: bot was blocked by the user'), 'posting proposals', TOKEN).action).toMatch(/send \/start to the bot/);
  });
});
