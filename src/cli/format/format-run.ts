import { money, pct, shares } from '../../engine/format-numbers.js';
import type { PolicyRun } from '../../jobs/evaluate-policy-file.js';

/**
 * A policy run for a terminal: a heading with the bot, revision, prices date and equity, one line per proposal
 * with its reason beneath, then what the limits dropped and where the run was recorded.
 */
export function formatRun({ policy, loaded, evaluation, run }: PolicyRun): string {
  const lines: string[] = [];
  const ccy = policy.base_currency;
  lines.push(`${policy.name} · ${loaded.file} @ ${loaded.revision.revision}`);
  lines.push(`  prices as of ${evaluation.asOf} · equity ${money(evaluation.equity)} ${ccy} · cash ${money(evaluation.cash)} ${ccy} · ${evaluation.positions.length} positions`);
  if (evaluation.proposals.length === 0) {
    lines.push('  no proposals: every position is within the policy');
  } else {
    const rows = evaluation.proposals.map((p, i) => [
      String(i + 1),
      p.id,
      p.ruleId,
      p.action,
      p.symbol,
      `${p.side} ${shares(p.quantity)}`,
      money(p.price),
      money(p.notional),
      `${pct(p.weightBeforePct)}% → ${pct(p.weightAfterPct)}%`,
    ]);
    const header = ['#', 'id', 'rule', 'action', 'symbol', 'quantity', 'price', `notional ${ccy}`, 'weight'];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const right = new Set([0, 5, 6, 7]);
    const line = (cells: string[]): string => '  ' + cells.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
    lines.push(line(header));
    evaluation.proposals.forEach((p, i) => {
      lines.push(line(rows[i]!));
      lines.push(`      ${p.reason}${p.alsoFired.length > 0 ? ` [also fired: ${p.alsoFired.join(', ')}]` : ''}`);
    });
  }
  if (evaluation.dropped.length > 0) {
    lines.push(`  dropped by limits (${evaluation.dropped.length}):`);
    for (const d of evaluation.dropped) {
      lines.push(`    ${d.proposal.symbol.padEnd(6)} ${d.proposal.ruleId.padEnd(18)} ${d.constraint}: ${d.detail}`);
    }
  }
  lines.push(run ? `  recorded as ${run.id}` : '  preview only: not recorded');
  return lines.join('\n');
}
