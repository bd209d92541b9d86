import { money, pct, shares } from './numbers.js';
import type { PolicyRun } from '../run/run-policy.js';
import type { RunMetrics } from '../engine/run-metrics.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { DroppedTrade } from '../engine/rebalance/index.js';
import type { Policy } from '../policy/policy.js';
import type { StrategyRunRecord } from '../store/run-record.js';
import type { Proposal, RecordedProposal } from '../engine/proposal.js';
import { describeEarlierRejection } from './describe-record.js';
import { formatStrategyRun } from './format-strategy-run.js';
import { byStatus, PLAIN, type Paint } from './paint.js';
import { textTable } from './text-table.js';
import type { ProposalStatus } from '../approval/proposal-record.js';

/** What a run printout shows: the same for a fresh evaluation and for a recorded run (`ballast show`). */
export interface RunView {
  readonly policy: Policy;
  readonly file: string;
  readonly revision: string;
  /** A recorded run's proposals carry their ids (shown); a preview's have none. */
  readonly evaluation: Pick<Evaluation, 'asOf' | 'equity' | 'cash' | 'positions' | 'dropped' | 'metrics'> & {
    readonly proposals: readonly (Proposal | RecordedProposal)[];
    readonly rebalance?: { readonly dropped: readonly DroppedTrade[] } | undefined;
    readonly strategies?: StrategyRunRecord | undefined;
  };
  readonly footer: string;
  /**
   * What became of each proposal, by proposal id, for a recorded run (`ballast show`): printed under its reason.
   * Absent for a fresh evaluation (the submission says what waits).
   */
  readonly decisions?: ReadonlyMap<string, { readonly status: ProposalStatus; readonly text: string }>;
}

/** A fresh policy run as a {@link RunView}: with its proposals' ids once recorded. */
export function formatRun({ policy, loaded, evaluation, run }: PolicyRun, paint: Paint = PLAIN): string {
  const footer = run ? `recorded as ${run.id}` : 'preview only: not recorded';
  return formatRunView({ policy, file: loaded.file, revision: loaded.revision.revision, evaluation: run ? { ...evaluation, proposals: run.proposals } : evaluation, footer }, paint);
}

/**
 * A run for a terminal: a heading with the bot, revision, prices date and equity, a table of the proposals (with
 * their ids when recorded), each one's reason beneath (then the rules that also fired and an earlier rejection of the
 * same trade, and for a recorded run what became of it), then what the limits and rebalance constraints dropped, the
 * strategies (which rebalanced and which held, the allocation, the netting), the metrics and a footer.
 */
export function formatRunView({ policy, file, revision, evaluation, footer, decisions }: RunView, paint: Paint = PLAIN): string {
  const lines: string[] = [];
  const ccy = policy.base_currency;
  lines.push(paint.heading(`${policy.name} · ${file} @ ${revision}`));
  lines.push(`  prices as of ${evaluation.asOf} · equity ${money(evaluation.equity)} ${ccy} · cash ${money(evaluation.cash)} ${ccy} · ${evaluation.positions.length} positions`);
  if (evaluation.proposals.length === 0) {
    lines.push('  no proposals: every position is within the policy');
  } else {
    const recorded = evaluation.proposals.every((p) => 'id' in p);
    const rows = evaluation.proposals.map((p, i) => [
      String(i + 1),
      ...('id' in p ? [p.id] : []),
      p.ruleId,
      p.kind === 'entry' ? 'entry' : p.action,
      p.symbol,
      `${p.side} ${shares(p.quantity)}`,
      money(p.price),
      money(p.notional),
      `${pct(p.weightBeforePct)}% → ${pct(p.weightAfterPct)}%`,
    ]);
    const header = ['#', ...(recorded ? ['id'] : []), 'rule', 'action', 'symbol', 'quantity', 'price', `notional ${ccy}`, 'weight'];
    const table = textTable(header, rows, { right: new Set(recorded ? [0, 5, 6, 7] : [0, 4, 5, 6]), indent: 2, paint, style: (cell, _row, column) => (recorded && column === 1 ? paint.id(cell) : cell) });
    lines.push(table[0]!);
    evaluation.proposals.forEach((p, i) => {
      lines.push(table[i + 1]!);
      const rejected = describeEarlierRejection(p);
      lines.push(`      ${p.reason}${p.alsoFired.length > 0 ? ` [also fired: ${p.alsoFired.join(', ')}]` : ''}${rejected ? `; ${rejected}` : ''}`);
      const decision = 'id' in p ? decisions?.get(p.id) : undefined;
      if (decisions !== undefined) lines.push(`      → ${decision === undefined ? paint.quiet('not put up for approval') : byStatus(paint, decision.status, decision.text)}`);
    });
  }
  if (evaluation.dropped.length > 0) {
    lines.push(`  dropped by limits (${evaluation.dropped.length}):`);
    for (const d of evaluation.dropped) {
      lines.push(`    ${d.proposal.symbol.padEnd(6)} ${d.proposal.ruleId.padEnd(18)} ${d.constraint}: ${d.detail}`);
    }
  }
  const plan = evaluation.rebalance;
  if (plan && plan.dropped.length > 0) {
    lines.push(`  rebalance trades dropped or cut by constraints (${plan.dropped.length}):`);
    for (const d of plan.dropped) lines.push(`    ${d.symbol.padEnd(6)} ${d.side.padEnd(4)} ${d.effect.padEnd(7)} ${d.constraint}: ${d.detail}`);
  }
  if (evaluation.strategies) lines.push(...formatStrategyRun(evaluation.strategies, ccy));
  lines.push(`  ${formatMetrics(evaluation.metrics)}`);
  lines.push(`  ${footer}`);
  return lines.join('\n');
}

/** One line of run metrics: trades, turnover, max drift before → after, budget used. */
export function formatMetrics(metrics: RunMetrics): string {
  const parts = [`${metrics.tradeCount} ${metrics.tradeCount === 1 ? 'trade' : 'trades'}`, `turnover ${pct(metrics.turnoverPct)}%`];
  if (metrics.maxDriftBeforePp !== null && metrics.maxDriftAfterPp !== null) {
    parts.push(`max drift ${pct(metrics.maxDriftBeforePp)} pp → ${pct(metrics.maxDriftAfterPp)} pp`);
  }
  if (metrics.budgetUsedPct !== null) parts.push(`budget used ${pct(metrics.budgetUsedPct)}%`);
  return parts.join(' · ');
}
