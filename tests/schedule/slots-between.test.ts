import { describe, expect, it } from 'vitest';
import { slotsBetween } from '../../src/schedule/slots-between.js';
import { everyDayNy, nyse, schedule } from './fixtures.js';

const dates = (slots: readonly { date: string }[]): string[] => slots.map((s) => s.date);

describe('slotsBetween', () => {
  it('should treat the window as start-exclusive and end-inclusive', () => {
    const daily = schedule('daily at 16:30');
    expect(slotsBetween(daily, '2026-11-23T21:30:00Z', '2026-11-24T21:30:00Z').map((s) => s.at)).toEqual(['2026-11-24T21:30:00Z']);
    expect(slotsBetween(daily, '2026-11-24T21:30:00Z', '2026-11-23T21:30:00Z')).toEqual([]);
  });

  it('should give each schedule of a policy its own slots and runs', () => {
    const guards = schedule({ id: 'daily_guards', when: 'daily at 16:30', runs: ['take_profit', 'cut_loss'] });
    const review = schedule({ id: 'weekly_review', when: 'weekly on saturday at 11:55', runs: ['all'] });
    const from = '2026-11-23T00:00:00-05:00';
    const to = '2026-11-29T23:59:00-05:00';
    expect(slotsBetween(guards, from, to)).toMatchObject([
      { key: 'shorgan/daily_guards/2026-11-23T21:30:00Z', date: '2026-11-23', localTime: '2026-11-23T16:30:00-05:00', runs: ['take_profit', 'cut_loss'] },
      { date: '2026-11-24' },
      { date: '2026-11-25' },
      { date: '2026-11-27', rolledFrom: undefined }, // 26th is Thanksgiving: daily means trading days
    ]);
    expect(slotsBetween(guards, from, to)).toHaveLength(4);
    expect(slotsBetween(review, from, to)).toMatchObject([
      { key: 'shorgan/weekly_review/2026-11-28T16:55:00Z', date: '2026-11-28', runs: ['all'], rolledFrom: undefined },
    ]);
  });

  it('should roll a holiday slot to the next or previous session, or skip it, as configured', () => {
    const window = ['2026-11-22T00:00:00Z', '2026-11-30T00:00:00Z'] as const;
    const thursday = (roll: string) => schedule({ id: 'thu', when: 'weekly on thursday at 16:30', roll });
    expect(slotsBetween(thursday('next'), ...window)).toMatchObject([{ date: '2026-11-27', rolledFrom: '2026-11-26', at: '2026-11-27T21:30:00Z' }]);
    expect(slotsBetween(thursday('previous'), ...window)).toMatchObject([{ date: '2026-11-25', rolledFrom: '2026-11-26', at: '2026-11-25T21:30:00Z' }]);
    expect(slotsBetween(thursday('skip'), ...window)).toEqual([]);
    expect(slotsBetween(thursday('none'), ...window)).toMatchObject([{ date: '2026-11-26', rolledFrom: undefined }]);
  });

  it('should roll a weekend-plus-holiday day of month past both (4 July 2026 is a Saturday, the 3rd a holiday)', () => {
    const window = ['2026-06-25T00:00:00Z', '2026-07-10T00:00:00Z'] as const;
    expect(dates(slotsBetween(schedule({ when: 'monthly on 4 at 10:00' }), ...window))).toEqual(['2026-07-06']);
    expect(dates(slotsBetween(schedule({ when: 'monthly on 4 at 10:00', roll: 'previous' }), ...window))).toEqual(['2026-07-02']);
  });

  it('should merge a rolled slot into the slot already at that instant', () => {
    const everyDay = schedule({ id: 'every_day', cron: '30 16 * * *' });
    const slots = slotsBetween(everyDay, '2026-11-23T00:00:00-05:00', '2026-11-30T23:59:00-05:00');
    expect(slots.map((s) => [s.date, s.rolledFrom])).toEqual([
      ['2026-11-23', undefined], ['2026-11-24', undefined], ['2026-11-25', undefined],
      ['2026-11-27', undefined], ['2026-11-30', undefined],
    ]);
  });

  it('should run a daily slot inside the spring-forward gap once, at 03:00 EDT', () => {
    const slots = slotsBetween(schedule('daily at 02:30', everyDayNy), '2026-03-07T00:00:00-05:00', '2026-03-09T23:00:00-04:00');
    expect(slots.map((s) => [s.at, s.dst])).toEqual([
      ['2026-03-07T07:30:00Z', undefined],
      ['2026-03-08T07:00:00Z', 'gap'],
      ['2026-03-09T06:30:00Z', undefined],
    ]);
    expect(slots[1]?.localTime).toBe('2026-03-08T03:00:00-04:00');
  });

  it('should run a daily slot inside the fall-back overlap once, at the first (EDT) occurrence', () => {
    const slots = slotsBetween(schedule('daily at 01:30', everyDayNy), '2026-10-31T00:00:00-04:00', '2026-11-02T23:00:00-05:00');
    expect(slots.map((s) => [s.localTime, s.dst])).toEqual([
      ['2026-10-31T01:30:00-04:00', undefined],
      ['2026-11-01T01:30:00-04:00', 'overlap'],
      ['2026-11-02T01:30:00-05:00', undefined],
    ]);
  });

  it('should give cron minutes in the gap one run at the gap end and overlap minutes one run each', () => {
    const spring = slotsBetween(schedule({ cron: '*/30 2-3 * * *' }, everyDayNy), '2026-03-08T00:00:00-05:00', '2026-03-08T12:00:00-04:00');
    expect(spring.map((s) => s.localTime)).toEqual(['2026-03-08T03:00:00-04:00', '2026-03-08T03:30:00-04:00']);
    const fall = slotsBetween(schedule({ cron: '*/30 1 * * *' }, everyDayNy), '2026-11-01T00:00:00-04:00', '2026-11-01T12:00:00-05:00');
    expect(fall.map((s) => s.localTime)).toEqual(['2026-11-01T01:00:00-04:00', '2026-11-01T01:30:00-04:00']);
  });

  it('should run biweekly on even ISO weeks across a year with ISO week 53 (2026 → 2027)', () => {
    const biweekly = schedule('biweekly on friday at 15:10', everyDayNy);
    expect(dates(slotsBetween(biweekly, '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z'))).toEqual(['2026-12-11', '2026-12-25', '2027-01-15', '2027-01-29']);
    // 2027-01-01 falls in 2026-W53 (odd) and 2027-01-08 in 2027-W01 (odd): a 21-day gap, by definition of even weeks.
  });

  it('should keep even-ISO-week parity across 2020 (53 weeks) and 2025 (52 weeks)', () => {
    const biweekly = schedule('biweekly on friday at 15:10', everyDayNy);
    expect(dates(slotsBetween(biweekly, '2020-12-01T00:00:00Z', '2021-02-01T00:00:00Z'))).toEqual(['2020-12-11', '2020-12-25', '2021-01-15', '2021-01-29']);
    expect(dates(slotsBetween(biweekly, '2025-12-15T00:00:00Z', '2026-01-20T00:00:00Z'))).toEqual(['2025-12-26', '2026-01-09']);
  });

  it('should keep a strict 14-day cadence across week 53 when biweekly has an anchor', () => {
    const anchored = schedule({ when: 'biweekly on friday at 15:10', anchor: '2026-12-25' }, everyDayNy);
    expect(dates(slotsBetween(anchored, '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z'))).toEqual(['2026-12-11', '2026-12-25', '2027-01-08', '2027-01-22']);
    const every14 = schedule({ every: '14 days', at: '15:10', anchor: '2026-12-25' }, everyDayNy);
    expect(dates(slotsBetween(every14, '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z'))).toEqual(['2026-12-11', '2026-12-25', '2027-01-08', '2027-01-22']);
  });

  it('should count every N trading days from the anchor in both directions, across holidays', () => {
    const every5 = schedule({ when: 'every 5 trading days at 15:10', anchor: '2026-11-16' });
    expect(dates(slotsBetween(every5, '2026-11-01T00:00:00Z', '2026-12-02T00:00:00Z'))).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-12-01']);
  });

  it('should run monthly and quarterly on the last trading day', () => {
    const y = ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'] as const;
    expect(dates(slotsBetween(schedule('monthly on last_trading_day at 15:10'), ...y))).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29', '2026-06-30',
      '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-30', '2026-11-30', '2026-12-31',
    ]);
    expect(slotsBetween(schedule('quarterly at 15:10'), ...y).map((s) => s.localTime)).toEqual([
      '2026-03-31T15:10:00-04:00', '2026-06-30T15:10:00-04:00', '2026-09-30T15:10:00-04:00', '2026-12-31T15:10:00-05:00',
    ]);
    expect(dates(slotsBetween(schedule('monthly on first_trading_day at 09:45'), '2026-01-01T00:00:00Z', '2026-02-28T00:00:00Z'))).toEqual(['2026-01-02', '2026-02-02']);
  });

  it('should use the NSE calendar in Asia/Kolkata', () => {
    const nse = schedule('daily at 15:10', { policyId: 'india', timeZone: 'Asia/Kolkata', calendar: 'XNSE' });
    expect(slotsBetween(nse, '2026-01-13T00:00:00+05:30', '2026-01-17T00:00:00+05:30').map((s) => s.at)).toEqual([
      '2026-01-13T09:40:00Z', '2026-01-14T09:40:00Z', '2026-01-16T09:40:00Z',
    ]);
  });

  it('should throw CALENDAR_OUT_OF_RANGE for a window beyond the calendar', () => {
    expect(() => slotsBetween(schedule('daily at 16:30'), '2028-01-02T00:00:00Z', '2028-01-10T00:00:00Z')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
    expect(() => slotsBetween(schedule('daily at 16:30', { ...nyse, calendar: 'XNSE', timeZone: 'Asia/Kolkata' }), '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
  });

  it('should refuse instants without an offset', () => {
    expect(() => slotsBetween(schedule('daily at 16:30'), '2026-11-23T00:00:00', '2026-11-24T00:00:00Z')).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_INSTANT' }));
  });
});
