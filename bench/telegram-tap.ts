import { Api } from 'grammy';
import { performance } from 'node:perf_hooks';
import { ApprovalService } from '../src/approval/approval-service.js';
import { openProposalRecords } from '../src/approval/open-proposal-records.js';
import type { Proposal } from '../src/engine/proposal.js';
import { validatePolicy } from '../src/policy/validate-policy.js';
import { seedAccount } from '../src/portfolio/seed-account.js';
import type { Store } from '../src/store/store.js';
import { createTelegramBot } from '../src/telegram/create-telegram-bot.js';
import { postPendingBatches } from '../src/telegram/post-batches.js';
import { startBotApiServer } from '../tests/support/bot-api-server.js';

const CHAT = 1001;
const SECRET = 'bench-secret-0123456789abcdef';

/**
 * Times `presses` Telegram taps on `store`: opens that many proposals on a fresh paper account `bench-tap`, posts
 * them, starts the real grammY bot long-polling the loopback Bot API test server (tests/support), and for each
 * message presses Approve and waits until the message is edited (approval service, paper execution and the store's
 * write included). Returns the durations in ms, sorted.
 */
export async function measureTaps(store: Store, presses: number): Promise<number[]> {
  const server = await startBotApiServer();
  const validation = validatePolicy({ file: 'bench.yaml', text: 'version: 1\nid: bench-tap\naccount: bench-tap\napproval: { mode: telegram }\n' });
  if (!validation.ok) throw new Error('bench policy is invalid');
  const policy = validation.policy;
  const now = new Date();
  store.putAccount(seedAccount({ accountId: 'bench-tap', baseCurrency: 'USD', at: now.toISOString(), holdings: { cash: 1000, positions: Array.from({ length: presses }, (_, i) => ({ symbol: `S${i}`, quantity: 100, averageCost: 50, openedDate: '2026-01-02' })) } }));
  for (let i = 0; i < presses; i += 1) {
    const proposal: Proposal = { policyId: policy.id, kind: 'cut_loss', action: 'trim', ruleId: 'cut_loss', symbol: `S${i}`, side: 'sell', quantity: 10, price: 45, notional: 450, weightBeforePct: 1.6, weightAfterPct: 1.4, reason: 'down 10% since entry', alsoFired: [], tags: [] };
    const run = await store.recordRun({ policy: { policyId: policy.id, file: 'bench.yaml', revision: 'bench', contentHash: '0'.repeat(64) }, policySnapshot: policy, initiator: 'cli', asOf: '2026-01-02', evaluatedAt: now.toISOString(), inputs: { holdingsFile: '-', pricesFile: '-', cash: 0, equity: 0, positions: [] }, proposals: [proposal, { ...proposal, quantity: 5 }], dropped: [], metrics: { tradeCount: 0, turnoverPct: 0, maxDriftBeforePp: null, maxDriftAfterPp: null, budgetUsedPct: null } });
    openProposalRecords(store, run, policy, now, () => `n${String(i).padStart(7, '0')}`);
  }
  await store.persist();
  await postPendingBatches(new Api(server.token, { apiRoot: server.apiRoot }), store, { chatId: CHAT, secret: SECRET, timeZone: 'UTC' }, now);
  const quotes = (): number => 45;
  const bot = createTelegramBot({ config: { token: server.token, secret: SECRET, chatId: CHAT, users: new Map([[CHAT, 'approver']]), timeZone: 'UTC' }, service: new ApprovalService(store, quotes), store, quotes, now: () => new Date(), log: console.error, nextRuns: async () => [], policiesInForce: async () => [] }, { apiRoot: server.apiRoot, botInfo: server.botInfo });
  let started!: () => void;
  const onStart = new Promise<void>((resolve) => (started = resolve));
  const running = bot.start({ timeout: 30, onStart: () => started() });
  await onStart;
  const samples: number[] = [];
  for (const message of server.messages(CHAT)) {
    const data = message.reply_markup!.inline_keyboard[0]![0]!;
    const t0 = performance.now();
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: CHAT, data: (data as { callback_data: string }).callback_data });
    await server.waitFor((s) => s.messages(CHAT).find((m) => m.message_id === message.message_id)!.editCount === 1);
    samples.push(performance.now() - t0);
  }
  await bot.stop();
  await running;
  await server.close();
  return samples.sort((a, b) => a - b);
}

/** The median of sorted samples. */
export function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)]!;
}
