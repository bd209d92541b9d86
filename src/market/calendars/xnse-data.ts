import type { CalendarData } from './calendar-data.js';

/**
 * NSE India (XNSE) equity session calendar, 2023–2026.
 *
 * Source: NSE's yearly equity-segment trading-holiday circulars (nseindia.com, "Equity market timings & holidays"),
 * as transcribed in exchange_calendars XBOM (BSE and NSE equity holidays coincide for these years), plus NSE's later
 * additions: 2024-01-22 (Ram Mandir), 2024-05-20 (Lok Sabha election, Mumbai), 2024-11-20 (Maharashtra assembly
 * election), 2026-01-15 (Maharashtra municipal elections). 2023-06-29 replaces the originally listed 2023-06-28.
 * Weekend sessions: Saturday 2024-01-20 (full session in place of 2024-01-22) and Saturday 2025-02-01 (Union Budget).
 * Not modelled: the one-hour Diwali Muhurat sessions (the day stays a holiday here) and the short Saturday disaster-
 * recovery drill sessions (2024-03-02, 2024-05-18). NSE has no regular early closes.
 */
export const xnseData: CalendarData = {
  code: 'XNSE',
  name: 'National Stock Exchange of India',
  timeZone: 'Asia/Kolkata',
  open: '09:15',
  close: '15:30',
  firstYear: 2023,
  lastYear: 2026,
  weekendDays: [6, 7],
  holidays: {
    2023: ['2023-01-26', '2023-03-07', '2023-03-30', '2023-04-04', '2023-04-07', '2023-04-14', '2023-05-01', '2023-06-29', '2023-08-15', '2023-09-19', '2023-10-02', '2023-10-24', '2023-11-14', '2023-11-27', '2023-12-25'],
    2024: ['2024-01-22', '2024-01-26', '2024-03-08', '2024-03-25', '2024-03-29', '2024-04-11', '2024-04-17', '2024-05-01', '2024-05-20', '2024-06-17', '2024-07-17', '2024-08-15', '2024-10-02', '2024-11-01', '2024-11-15', '2024-11-20', '2024-12-25'],
    2025: ['2025-02-26', '2025-03-14', '2025-03-31', '2025-04-10', '2025-04-14', '2025-04-18', '2025-05-01', '2025-08-15', '2025-08-27', '2025-10-02', '2025-10-21', '2025-10-22', '2025-11-05', '2025-12-25'],
    2026: ['2026-01-15', '2026-01-26', '2026-03-03', '2026-03-26', '2026-03-31', '2026-04-03', '2026-04-14', '2026-05-01', '2026-05-28', '2026-06-26', '2026-09-14', '2026-10-02', '2026-10-20', '2026-11-10', '2026-11-24', '2026-12-25'],
  },
  earlyCloses: {},
  extraSessions: {
    '2024-01-20': { open: '09:15', close: '15:30' },
    '2025-02-01': { open: '09:15', close: '15:30' },
  },
  source: 'NSE equity trading-holiday circulars 2023–2026 (via exchange_calendars XBOM) and NSE special-session notices',
};
