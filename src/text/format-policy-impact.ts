import type { ImpactReport } from '../policy-diff/impact-report.js';
import { fixed } from './numbers.js';
import type { ImpactMetrics, PolicyImpact, ReplayedProposal } from '../policy-diff/policy-impact.js';

/** At most this many differing proposals are printed per policy; `--json` has them all. */
export const MAX_PROPOSALS_SHOWN = 40;

interface MetricRow {
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly change: string;
}

/**
 * The impact part of `ballast diff`: what the replays started from, then per changed policy the proposals only the
 * base (`before`) or only the head (`after`) made, as date, symbol, action, quantity and rule, and the metric
 * deltas (CAGR, maximum drawdown, Sharpe, turnover per year, trades).
 */
export function formatPolicyImpact(report: ImpactReport): string {
  const lines = [`impact: both revisions replayed ${report.from} … ${report.to} on ${report.pricesFile}`];
  for (const entry of report.policies) {
    lines.push(`${entry.policyId}  from ${entry.start}, fills ${entry.fill}`);
    if ('error' in entry) {
      lines.push(`  could not replay: ${entry.error}`);
      continue;
    }
    const { impact } = entry;
    lines.push(`  ${impact.sessions} sessions · proposals that differ: ${impact.onlyBefore.length} only before, ${impact.onlyAfter.length} only after`);
    const rows = proposalRows(impact);
    const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows.slice(0, MAX_PROPOSALS_SHOWN)) lines.push(`  ${row.map((cell, i) => (i === 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()}`);
    if (rows.length > MAX_PROPOSALS_SHOWN) lines.push(`  … and ${rows.length - MAX_PROPOSALS_SHOWN} more (--json lists them all)`);
    const metrics = metricRows(impact.before, impact.after);
    const width = Math.max(...metrics.map((m) => m.name.length));
    for (const m of metrics) lines.push(`  ${m.name.padEnd(width)}  ${m.before} → ${m.after}  (${m.change})`);
  }
  return lines.join('\n');
}

/** The impact part of `ballast diff --markdown`: per policy a table of the differing proposals and one of the metrics. */
export function formatPolicyImpactMarkdown(report: ImpactReport): string {
  const lines = ['', `#### Impact: replayed ${report.from} … ${report.to}`, '', `Both revisions over \`${report.pricesFile}\`.`];
  for (const entry of report.policies) {
    lines.push('', `**\`${entry.policyId}\`** from ${entry.start}, fills ${entry.fill}`);
    if ('error' in entry) {
      lines.push('', `:x: could not replay: ${entry.error}`);
      continue;
    }
    const { impact } = entry;
    lines.push('', `${impact.onlyBefore.length} proposal(s) only before, ${impact.onlyAfter.length} only after, over ${impact.sessions} sessions.`);
    const rows = proposalRows(impact);
    if (rows.length > 0) {
      lines.push('', '| | date | symbol | action | quantity | rule |', '| --- | --- | --- | --- | ---: | --- |');
      for (const row of rows.slice(0, MAX_PROPOSALS_SHOWN)) lines.push(`| ${row.join(' | ')} |`);
      if (rows.length > MAX_PROPOSALS_SHOWN) lines.push('', `… and ${rows.length - MAX_PROPOSALS_SHOWN} more (\`ballast diff --json\` lists them all).`);
    }
    lines.push('', '| metric | before | after | change |', '| --- | ---: | ---: | ---: |');
    for (const m of metricRows(impact.before, impact.after)) lines.push(`| ${m.name} | ${m.before} | ${m.after} | ${m.change} |`);
  }
  return lines.join('\n');
}

function proposalRows(impact: PolicyImpact): string[][] {
  const row = (side: string, p: ReplayedProposal): string[] => [side, p.date, p.symbol, p.action, String(p.quantity), p.rule];
  return [...impact.onlyBefore.map((p) => row('before', p)), ...impact.onlyAfter.map((p) => row('after', p))].sort((a, b) => a[1]!.localeCompare(b[1]!) || a[2]!.localeCompare(b[2]!) || a[0]!.localeCompare(b[0]!));
}

function metricRows(before: ImpactMetrics, after: ImpactMetrics): MetricRow[] {
  const pct = (v: number): string => `${fixed(v, 2)}%`;
  const pp = (a: number, b: number): string => `${sign(b - a, 2)} pp`;
  return [
    { name: 'CAGR', before: pct(before.cagrPct), after: pct(after.cagrPct), change: pp(before.cagrPct, after.cagrPct) },
    { name: 'max drawdown', before: pct(before.maxDrawdownPct), after: pct(after.maxDrawdownPct), change: pp(before.maxDrawdownPct, after.maxDrawdownPct) },
    {
      name: 'Sharpe',
      before: before.sharpe === null ? 'n/a' : fixed(before.sharpe, 2),
      after: after.sharpe === null ? 'n/a' : fixed(after.sharpe, 2),
      change: before.sharpe === null || after.sharpe === null ? 'n/a' : sign(after.sharpe - before.sharpe, 2),
    },
    { name: 'turnover / year', before: pct(before.turnoverPct), after: pct(after.turnoverPct), change: pp(before.turnoverPct, after.turnoverPct) },
    { name: 'trades', before: String(before.trades), after: String(after.trades), change: sign(after.trades - before.trades, 0) },
  ];
}

function sign(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${value > 0 ? '+' : '−'}${text}`;
}
