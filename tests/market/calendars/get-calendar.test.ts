import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../../src/market/calendars/get-calendar.js';
import { addDays } from '../../../src/time/iso-date.js';

function sessionsIn(code: string, year: number): number {
  const cal = getCalendar(code);
  let n = 0;
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (cal.isSession(d)) n++;
  return n;
}

describe('getCalendar XNYS', () => {
  const nyse = getCalendar('XNYS');

  it('should cover 1990–2027 in America/New_York', () => {
    expect(nyse).toMatchObject({ code: 'XNYS', timeZone: 'America/New_York', coveredYears: { first: 1990, last: 2027 } });
  });

  it('should count the sessions NYSE published per year', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((y) => sessionsIn('XNYS', y))).toEqual([250, 252, 250, 251, 251]);
  });

  it('should close on weekends, holidays and ad hoc closures', () => {
    expect(nyse.isSession('2026-11-28')).toBe(false); // Saturday
    expect(nyse.isSession('2026-11-26')).toBe(false); // Thanksgiving
    expect(nyse.isSession('2026-07-03')).toBe(false); // Independence Day observed (4 July is a Saturday)
    expect(nyse.isSession('2027-06-18')).toBe(false); // Juneteenth observed
    expect(nyse.isSession('2025-01-09')).toBe(false); // Carter national day of mourning
    expect(nyse.isSession('2001-09-13')).toBe(false);
    expect(nyse.isSession('1994-01-03')).toBe(true); // 1994-01-01 was a Saturday: no observed holiday
    expect(nyse.isSession('1997-01-20')).toBe(true); // MLK day only from 1998
    expect(nyse.isSession('1998-01-19')).toBe(false);
  });

  it('should give regular and early-close session times in exchange time', () => {
    expect(nyse.sessionOpenClose('2026-11-25')).toMatchObject({ earlyClose: false });
    const regular = nyse.sessionOpenClose('2026-11-25');
    expect([regular.open.toISO(), regular.close.toISO()]).toEqual(['2026-11-25T09:30:00.000-05:00', '2026-11-25T16:00:00.000-05:00']);
    const friday = nyse.sessionOpenClose('2026-11-27');
    expect(friday.close.toISO()).toBe('2026-11-27T13:00:00.000-05:00');
    expect(friday.earlyClose).toBe(true);
    expect(nyse.sessionOpenClose('2026-12-24').close.toFormat('HH:mm')).toBe('13:00');
    expect(nyse.sessionOpenClose('2024-07-03').close.toFormat('HH:mm')).toBe('13:00');
    expect(nyse.sessionOpenClose('2002-07-05').close.toFormat('HH:mm')).toBe('13:00');
    expect(nyse.sessionOpenClose('1992-11-27').close.toFormat('HH:mm')).toBe('14:00');
    expect(nyse.sessionOpenClose('2026-07-02').earlyClose).toBe(false);
  });

  it('should find the next and previous session across a holiday', () => {
    expect(nyse.nextSession('2026-11-25')).toBe('2026-11-27');
    expect(nyse.previousSession('2026-11-27')).toBe('2026-11-25');
    expect(nyse.previousSession('2026-12-28')).toBe('2026-12-24');
    expect(nyse.nextSession('2026-12-31')).toBe('2027-01-04');
  });

  it('should throw CALENDAR_OUT_OF_RANGE outside 1990–2027, never guess', () => {
    expect(() => nyse.isSession('1989-12-29')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE', calendar: 'XNYS', date: '1989-12-29' }));
    expect(() => nyse.isSession('2028-01-03')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
    expect(() => nyse.nextSession('2027-12-31')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
    expect(() => nyse.previousSession('1990-01-02')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
  });

  it('should reject text that is not a date and a closed day asked for its times', () => {
    expect(() => nyse.isSession('2026-02-30')).toThrow(expect.objectContaining({ code: 'CALENDAR_BAD_DATE' }));
    expect(() => nyse.isSession('26-11-2026')).toThrow(expect.objectContaining({ code: 'CALENDAR_BAD_DATE' }));
    expect(() => nyse.sessionOpenClose('2026-11-26')).toThrow(expect.objectContaining({ code: 'CALENDAR_NOT_A_SESSION' }));
  });
});

describe('getCalendar XNSE', () => {
  const nse = getCalendar('XNSE');

  it('should open 09:15–15:30 Asia/Kolkata and cover 2023–2026', () => {
    const s = nse.sessionOpenClose('2026-11-23');
    expect([s.open.toISO(), s.close.toISO()]).toEqual(['2026-11-23T09:15:00.000+05:30', '2026-11-23T15:30:00.000+05:30']);
    expect(nse.coveredYears).toEqual({ first: 2023, last: 2026 });
  });

  it('should know NSE holidays and Saturday special sessions', () => {
    expect(nse.isSession('2026-01-15')).toBe(false); // Maharashtra municipal elections
    expect(nse.isSession('2026-11-10')).toBe(false); // Diwali Balipratipada
    expect(nse.isSession('2024-01-22')).toBe(false);
    expect(nse.isSession('2024-01-20')).toBe(true); // Saturday full session
    expect(nse.isSession('2025-02-01')).toBe(true); // Budget-day Saturday
    expect(nse.nextSession('2024-01-19')).toBe('2024-01-20');
    expect(nse.nextSession('2024-01-20')).toBe('2024-01-23');
  });

  it('should throw CALENDAR_OUT_OF_RANGE for 2022 and 2027', () => {
    expect(() => nse.isSession('2022-12-30')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
    expect(() => nse.nextSession('2026-12-31')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
  });
});

describe('getCalendar', () => {
  it('should refuse an unknown code with CALENDAR_UNKNOWN', () => {
    expect(() => getCalendar('XLON')).toThrow(expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }));
  });

  it('should return the same calendar object each time', () => {
    expect(getCalendar('XNYS')).toBe(getCalendar('XNYS'));
  });
});
