import { describe, expect, it } from 'vitest';
import { BallastError, FatalError, InputError, RetryableError, UsageError } from '../src/errors.js';
import { LockLostError } from '../src/store/lock-file.js';
import { applyFill } from '../src/portfolio/apply-fill.js';
import { openAccount } from '../src/portfolio/open-account.js';
import { parseSchedule } from '../src/schedule/parse-schedule.js';

describe('the error hierarchy', () => {
  it('should give every error a code, what went wrong, what to do and the cause', () => {
    const cause = new Error('disk said no');
    const error = new FatalError('CORRUPT_DATABASE', '.ballast/ballast.json is not valid JSON', 'move it aside to start a new database', { cause });
    expect(error).toBeInstanceOf(BallastError);
    expect(error).toMatchObject({ code: 'CORRUPT_DATABASE', retryable: false, cause, name: 'FatalError' });
    expect(error.message).toBe('.ballast/ballast.json is not valid JSON; move it aside to start a new database');
  });

  it('should keep sentences as sentences', () => {
    expect(new UsageError('The date is wrong.', 'Write YYYY-MM-DD.').message).toBe('The date is wrong. Write YYYY-MM-DD.');
  });

  it('should tell retryable errors from fatal ones by class', () => {
    const lost = new LockLostError('.ballast/ballast.lock');
    expect(lost).toBeInstanceOf(RetryableError);
    expect(lost.retryable).toBe(true);
    expect(new InputError([{ file: 'h.csv', row: 3, message: 'bad' }])).toBeInstanceOf(FatalError);
  });

  it('should raise Ballast errors from the core with a literal code and an action', () => {
    const account = openAccount({ accountId: 'a', baseCurrency: 'USD', initialCapital: 100, at: '2025-01-02' });
    const refused = catchError(() => applyFill(account, { symbol: 'AAA', side: 'sell', quantity: 1, price: 1, at: '2025-01-03' }));
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_QUANTITY', name: 'PortfolioError', action: 'Sell at most the quantity held (no short selling).' });
    const schedule = catchError(() => parseSchedule({ id: 'x', when: 'daily at 25:00' }, { policyId: 'p', timeZone: 'UTC' }));
    expect(schedule).toMatchObject({ code: 'SCHEDULE_BAD_TIME', name: 'ScheduleError', retryable: false });
    expect((schedule as BallastError).action).toMatch(/HH:MM/);
  });
});

function catchError(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
