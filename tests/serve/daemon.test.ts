import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePaper } from '../../src/portfolio/execute-paper.js';
import type { InputsProvider } from '../../src/run/run-inputs.js';
import { exampleInputs } from '../../src/serve/inputs-provider.js';
import { Store } from '../../src/store/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { fixedInputs, manualWatcher, recordingNotifier, ROOT, workspace } from './daemon-harness.js';
import { recordedRuns } from '../support/recorded-runs.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function ws(files?: Record<string, string>) {
  const w = await workspace(files);
  dirs.push(w.dir);
  return w;
}

const NIGHTLY = (when: string, extra = '') => `version: 1\nid: night-bot\naccount: paper\ntime_zone: America/New_York\n${extra}schedules:\n  - { id: night, when: "${when}" }\n`;

describe('Daemon', () => {
  it('should evaluate again when an approval sells a position while the scheduled run is evaluating, so the sold position is not proposed', async () => {
    const w = await ws({ 'shorgan-bot.yaml': await readFile(join(ROOT, 'policies', 'shorgan-bot.yaml'), 'utf8') });
    const store = await Store.open(w.dataDir, 'serve');
    const examples = await exampleInputs(join(ROOT, 'examples'), w.dir, store);
    let reads = 0;
    const racing: InputsProvider = {
      quotes: examples.quotes,
      async inputsFor(policy, at) {
        const input = await examples.inputsFor(policy, at);
        reads += 1;
        if (reads === 1) { // the account opens, and an approval of "sell 6 T" lands right after the holdings were read
          store.putAccount(input.openedAccount!);
          const sold = executePaper(store.account(policy.account)!, { symbol: 'T', side: 'sell', quantity: 6 }, 13.64, {}, at.toISOString());
          store.putAccount(sold.state);
        }
        return input;
      },
    };
    const { daemon } = await w.daemon(new FakeClock('2026-11-23T21:30:10Z'), { inputs: racing, store });
    const { outcomes } = await daemon.start();
    expect(reads).toBe(2); // sold during the first read: evaluated again on the account as it now is
    const run = (await recordedRuns(store, { policyId: 'shorgan-bot' }))[0]!;
    expect(run.proposals.map((p) => p.symbol)).toEqual(['MO']);
    expect(outcomes.map((o) => o.status)).toEqual(['finished']);
    await daemon.stop();
  });

  it('should put a scheduled run\'s proposals up for approval, and execute them in the run under approval.mode auto unless the master switch is off', async () => {
    const shorgan = await readFile(join(ROOT, 'policies', 'shorgan-bot.yaml'), 'utf8');
    const auto = shorgan.replace(/mode: telegram/, 'mode: auto').replace(/auto_rebalancing: false/, 'auto_rebalancing: true');
    const monday = '2026-11-23T21:30:10Z'; // 16:30:10 New York: the daily guards are due
    for (const [env, expected] of [[{}, 'executed'], [{ BALLAST_AUTO_REBALANCING: 'off' }, 'pending']] as const) {
      const w = await ws({ 'shorgan-bot.yaml': auto });
      const notifier = recordingNotifier();
      const { daemon, store } = await w.daemon(new FakeClock(monday), { notifier, env });
      const { outcomes } = await daemon.start();
      expect(outcomes.map((o) => o.status)).toEqual(['finished']);
      const records = store.proposalRecords({ policyId: 'shorgan-bot' });
      expect(records.map((r) => [r.proposal.symbol, r.status])).toEqual([['T', expected], ['MO', expected]]);
      const held = store.account('paper-shorgan')!.lots.map((lot) => lot.symbol);
      expect(held.includes('T')).toBe(expected === 'pending');
      expect(notifier.submissions.map((s) => s.auto.length)).toEqual([expected === 'executed' ? 2 : 0]);
      await daemon.stop();
    }
  });

  it('should run each schedule of a policy with its own rules: daily guards take_profit/cut_loss only, the weekly review all', async () => {
    const w = await ws();
    const clock = new FakeClock('2026-11-23T17:00:00Z'); // Monday 12:00 New York
    const notifier = recordingNotifier();
    const { daemon, store } = await w.daemon(clock, { notifier });
    const start = await daemon.start();
    expect(start.outcomes).toEqual([]);
    expect(daemon.nextWake?.toISOString()).toBe('2026-11-23T21:30:00.000Z');
    expect(clock.cronTasks()).toContainEqual({ name: 'shorgan-bot/daily_guards', cron: '30 16 * * *', timeZone: 'America/New_York' });
    expect(clock.cronTasks().map((t) => t.name).sort()).toEqual([
      'dee-bot/weekly_review', 'dow-index/monthly_rebalance', 'multi-factor/after_close', 'shorgan-bot/daily_guards', 'shorgan-bot/weekly_review',
    ]);

    await clock.advanceTo('2026-11-29T05:00:00Z', () => daemon.idle());
    const runs = await recordedRuns(store, { policyId: 'shorgan-bot' });
    expect(runs.map((r) => r.slot?.key)).toEqual([
      'shorgan-bot/daily_guards/2026-11-23T21:30:00Z',
      'shorgan-bot/daily_guards/2026-11-24T21:30:00Z',
      'shorgan-bot/daily_guards/2026-11-25T21:30:00Z',
      'shorgan-bot/daily_guards/2026-11-27T21:30:00Z', // 26th: Thanksgiving, no session
      'shorgan-bot/weekly_review/2026-11-28T16:55:00Z',
    ]);
    const guards = runs[0]!;
    expect(guards).toMatchObject({ initiator: 'schedule', evaluatedAt: '2026-11-23T21:30:00.000Z', slot: { runs: ['take_profit', 'cut_loss'], rules: ['take_profit', 'cut_loss'] } });
    const guardRules = [...guards.proposals, ...guards.dropped.map((d) => d.proposal)].map((p) => p.ruleId);
    expect(guardRules.length).toBeGreaterThan(0);
    expect(guardRules.every((id) => id === 'take_profit' || id === 'cut_loss')).toBe(true);
    const review = runs[4]!;
    expect(review.slot?.rules).toBeUndefined();
    const reviewRules = new Set([...review.proposals, ...review.dropped.map((d) => d.proposal)].map((p) => p.ruleId));
    expect([...reviewRules].some((id) => id !== 'take_profit' && id !== 'cut_loss')).toBe(true);
    expect((await recordedRuns(store, { policyId: 'dee-bot' })).map((r) => r.slot?.key)).toEqual(['dee-bot/weekly_review/2026-11-28T16:55:00Z']);
    expect(notifier.runs).toHaveLength(10); // shorgan-bot 5, dee-bot 1, multi-factor 4 (sessions 23, 24, 25 and 27)
    await daemon.stop();
  });

  it('should catch up one slot after a three-day downtime, and none on a restart right after (real lowdb file)', async () => {
    const w = await ws();
    const first = new FakeClock('2026-11-16T17:00:00Z'); // Monday 12:00 New York
    const a = await w.daemon(first);
    await a.daemon.start();
    await first.advanceTo('2026-11-16T22:00:00Z', () => a.daemon.idle()); // Monday's guards run at 16:30
    await a.daemon.stop();
    await a.store.close();
    expect(a.store.listSlots().map((s) => [s.key, s.state])).toEqual([
      ['shorgan-bot/daily_guards/2026-11-16T21:30:00Z', 'finished'],
      ['multi-factor/after_close/2026-11-16T21:45:00Z', 'finished'],
    ]);

    // Down Monday 17:00 → Thursday 18:00 New York: Tuesday, Wednesday and Thursday guards were missed.
    const second = new FakeClock('2026-11-19T23:00:00Z');
    const b = await w.daemon(second);
    const report = await b.daemon.start();
    expect(report.outcomes.map((o) => [o.slot.key, o.status]).sort()).toEqual([
      ['multi-factor/after_close/2026-11-19T21:45:00Z', 'finished'],
      ['shorgan-bot/daily_guards/2026-11-19T21:30:00Z', 'finished'],
    ]);
    expect(report.decisions).toMatchObject([
      { policyId: 'dee-bot', scheduleId: 'weekly_review', reason: 'never_run' },
      { policyId: 'dow-index', scheduleId: 'monthly_rebalance', reason: 'never_run' },
      { policyId: 'multi-factor', scheduleId: 'after_close', reason: 'caught_up', missed: 2 },
      { policyId: 'shorgan-bot', scheduleId: 'daily_guards', reason: 'caught_up', missed: 2 },
      { policyId: 'shorgan-bot', scheduleId: 'weekly_review', reason: 'never_run' },
    ]);
    await b.daemon.stop();
    await b.store.close();

    const third = new FakeClock('2026-11-19T23:02:00Z');
    const c = await w.daemon(third);
    expect((await c.daemon.start()).outcomes).toEqual([]);
    await c.daemon.stop();
    await c.store.close();
    const onDisk = JSON.parse(await readFile(join(w.dataDir, 'ballast.json'), 'utf8'));
    const shorgan = Object.values(onDisk.slots).filter((s) => (s as { policyId: string }).policyId === 'shorgan-bot');
    expect(shorgan).toMatchObject([
      { key: 'shorgan-bot/daily_guards/2026-11-16T21:30:00Z', state: 'finished', reason: 'on_time', runId: 'run-000001' },
      { key: 'shorgan-bot/daily_guards/2026-11-19T21:30:00Z', state: 'finished', reason: 'caught_up', startedAt: '2026-11-19T23:00:00.000Z' },
    ]);
    expect(await recordedRuns(c.store)).toHaveLength(4); // shorgan-bot and multi-factor, on time and caught up
  });

  it('should never rerun a slot whose run was interrupted (recorded as started before the run)', async () => {
    const w = await ws();
    const store = await Store.open(w.dataDir, 'serve');
    await store.beginSlot({ key: 'shorgan-bot/daily_guards/2026-11-19T21:30:00Z', policyId: 'shorgan-bot', scheduleId: 'daily_guards', at: '2026-11-19T21:30:00Z', reason: 'on_time', revision: { file: 'x', revision: 'r', contentHash: 'h' }, startedAt: '2026-11-19T21:30:00.000Z' });
    const clock = new FakeClock('2026-11-19T23:00:00Z');
    await store.close();
    const { daemon } = await w.daemon(clock);
    expect((await daemon.start()).outcomes).toEqual([]);
    await daemon.stop();
  });

  it('should run a slot in the spring-forward gap once at 03:00 EDT and one in the fall-back overlap once at the first 01:30', async () => {
    const w = await ws({ 'night.yaml': NIGHTLY('daily at 02:30') });
    const clock = new FakeClock('2026-03-07T12:00:00Z');
    const { daemon, store } = await w.daemon(clock, { inputs: fixedInputs });
    await daemon.start();
    // node-cron's task has no fire on the 8th (02:30 does not exist), so the daemon sets its own wake-up at the gap's end.
    expect(clock.cronTasks()).toEqual([{ name: 'night-bot/night', cron: '30 2 * * *', timeZone: 'America/New_York' }]);
    expect(clock.pending()).toEqual(['2026-03-08T07:00:00.000Z']);
    await clock.advanceTo('2026-03-08T12:00:00Z', () => daemon.idle());
    expect(store.listSlots().map((s) => [s.at, s.startedAt])).toEqual([
      ['2026-03-08T07:00:00Z', '2026-03-08T07:00:00.000Z'],
    ]);
    await daemon.stop();

    const w2 = await ws({ 'night.yaml': NIGHTLY('daily at 01:30') });
    const fall = new FakeClock('2026-10-31T12:00:00Z');
    const d2 = await w2.daemon(fall, { inputs: fixedInputs });
    await d2.daemon.start();
    await fall.advanceTo('2026-11-01T12:00:00Z', () => d2.daemon.idle());
    expect(d2.store.listSlots().map((s) => s.at)).toEqual(['2026-11-01T05:30:00Z']);
    await d2.daemon.stop();
  });

  it('should roll a holiday slot to the previous or next session as configured', async () => {
    const policy = (roll: string) => `version: 1\nid: roll-bot\naccount: paper\ncalendar: XNYS\nschedules:\n  - { id: thu, when: "weekly on thursday at 16:30", roll: ${roll} }\n`;
    for (const [roll, at] of [['previous', '2026-11-25T21:30:00Z'], ['next', '2026-11-27T21:30:00Z']] as const) {
      const w = await ws({ 'roll.yaml': policy(roll) });
      const clock = new FakeClock('2026-11-23T12:00:00Z');
      const { daemon, store } = await w.daemon(clock, { inputs: fixedInputs });
      await daemon.start();
      await clock.advanceTo('2026-11-29T00:00:00Z', () => daemon.idle());
      expect(store.listSlots().map((s) => s.at), roll).toEqual([at]);
      await daemon.stop();
    }
  });

  it('should keep the last good revision in force after an invalid edit, report its position, and take the next valid one', async () => {
    const text = (gain: string) => `version: 1\nid: edit-bot\naccount: paper\ntime_zone: America/New_York\nexits:\n  take_profit:\n    gain_pct: ${gain}\nschedules:\n  - { id: night, when: "daily at 18:00", runs: [take_profit] }\n`;
    const w = await ws({ 'edit.yaml': text('30') });
    const clock = new FakeClock('2026-11-23T12:00:00Z');
    const notifier = recordingNotifier();
    const watch = manualWatcher();
    const { daemon, store } = await w.daemon(clock, { inputs: fixedInputs, notifier, watch });
    await daemon.start();
    const good = daemon.registry.byPolicyId('edit-bot')!.loaded.revision.contentHash;

    const path = await w.write('edit.yaml', text('"30%"'));
    watch.emit(path);
    await daemon.idle();
    expect(notifier.invalid).toMatchObject([{ file: 'policies/edit.yaml', diagnostics: [{ code: 'WRONG_TYPE', path: 'exits.take_profit.gain_pct', line: 7, col: 15 }] }]);
    await clock.advanceTo('2026-11-23T23:30:00Z', () => daemon.idle());
    const [first] = await recordedRuns(store);
    expect(first).toMatchObject({ policy: { contentHash: good }, policySnapshot: { exits: { take_profit: { gain_pct: 30 } } } });
    expect(first!.proposals.map((p) => p.symbol)).toEqual(['UP']);

    await w.write('edit.yaml', text('50'));
    watch.emit(path);
    await clock.advanceTo('2026-11-24T23:30:00Z', () => daemon.idle());
    const second = (await recordedRuns(store))[1]!;
    expect(second.policy.contentHash).not.toBe(good);
    expect(second).toMatchObject({ policySnapshot: { exits: { take_profit: { gain_pct: 50 } } }, proposals: [] });
    expect(store.listSlots().map((s) => s.revision.contentHash)).toEqual([good, second.policy.contentHash]);
    await daemon.stop();
  });

  it('should restart a schedule\'s node-cron task when an edit moves its time, and stop it when the policy file goes', async () => {
    const w = await ws({ 'night.yaml': NIGHTLY('daily at 18:00') });
    const clock = new FakeClock('2026-11-23T12:00:00Z');
    const watch = manualWatcher();
    const { daemon, store } = await w.daemon(clock, { inputs: fixedInputs, watch });
    await daemon.start();
    expect(clock.cronTasks()).toEqual([{ name: 'night-bot/night', cron: '0 18 * * *', timeZone: 'America/New_York' }]);

    const path = await w.write('night.yaml', NIGHTLY('daily at 19:15'));
    watch.emit(path);
    await daemon.idle();
    expect(clock.cronTasks()).toEqual([{ name: 'night-bot/night', cron: '15 19 * * *', timeZone: 'America/New_York' }]);
    await clock.advanceTo('2026-11-24T01:00:00Z', () => daemon.idle());
    expect(store.listSlots().map((s) => s.at)).toEqual(['2026-11-24T00:15:00Z']); // 19:15 New York, not 18:00

    await rm(path);
    watch.emit(path);
    await daemon.idle();
    expect(clock.cronTasks()).toEqual([]);
    await daemon.stop();
  });

  it('should keep running its other schedules when one can never fire (node-cron will not start its task)', async () => {
    const policy = `version: 1\nid: night-bot\naccount: paper\ntime_zone: America/New_York\nschedules:\n  - { id: never, cron: "0 0 L-29 2 *" }\n  - { id: night, when: "daily at 18:00" }\n`;
    const w = await ws({ 'night.yaml': policy });
    const clock = new FakeClock('2026-11-23T12:00:00Z');
    const { daemon, store } = await w.daemon(clock, { inputs: fixedInputs });
    await daemon.start();
    expect(clock.cronTasks().map((t) => t.name)).toEqual(['night-bot/night']);
    await clock.advanceTo('2026-11-24T00:00:00Z', () => daemon.idle());
    expect(store.listSlots().map((s) => s.key)).toEqual(['night-bot/night/2026-11-23T23:00:00Z']);
    await daemon.stop();
  });

  it('should finish the run in progress before stop resolves', async () => {
    const w = await ws({ 'night.yaml': NIGHTLY('daily at 18:00') });
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow = { quotes: fixedInputs.quotes, inputsFor: async (...args: Parameters<typeof fixedInputs.inputsFor>) => { await gate; return fixedInputs.inputsFor(...args); } };
    const clock = new FakeClock('2026-11-23T12:00:00Z');
    const { daemon, store } = await w.daemon(clock, { inputs: slow });
    await daemon.start();
    void clock.advanceTo('2026-11-23T23:00:00Z', async () => undefined);
    for (let i = 0; i < 100 && store.listSlots().length === 0; i++) await new Promise((r) => setImmediate(r));
    expect(store.listSlots()).toMatchObject([{ state: 'started' }]);
    let stopped = false;
    const stopping = daemon.stop().then(() => { stopped = true; });
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(store.listSlots()).toMatchObject([{ state: 'finished', runId: 'run-000001' }]);
    expect(clock.pending()).toEqual([]);
    expect(clock.cronTasks()).toEqual([]);
  });
});
