import type { ProposalRecord } from '../approval/proposal-record.js';
import type { PositionFacts } from '../engine/position-facts.js';
import type { RunRecord } from '../store/run-record.js';
import { describeEarlierRejection, describeStatus } from './describe-record.js';
import { localTime, timeLeft } from './local-time.js';
import { money, pct, shares } from './numbers.js';
import { bold, code, escapeHtml, escapeHtmlWithin, pre } from './telegram-html.js';

/** Telegram's limit on a message's text, in characters. */
export const MESSAGE_MAX_CHARS = 4096;

/** Where a message sits in its run's batch: part `index` (from 0) of `count`. */
export interface BatchPart {
  readonly index: number;
  readonly count: number;
}

/** The recorded run a batch comes from, as much of it as a message shows. */
export type BatchRun = Pick<RunRecord, 'id' | 'asOf' | 'dropped' | 'rebalance'> & {
  readonly policySnapshot: { readonly base_currency: string };
  readonly inputs: { readonly positions: readonly Pick<PositionFacts, 'symbol' | 'unrealized_pnl' | 'unrealized_pnl_pct'>[] };
};

/**
 * What a batch message shows besides its records: the run behind them (the prices' date, the currency, each
 * position's P&L, what the limits dropped; undefined when it cannot be read, and those lines are left out), the
 * approver's IANA time zone (checked valid) for every time shown, and the clock for the time left.
 */
export interface BatchView {
  readonly run: BatchRun | undefined;
  readonly timeZone: string;
  readonly now: Date;
}

/**
 * Splits a run's proposals into message groups, in order, so each message's text stays under 4,096 characters
 * (`maxChars`, counted on the HTML source). The grouping depends only on the records' proposals (not their status
 * or the clock), so re-rendering a message after a decision keeps the same proposals on it.
 */
export function splitBatch(records: readonly ProposalRecord[], maxChars = MESSAGE_MAX_CHARS): ProposalRecord[][] {
  const groups: ProposalRecord[][] = [];
  let current: ProposalRecord[] = [];
  let size = 0;
  for (const record of records) {
    // Budget each block for its longest status line, so an edit can never push a message past the limit.
    const block = proposalBlock(record, undefined, () => LONGEST_LOCAL_TIME).length + PNL_BUDGET + STATUS_BUDGET + 2;
    if (current.length > 0 && size + block > maxChars - HEADER_BUDGET) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += block;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The HTML of one message of a run's batch (for `parse_mode: 'HTML'`; every text not written by Ballast escaped):
 * a header (bot, run, part k/n, the prices' date, the currency, account, policy revision), then per proposal the
 * trade in bold, a `<pre>` table (price, notional, the position's P&L in money and percent, weight before → after),
 * the reason (and when and by whom the same trade was rejected before), the id and its status (pending: the expiry in the approver's zone and the time left; decided: who
 * decided what and when); on the first part, what the limits and rebalance constraints dropped.
 */
export function batchText(records: readonly ProposalRecord[], part: BatchPart, view: BatchView): string {
  const first = records[0]!;
  const partLabel = part.count > 1 ? ` · part ${part.index + 1}/${part.count}` : '';
  const header = [
    `${bold(first.policyName)} · ${escapeHtml(first.runId)}${partLabel}${first.dryRun ? ' · <b>DRY RUN</b>' : ''}`,
    ...(view.run ? [`prices of ${escapeHtml(view.run.asOf)} · amounts in ${escapeHtml(view.run.policySnapshot.base_currency)}`] : []),
    `account ${escapeHtml(first.accountId)} · policy @ ${escapeHtml(first.policyRevision)}`,
  ].join('\n');
  const blocks = records.map((record) => `${proposalBlock(record, view.run, (iso) => localTime(iso, view.timeZone))}\n${statusLine(record, view)}`);
  const dropped = part.index === 0 && view.run ? droppedSection(view.run) : [];
  return [header, ...blocks, ...dropped].join('\n\n');
}

/** Space for the header and the dropped section of the first part; the dropped section is cut to fit. */
const HEADER_BUDGET = 1600;
const DROPPED_MAX_CHARS = 1200;
const STATUS_BUDGET = 500;
/** The P&L row and the currency after each amount, absent when the split is measured. */
const PNL_BUDGET = 80;
const REASON_MAX_CHARS = 900;
/** As long as any {@link localTime} (`Sun 22 Nov 13:00 ` and a zone name of at most 30 characters). */
const LONGEST_LOCAL_TIME = 'x'.repeat(48);

function proposalBlock(record: ProposalRecord, run: BatchRun | undefined, time: (iso: string) => string): string {
  const p = record.proposal;
  const ccy = run ? ` ${run.policySnapshot.base_currency}` : '';
  const position = run?.inputs.positions.find((f) => f.symbol === p.symbol);
  const amounts: [string, string, string][] = [
    ['price', money(p.price), ''],
    ['notional', money(p.notional), ''],
    ...(position ? [['P&L', signedMoney(position.unrealized_pnl), ` ${signedPct(position.unrealized_pnl_pct)}%`] as [string, string, string]] : []),
  ];
  const width = Math.max(...amounts.map(([, value]) => value.length));
  const table = [
    ...amounts.map(([label, value, after]) => `${label.padEnd(9)}${value.padStart(width)}${ccy}${after}`),
    `${'weight'.padEnd(9)}${pct(p.weightBeforePct)}% → ${pct(p.weightAfterPct)}%`,
  ].join('\n');
  const also = p.alsoFired.length > 0 ? ` (also: ${escapeHtml(p.alsoFired.join(', '))})` : '';
  return [
    `${bold(`${p.side.toUpperCase()} ${shares(p.quantity)} ${p.symbol}`)} · ${escapeHtml(p.ruleId)}${also}`,
    pre(table),
    escapeHtmlWithin(p.reason, REASON_MAX_CHARS),
    ...(p.rejectedEarlier ? [escapeHtml(describeEarlierRejection(p, time)!)] : []),
    code(p.id),
  ].join('\n');
}

function statusLine(record: ProposalRecord, view: BatchView): string {
  const time = (iso: string): string => localTime(iso, view.timeZone);
  const text = record.status === 'pending'
    ? `⏳ pending · expires ${time(record.expiresAt)} (${timeLeft(record.expiresAt, view.now)})`
    : `${MARKS[record.status]} ${describeStatus(record, time)}`;
  return escapeHtmlWithin(text, STATUS_BUDGET);
}

const MARKS = { pending: '⏳', approved: '✅', executed: '✅', rejected: '❌', expired: '⌛', stale: '⚠️', failed: '⛔' } as const;

/** What the limits and the rebalance constraints kept from being proposed, one line each, cut to fit. */
function droppedSection(run: BatchRun): string[] {
  const lines = [
    ...run.dropped.map((d) => `• ${d.proposal.symbol} ${d.proposal.ruleId} · ${d.constraint}: ${d.detail}`),
    ...(run.rebalance?.dropped ?? []).map((d) => `• ${d.symbol} ${d.side} ${d.effect} · ${d.constraint}: ${d.detail}`),
  ];
  if (lines.length === 0) return [];
  const shown: string[] = [];
  let size = 0;
  for (const line of lines) {
    const html = escapeHtmlWithin(line, 300);
    if (size + html.length > DROPPED_MAX_CHARS - 80) break;
    shown.push(html);
    size += html.length + 1;
  }
  const more = lines.length - shown.length;
  const tail = more > 0 ? [`… and ${more} more: ${code(`ballast show ${run.id}`)}`] : [];
  return [[bold(`Not proposed: dropped by limits (${lines.length})`), ...shown, ...tail].join('\n')];
}

/** `+1,234.00`, `−12.40` (a true minus sign), `0.00`. */
function signedMoney(value: number): string {
  const text = money(Math.abs(value));
  return value > 0 && text !== '0.00' ? `+${text}` : value < 0 && text !== '0.00' ? `−${text}` : text;
}

/** `+31.2`, `−8.4`. */
function signedPct(value: number): string {
  return value > 0 && pct(value) !== '0.0' ? `+${pct(value)}` : pct(value);
}
