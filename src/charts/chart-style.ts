/** Colours and type shared by every chart, so the report and the Telegram picture look alike. */
export const CHART_STYLE = {
  fontFamily: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  text: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  policy: '#1f6feb',
  benchmark: '#7b8794',
  drawdown: '#d64545',
  /** Series colours for symbols and rules, in order, then again from the start. */
  palette: [
    '#1f6feb', '#f08c00', '#2b9348', '#d64545', '#7048e8', '#8d5524', '#e64980', '#0c8599', '#a9b700', '#495057',
    '#74c0fc', '#ffc078', '#8ce99a', '#ffa8a8', '#b197fc', '#d9a066', '#faa2c1', '#66d9e8', '#d8f5a2', '#868e96',
  ],
  /** The "other symbols" band and the cash band of a weights chart. */
  other: '#adb5bd',
  cash: '#dee2e6',
} as const;

/** Milliseconds since the epoch of a `YYYY-MM-DD` session at 00:00 UTC (ECharts' time axis reads these). */
export function sessionTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Formats an axis amount compactly: 950, 12.5k, 1.25M, 3.1B. */
export function compactAmount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}
