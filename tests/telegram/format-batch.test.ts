import { describe, expect, it } from 'vitest';
import type { ProposalRecord } from '../../src/approval/proposal-record.js';
import { formatBatchMessage } from '../../src/telegram/format-batch.js';
import { MESSAGE_MAX_CHARS, splitBatch } from '../../src/text/telegram-batch.js';
import { sellProposal, storeWithPending, T0 } from '../approval/approval-fixtures.js';

const SECRET = 'test-secret-0123456789abcdef';
const VIEW = { run: undefined, timeZone: 'UTC', now: T0 };

async function many(count: number): Promise<ProposalRecord[]> {
  const proposals = Array.from({ length: count }, (_, i) => ({
    ...sellProposal(`S${i}`, 10 + i, 12.5),
    reason: `reason ${i} `.repeat(40),
  }));
  return (await storeWithPending(undefined, proposals)).records;
}

describe('splitBatch / formatBatchMessage', () => {
  it('should split a long batch into messages under 4,096 characters, in order, with every proposal once', async () => {
    const records = await many(40);
    const groups = splitBatch(records);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.flat().map((r) => r.proposal.id)).toEqual(records.map((r) => r.proposal.id));
    groups.forEach((group, index) => {
      const message = formatBatchMessage(group, { index, count: groups.length, runPending: 40, runNonce: records[0]!.nonce }, SECRET, VIEW);
      expect(message.text.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
      expect(message.text).toMatch(new RegExp(`part ${index + 1}/${groups.length}`));
      const rows = message.keyboard!.inline_keyboard;
      expect(rows).toHaveLength(group.length + (index === groups.length - 1 ? 1 : 0));
      for (const button of rows.flat()) expect(Buffer.byteLength((button as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
    });
  });

  it('should show the trade with quantity, notional and weights, and drop the keyboard once nothing is pending', async () => {
    const [record] = await many(1);
    const pending = formatBatchMessage([record!], { index: 0, count: 1, runPending: 1, runNonce: record!.nonce }, SECRET, VIEW);
    expect(pending.text).toMatch(/<b>SELL 10 S0<\/b> · cut_loss\n<pre>price     12\.50\nnotional 125\.00\nweight   10\.0% → 0\.0%<\/pre>[\s\S]*<code>p-000001-1<\/code>/);
    expect(pending.keyboard!.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([['✅ Approve S0', '❌ Reject S0']]);
    const decided = formatBatchMessage([{ ...record!, status: 'rejected', decision: { decision: 'reject', actorId: 'telegram:1', actorName: '@ana', channel: 'telegram', at: '2026-11-21T12:03:00.000Z', policyRevision: 'abc1234' } }], { index: 0, count: 1, runPending: 0, runNonce: record!.nonce }, SECRET, VIEW);
    expect(decided.text).toMatch(/❌ rejected by @ana \(telegram\) at Sat 21 Nov 12:03 UTC/);
    expect(decided.keyboard).toBeUndefined();
  });

  it('should list what the limits and rebalance constraints dropped on the first part only, cut to fit with where to see the rest', async () => {
    const records = await many(40);
    const dropped = Array.from({ length: 30 }, (_, i) => ({ proposal: sellProposal(`D${i}`, 1, 10), constraint: 'max_trades_per_run' as const, detail: `rank ${i + 3}; max_trades_per_run is 2 <limit>` }));
    const run = {
      id: 'run-000001', asOf: '2026-11-20', policySnapshot: { base_currency: 'EUR' }, inputs: { positions: [] }, dropped,
      rebalance: { targetsPct: {}, dropped: [{ symbol: 'KO', side: 'buy' as const, constraint: 'budget' as const, effect: 'cut' as const, detail: 'budget 5% of equity used up' }], summary: {} as never },
    };
    const groups = splitBatch(records);
    const texts = groups.map((group, index) => formatBatchMessage(group, { index, count: groups.length, runPending: 40, runNonce: records[0]!.nonce }, SECRET, { ...VIEW, run }).text);
    expect(texts[0]).toMatch(/prices of 2026-11-20 · amounts in EUR/);
    expect(texts[0]).toMatch(/<b>Not proposed: dropped by limits \(31\)<\/b>\n• D0 cut_loss · max_trades_per_run: rank 3; max_trades_per_run is 2 &lt;limit&gt;\n/);
    expect(texts[0]).toMatch(/\n… and \d+ more: <code>ballast show run-000001<\/code>$/);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expect(texts.slice(1).some((t) => t.includes('Not proposed'))).toBe(false);
    const one = formatBatchMessage(records.slice(0, 1), { index: 0, count: 1, runPending: 1, runNonce: records[0]!.nonce }, SECRET, { ...VIEW, run: { ...run, dropped: [] } }).text;
    expect(one).toMatch(/Not proposed: dropped by limits \(1\)<\/b>\n• KO buy cut · budget: budget 5% of equity used up$/);
  });
});
