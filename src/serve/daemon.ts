import { planCatchUp, type CatchUpDecision } from '../schedule/plan-catch-up.js';
import { cronTrigger, type CronTrigger } from '../schedule/cron-trigger.js';
import { nextSlot } from '../schedule/next-slot.js';
import type { Slot } from '../schedule/schedule.js';
import type { Store } from '../store/store.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';
import type { InputsProvider } from '../run/run-inputs.js';
import { PolicyRegistry, type RegistryChange } from './policy-registry.js';
import type { RunNotifier } from './run-notifier.js';
import { runSlot, type SlotOutcome } from './run-slot.js';
import type { SchedulerClock } from './scheduler-clock.js';

/** Watches the policy folder: calls `onChange(path)` for a file that may have changed, appeared or gone. Returns stop. */
export type PolicyWatcher = (onChange: (path: string) => void) => () => void;

/** What the daemon needs; everything with I/O or time is injected. */
export interface DaemonOptions {
  readonly store: Store;
  readonly clock: SchedulerClock;
  readonly inputs: InputsProvider;
  readonly notifier: RunNotifier;
  /** The environment, for the `BALLAST_AUTO_REBALANCING` master switch of `approval.mode: auto`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Lists the policy files (absolute paths), e.g. `findPolicyFiles('policies')`. */
  readonly listPolicyFiles: () => Promise<string[]>;
  /** Reads and validates one file; a missing file must come back invalid with code `UNREADABLE` (as `loadPolicyFile` does). */
  readonly loadPolicyFile: (path: string) => Promise<LoadedPolicyFile>;
  /** Optional hot reload; without it policies are read only at start. */
  readonly watch?: PolicyWatcher;
  /** How late a slot may start and still be on time, ms; default 60 000. */
  readonly graceMs?: number;
  /** Progress lines (loaded, reloaded, next wake-up). Default: none. */
  readonly log?: (line: string) => void;
}

/** What `start` did. */
export interface StartReport {
  readonly decisions: readonly CatchUpDecision[];
  readonly outcomes: readonly SlotOutcome[];
}

/**
 * The scheduler daemon of `ballast serve` (issue 5): keeps every policy's last good revision, runs each slot at most
 * once (slot keys recorded in the store before and after the run) and puts its proposals up for approval
 * ({@link runSlot}), tells the notifier, catches up once on start per `catch_up`, reloads edited policies, and stops
 * gracefully. Its timer is one node-cron task per schedule, named `policyId/scheduleId`, in the policy's zone
 * ({@link cronTrigger}, started through {@link SchedulerClock.cronTask}); a fire runs whatever the slot ledger and the
 * calendar say is due ({@link planCatchUp}), so a fire without a slot (a holiday, the off week of a biweekly schedule)
 * runs nothing and a slot never runs twice. The daemon's own wake-up covers the one slot node-cron cannot fire for: a
 * wall time in a spring-forward gap. All work — fires and reloads — runs one at a time on an internal queue, so a
 * reload never changes a policy under a running slot and `stop` waits for the run in progress.
 */
export class Daemon {
  readonly #o: DaemonOptions;
  readonly #registry = new PolicyRegistry();
  #queue: Promise<unknown> = Promise.resolve();
  /** The running cron task of each schedule, by trigger name (`policyId/scheduleId`). */
  readonly #tasks = new Map<string, { readonly trigger: CronTrigger; readonly stop: () => void }>();
  #tickQueued = false;
  #cancelGapWake: (() => void) | undefined;
  #stopWatch: (() => void) | undefined;
  #stopped = false;
  #nextWake: Date | undefined;

  constructor(options: DaemonOptions) {
    this.#o = options;
  }

  /** The policies in force (last good revisions). */
  get registry(): PolicyRegistry {
    return this.#registry;
  }

  /** The earliest next slot of all schedules (when a cron task or the gap wake-up will next run one), if any. */
  get nextWake(): Date | undefined {
    return this.#nextWake;
  }

  /** Loads every policy, runs the catch-up plan (at most one slot per schedule), arms the timer and the watcher. */
  start(): Promise<StartReport> {
    return this.#enqueue(async () => {
      for (const path of await this.#o.listPolicyFiles()) await this.#reload(path);
      const report = await this.#runDue();
      this.#stopWatch = this.#o.watch?.((path) => void this.reload(path));
      this.#arm();
      return report;
    });
  }

  /** Re-reads one policy file (hot reload); the change takes effect from the next slot. */
  reload(path: string): Promise<RegistryChange | undefined> {
    return this.#enqueue(async () => {
      const change = await this.#reload(path);
      this.#arm();
      return change;
    });
  }

  /** Resolves when every queued run and reload has finished. */
  async idle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.#queue;
      await current;
    } while (current !== this.#queue);
  }

  /** Stops the cron tasks, the timer and the watcher, waits for the run in progress, and resolves when all state is written. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancelGapWake?.();
    for (const task of this.#tasks.values()) task.stop();
    this.#tasks.clear();
    this.#stopWatch?.();
    await this.idle();
  }

  #enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(job, job);
    this.#queue = next.catch((error: unknown) => this.#o.log?.(`internal error: ${(error as Error).stack ?? String(error)}`));
    return next;
  }

  async #reload(path: string): Promise<RegistryChange | undefined> {
    const loaded = await this.#o.loadPolicyFile(path);
    const missing = !loaded.validation.ok && loaded.validation.errors.some((e) => e.code === 'UNREADABLE');
    const change = missing ? this.#registry.remove(path) : this.#registry.update(path, loaded);
    if (!change) return undefined;
    const log = this.#o.log;
    if (change.kind === 'loaded') {
      const { loaded: l, policy, schedules } = change.active;
      log?.(`${change.previous ? 'reloaded' : 'loaded'} ${l.file} @ ${l.revision.revision} (${policy.id}: ${schedules.length} schedule${schedules.length === 1 ? '' : 's'})`);
    } else if (change.kind === 'removed') {
      log?.(`${change.previous.loaded.file} was removed; ${change.previous.policy.id} is no longer scheduled`);
    } else if (change.kind === 'invalid') {
      const kept = change.kept ? `${change.kept.loaded.revision.revision} (${change.kept.loaded.revision.contentHash.slice(0, 12)})` : undefined;
      await this.#notify(() => this.#o.notifier.policyInvalid(change.file, change.diagnostics, kept));
    }
    return change;
  }

  async #runDue(): Promise<StartReport> {
    const now = this.#o.clock.now();
    const plan = planCatchUp(this.#registry.schedules(), this.#o.store.latestSlotKeys(), now, { graceMs: this.#o.graceMs ?? 60_000 });
    const outcomes: SlotOutcome[] = [];
    for (const slot of plan.due) {
      const active = this.#registry.byPolicyId(slot.policyId);
      if (!active) continue;
      const reason = plan.decisions.find((d) => d.policyId === slot.policyId && d.scheduleId === slot.scheduleId)?.reason === 'caught_up' ? 'caught_up' : 'on_time';
      const outcome = await runSlot(slot, reason, active, { store: this.#o.store, inputs: this.#o.inputs, now: () => this.#o.clock.now(), env: this.#o.env });
      outcomes.push(outcome);
      if (outcome.status === 'finished') await this.#notify(() => this.#o.notifier.runFinished(outcome.run, outcome.submission));
      if (outcome.status === 'failed') await this.#notify(() => this.#o.notifier.runFailed?.(slot, outcome.error) ?? Promise.resolve());
    }
    return { decisions: plan.decisions, outcomes };
  }

  async #notify(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.#o.log?.(`notifier failed: ${(error as Error).message}`);
    }
  }

  /** A cron task fired: one tick, however many fires (several schedules at one instant, missed fires) queue up before it runs. */
  #onFire(): void {
    if (this.#tickQueued) return;
    this.#tickQueued = true;
    void this.#enqueue(async () => {
      this.#tickQueued = false;
      if (this.#stopped) return;
      await this.#runDue();
      this.#arm();
    });
  }

  /**
   * Keeps one cron task per schedule ({@link cronTrigger}), started and stopped as policies come and go, and sets the
   * daemon's own wake-up for the earliest next slot in a spring-forward gap: node-cron has no fire for a wall time
   * that does not exist, Ballast runs that slot at the gap's end.
   */
  #arm(): void {
    this.#cancelGapWake?.();
    this.#cancelGapWake = undefined;
    this.#nextWake = undefined;
    if (this.#stopped) return;
    const schedules = this.#registry.schedules();
    this.#syncTasks(schedules.map(cronTrigger));
    const now = this.#o.clock.now();
    let earliest: Slot | undefined;
    let gap: Slot | undefined;
    for (const schedule of schedules) {
      let slot: Slot;
      try {
        slot = nextSlot(schedule, now);
      } catch (error) {
        this.#o.log?.(`${schedule.policyId}/${schedule.id}: no next slot (${(error as Error).message})`);
        continue;
      }
      if (!earliest || slot.at < earliest.at) earliest = slot;
      if (slot.dst === 'gap' && (!gap || slot.at < gap.at)) gap = slot;
    }
    if (earliest) this.#nextWake = new Date(earliest.at);
    if (gap) this.#cancelGapWake = this.#o.clock.wakeAt(new Date(gap.at), () => this.#onFire());
  }

  /**
   * Stops the tasks of schedules that are gone or changed, and starts the tasks of new or changed ones. A task that
   * cannot start (node-cron refuses an expression with no run in 100 years, such as `0 0 L-29 2 *`) is logged and
   * left out until its schedule changes; the other schedules keep running.
   */
  #syncTasks(triggers: readonly CronTrigger[]): void {
    const wanted = new Map(triggers.map((t) => [t.name, t]));
    for (const [name, task] of this.#tasks) {
      const next = wanted.get(name);
      if (next && next.cron === task.trigger.cron && next.timeZone === task.trigger.timeZone) continue;
      task.stop();
      this.#tasks.delete(name);
    }
    for (const trigger of wanted.values()) {
      if (this.#tasks.has(trigger.name)) continue;
      let stop: () => void;
      try {
        stop = this.#o.clock.cronTask(trigger, () => this.#onFire());
      } catch (error) {
        this.#o.log?.(`${trigger.name}: no timer for "${trigger.cron}" (${(error as Error).message})`);
        stop = () => undefined;
      }
      this.#tasks.set(trigger.name, { trigger, stop });
    }
  }
}
