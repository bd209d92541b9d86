import type { ProposalRecord } from '../approval/proposal-record.js';
import { money } from './numbers.js';

/** Telegram's limit on a button press's answer, in characters. */
const ANSWER_MAX_CHARS = 200;

/**
 * The question "Approve all" / "Reject all" asks before deciding anything, within the 200 characters of a Telegram
 * answer: how many proposals of which run, what they trade in total (sells and buys in the account's `currency`),
 * and their symbols (cut with `…` when they do not fit): `Approve all 2 of run-000001: sell 7,000.00 USD (AAA, BBB)?
 * Tap “Yes” to confirm, or Cancel.`
 */
export function describeApproveAll(decision: 'approve' | 'reject', runId: string, pending: readonly ProposalRecord[], currency: string): string {
  const total = (side: 'buy' | 'sell'): number => pending.filter((r) => r.proposal.side === side).reduce((sum, r) => sum + r.proposal.notional, 0);
  const amounts = (['sell', 'buy'] as const).filter((side) => pending.some((r) => r.proposal.side === side)).map((side) => `${side} ${money(total(side))}`);
  const head = `${decision === 'approve' ? 'Approve' : 'Reject'} all ${pending.length} of ${runId}: ${amounts.join(' · ')} ${currency}`;
  const tail = '? Tap “Yes” to confirm, or Cancel.';
  const room = ANSWER_MAX_CHARS - head.length - tail.length - ' (…)'.length;
  let symbols = pending.map((r) => r.proposal.symbol).join(', ');
  if (symbols.length > room) symbols = `${symbols.slice(0, Math.max(0, room)).replace(/,? [^,]*$/, '')}, …`;
  return `${head} (${symbols})${tail}`;
}
