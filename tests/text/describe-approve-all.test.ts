import { describe, expect, it } from 'vitest';
import { describeApproveAll } from '../../src/text/describe-approve-all.js';
import { sellProposal, storeWithPending } from '../approval/approval-fixtures.js';

describe('describeApproveAll', () => {
  it('should fit 200 characters with the totals kept and the symbols cut', async () => {
    const proposals = Array.from({ length: 60 }, (_, i) => sellProposal(`SYM${i}`, 10, 12.5));
    const { records } = await storeWithPending(undefined, proposals);
    const text = describeApproveAll('reject', 'run-000001', records, 'EUR');
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toMatch(/^Reject all 60 of run-000001: sell 7,500\.00 EUR \(SYM0, SYM1, [^)]*, …\)\? Tap “Yes” to confirm, or Cancel\.$/);
  });
});
