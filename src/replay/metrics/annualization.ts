/** Trading sessions in a year, the annualization factor of daily returns (ffn, empyrical, quantstats). */
export const SESSIONS_PER_YEAR = 252;

/** Days in a calendar year for CAGR and annualized turnover: 365.25, as ffn's `year_frac` (31,557,600 s). */
export const DAYS_PER_YEAR = 365.25;

const MS_PER_DAY = 86_400_000;

/**
 * Converts an annual rate, in percent, to the equivalent daily rate as a fraction: (1 + rf)^(1/252) − 1, ffn's
 * `deannualize` (used by its `calc_sharpe` and `calc_sortino_ratio`). `dailyRate(0)` is 0; `dailyRate(5)` ≈ 0.000193.
 */
export function dailyRate(annualPct: number): number {
  return (1 + annualPct / 100) ** (1 / SESSIONS_PER_YEAR) - 1;
}

/**
 * Calendar years covered by a replay whose first session is `firstDate` and last is `lastDate` (`YYYY-MM-DD`).
 *
 * The start is the day before the first session, where the starting capital stands, as ffn measures bt's equity
 * (bt prepends a row one day before the first date): years = (last − (first − 1 day)) / 365.25 days. A one-session
 * replay covers 1 / 365.25 years, never 0.
 */
export function yearsCovered(firstDate: string, lastDate: string): number {
  const days = (Date.parse(`${lastDate}T00:00:00Z`) - Date.parse(`${firstDate}T00:00:00Z`)) / MS_PER_DAY + 1;
  return days / DAYS_PER_YEAR;
}
