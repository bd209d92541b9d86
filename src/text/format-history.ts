import type { RunSummary } from '../store/run-summary.js';
import type { RunInitiator } from '../store/run-record.js';
import { pct } from './numbers.js';
import { PLAIN, type Paint } from './paint.js';
import { textTable } from './text-table.js';

const STARTED_BY: Readonly<Record<RunInitiator, string>> = { 'main-job': 'run', cli: 'evaluate', schedule: 'serve' };

/** What started a run, as the command people typed: `run` (the main job), `evaluate`, or `serve` (a schedule). */
export function startedBy(initiator: RunInitiator): string {
  return STARTED_BY[initiator];
}

/**
 * `ballast history` for a terminal: a header row, then one row per run, oldest first: the run id, when it ran (the
 * clock instant, in `zone` through `inZone`), the prices' date, the policy and its revision, what started it, and the
 * run's metrics (trades, two-way turnover %, largest drift before → after in pp, rebalance budget used %; `—` where a
 * policy has no rebalance).
 */
export function formatHistory(runs: readonly RunSummary[], inZone: (iso: string) => string, paint: Paint = PLAIN): string[] {
  const rows = runs.map((r) => [
    r.id,
    inZone(r.recordedAt ?? r.evaluatedAt),
    r.asOf,
    r.policy.policyId,
    r.policy.revision,
    startedBy(r.initiator),
    String(r.metrics.tradeCount),
    `${pct(r.metrics.turnoverPct)}%`,
    r.metrics.maxDriftBeforePp === null || r.metrics.maxDriftAfterPp === null ? '—' : `${pct(r.metrics.maxDriftBeforePp)} → ${pct(r.metrics.maxDriftAfterPp)}`,
    r.metrics.budgetUsedPct === null ? '—' : `${pct(r.metrics.budgetUsedPct)}%`,
  ]);
  const header = ['run', 'ran at', 'prices as of', 'policy', 'revision', 'by', 'trades', 'turnover', 'max drift pp', 'budget used'];
  return textTable(header, rows, { right: new Set([6, 7, 8, 9]), paint, style: (cell, _row, column) => (column === 0 ? paint.id(cell) : column === 1 ? paint.quiet(cell) : cell) });
}
