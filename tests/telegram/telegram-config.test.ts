import { describe, expect, it } from 'vitest';
import { readTelegramConfig } from '../../src/telegram/telegram-config.js';

const BASE = { BALLAST_TELEGRAM_TOKEN: '1:abc', BALLAST_CALLBACK_SECRET: 's'.repeat(16), BALLAST_TELEGRAM_APPROVERS: '1001, 1002' };

describe('readTelegramConfig', () => {
  it('should be off without a token, and read roles and the chat (default: the first approver)', () => {
    expect(readTelegramConfig({})).toBeUndefined();
    const config = readTelegramConfig({ ...BASE, BALLAST_TELEGRAM_VIEWERS: '2002' })!;
    expect(config).toMatchObject({ chatId: 1001 });
    expect([...config.users]).toEqual([[1001, 'approver'], [1002, 'approver'], [2002, 'viewer']]);
    expect(readTelegramConfig({ ...BASE, BALLAST_TELEGRAM_CHAT_ID: '-100123' })).toMatchObject({ chatId: -100123 });
  });

  it('should refuse a short secret, no approvers, a non-numeric id and an id in both roles', () => {
    for (const env of [
      { ...BASE, BALLAST_CALLBACK_SECRET: 'short' },
      { ...BASE, BALLAST_TELEGRAM_APPROVERS: '' },
      { ...BASE, BALLAST_TELEGRAM_APPROVERS: '@ana' },
      { ...BASE, BALLAST_TELEGRAM_VIEWERS: '1001' },
    ]) expect(() => readTelegramConfig(env)).toThrow(expect.objectContaining({ code: 'TELEGRAM_CONFIG' }));
  });

  it('should show times in BALLAST_TELEGRAM_TZ, else TZ, else the machine zone, and refuse a zone that is not IANA with a did-you-mean', () => {
    expect(readTelegramConfig({ ...BASE, BALLAST_TELEGRAM_TZ: 'Asia/Tokyo', TZ: 'Europe/Berlin' })).toMatchObject({ timeZone: 'Asia/Tokyo' });
    expect(readTelegramConfig({ ...BASE, TZ: 'Europe/Berlin' })).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(readTelegramConfig({ ...BASE, TZ: ':/etc/localtime' })).toMatchObject({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    expect(() => readTelegramConfig({ ...BASE, BALLAST_TELEGRAM_TZ: 'berlin' })).toThrow(expect.objectContaining({
      code: 'TELEGRAM_CONFIG', message: expect.stringMatching(/BALLAST_TELEGRAM_TZ "berlin" is not an IANA time zone/), action: 'did you mean Europe/Berlin?',
    }));
  });
});
