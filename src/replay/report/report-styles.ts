/** The report's whole style sheet, inlined: system fonts, no web fonts or images, readable on a phone and in print. */
export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2933; --muted: #616e7c; --line: #e4e7eb; --soft: #f5f7fa; --good: #2b9348; --bad: #d64545; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 12px; }
.sub { color: var(--muted); margin: 0 0 20px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 24px; font-weight: 600; }
.card .vs { color: var(--muted); font-size: 13px; }
.up { color: var(--good); } .down { color: var(--bad); }
figure.chart { margin: 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; background: #fff; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
table.metrics { max-width: 720px; }
.lines { margin: 14px 0; padding: 0; list-style: none; }
.lines b { display: inline-block; min-width: 90px; color: var(--muted); font-weight: 600; }
details summary { cursor: pointer; font-weight: 600; margin-bottom: 8px; }
.scroll { max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
.scroll thead th { position: sticky; top: 0; box-shadow: 0 1px 0 var(--line); }
.trades td { font-size: 13px; }
.trades td.reason { color: var(--muted); min-width: 280px; }
.note { color: var(--muted); font-size: 13px; }
footer { color: var(--muted); font-size: 13px; }
@media print { body { background: #fff; } .scroll { max-height: none; overflow: visible; } section { break-inside: avoid; } }
`;
