import type { RunStore } from '../store/run-store.js';
import type { BatchView } from '../text/telegram-batch.js';

/**
 * What a batch message of run `runId` shows besides its records: the recorded run (undefined when it cannot be read,
 * so the message still goes out, without the prices' date, P&L and drops), the approvers' zone and the clock.
 */
export async function batchView(store: RunStore, runId: string, timeZone: string, now: Date): Promise<BatchView> {
  const run = await store.getRun(runId).catch(() => undefined);
  return { run, timeZone, now };
}
