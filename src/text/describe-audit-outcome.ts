import type { ProposalRecord } from '../approval/proposal-record.js';
import { money, shares } from './numbers.js';

/** What became of a decided proposal, briefly: `executed: sold 300 @ 43.24`, `rejected`, `stale: …`, `expired`. */
export function describeOutcome(record: ProposalRecord): string {
  if (record.status === 'executed' && record.execution !== undefined) {
    const fill = record.execution.fill;
    return `executed: ${fill.side === 'sell' ? 'sold' : 'bought'} ${shares(fill.quantity)} ${fill.symbol} @ ${money(fill.price)}`;
  }
  return record.outcome === undefined ? record.status : `${record.status}: ${record.outcome.message}`;
}
