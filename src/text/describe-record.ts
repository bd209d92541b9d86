import { money, pct, shares } from './numbers.js';
import type { ProposalRecord } from '../approval/proposal-record.js';
import type { Proposal } from '../engine/proposal.js';

/**
 * One line saying what a proposal is: `sell 300 GE @ 43.26 = 12,978.00 · 12.0% → 0.0% · cut_loss`
 * (notional and price in base currency, weights in percent of equity).
 */
export function describeTrade(record: ProposalRecord): string {
  const p = record.proposal;
  return `${p.side} ${shares(p.quantity)} ${p.symbol} @ ${money(p.price)} = ${money(p.notional)} · ${pct(p.weightBeforePct)}% → ${pct(p.weightAfterPct)}% · ${p.ruleId}`;
}

/**
 * What happened to a proposal, for people: `pending until 2026-11-22 12:00 UTC`, `approved by Ana (telegram) at
 * 2026-11-21 12:00 UTC → executed: sold 300 @ 43.04, commission 1.00`, `rejected by …`, `expired …`, `stale: …`.
 * Times are written by `time` (default {@link shortTime}, UTC); Telegram passes one in the approver's zone.
 */
export function describeStatus(record: ProposalRecord, time: (iso: string) => string = shortTime): string {
  if (record.status === 'pending') return `pending until ${time(record.expiresAt)}`;
  const d = record.decision;
  const who = d === undefined ? '' : `${d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : 'expired'}${d.channel === 'system' ? '' : ` by ${d.actorName} (${d.channel})`} at ${time(d.at)}`;
  switch (record.status) {
    case 'executed': {
      const fill = record.execution!.fill;
      return `${who} → executed: ${fill.side === 'sell' ? 'sold' : 'bought'} ${shares(fill.quantity)} @ ${money(fill.price)}, commission ${money(fill.commission)}`;
    }
    case 'approved':
      return `${who}${record.outcome ? ` → ${record.outcome.message}` : ''}`;
    case 'rejected':
    case 'expired':
      return who;
    case 'stale':
    case 'failed':
      return `${who} → ${record.status}: ${record.outcome?.message ?? ''}`;
  }
}

/**
 * The earlier rejection of the same trade a proposal carries, for people: `rejected earlier by alice (cli) at
 * 2026-11-21 12:05 UTC` (the time written by `time`, default {@link shortTime}), or undefined when there is none.
 */
export function describeEarlierRejection(proposal: Proposal, time: (iso: string) => string = shortTime): string | undefined {
  const earlier = proposal.rejectedEarlier;
  return earlier && `rejected earlier by ${earlier.actorName} (${earlier.channel}) at ${time(earlier.at)}`;
}

/**
 * A proposal's reason as a trader reads it, followed by the earlier rejection of the same trade when there was one:
 * `…: sell all (300 of 300 sh, 12,978.00); rejected earlier by alice (cli) at 2026-11-21 12:05 UTC`.
 */
export function proposalReason(proposal: Proposal): string {
  const earlier = describeEarlierRejection(proposal);
  return earlier === undefined ? proposal.reason : `${proposal.reason}; ${earlier}`;
}

/** `2026-11-21 12:00 UTC` from an ISO 8601 time. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
