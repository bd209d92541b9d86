import { describe, expect, it } from 'vitest';
import { getCalendar } from '../../src/market/calendars/get-calendar.js';
import { parsePricePanel } from '../../src/market/parse-price-panel.js';
import { closeInstantMs, indexKnownAt } from '../../src/market/prices-known-at.js';

const panel = parsePricePanel('p.csv', 'date,KO\n2000-11-22,50\n2000-11-24,51\n2000-11-27,52\n');
const NY = 'America/New_York';

describe('indexKnownAt', () => {
  it('should see a session\'s close only from its close on (16:00 New York = 21:00 UTC in winter)', () => {
    expect(indexKnownAt(panel, new Date('2000-11-27T20:10:00Z'), NY)).toBe(1); // 15:10: Friday's close
    expect(indexKnownAt(panel, new Date('2000-11-27T21:00:00Z'), NY)).toBe(2); // 16:00: Monday's own close
    expect(indexKnownAt(panel, new Date('2000-11-26T16:55:00Z'), NY)).toBe(1); // Sunday: Friday's
    expect(indexKnownAt(panel, new Date('2000-11-22T20:59:00Z'), NY)).toBe(-1);
  });

  it('should use the calendar\'s early close (13:00 on the day after Thanksgiving)', () => {
    const xnys = getCalendar('XNYS');
    expect(new Date(closeInstantMs('2000-11-24', NY, xnys)).toISOString()).toBe('2000-11-24T18:00:00.000Z');
    expect(indexKnownAt(panel, new Date('2000-11-24T19:00:00Z'), NY, xnys)).toBe(1);
    expect(indexKnownAt(panel, new Date('2000-11-24T19:00:00Z'), NY)).toBe(0);
  });
});
