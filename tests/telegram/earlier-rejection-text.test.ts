import { describe, expect, it } from 'vitest';
import { formatBatchMessage } from '../../src/telegram/format-batch.js';
import { T0, sellProposal, storeWithPending } from '../approval/approval-fixtures.js';

describe('formatBatchMessage', () => {
  it('should say under a proposal when the same trade was rejected before and by whom, in the approver zone', async () => {
    const rejectedEarlier = { symbol: 'AAA', side: 'sell', proposalId: 'p-000001-1', at: '2026-11-20T15:04:00.000Z', actorName: 'alice', channel: 'cli' } as const;
    const { records } = await storeWithPending(undefined, [{ ...sellProposal('AAA', 100, 60), rejectedEarlier }, sellProposal('BBB', 40, 25)]);
    const view = { run: undefined, timeZone: 'Europe/Berlin', now: T0 };
    const message = formatBatchMessage(records, { index: 0, count: 1, runPending: 2, runNonce: records[0]!.nonce }, 'test-secret-0123456789abcdef', view);
    expect(message.text).toMatch(/SELL 100 AAA[\s\S]*down 12% since entry\nrejected earlier by alice \(cli\) at Fri 20 Nov 16:04 Europe\/Berlin\n<code>p-000001-1<\/code>/);
    expect(message.text.match(/rejected earlier/g)).toHaveLength(1);
  });
});
