import { resolve } from 'node:path';
import { Daemon, type PolicyWatcher } from '../../serve/daemon.js';
import { exampleInputs, type InputsProvider } from '../../serve/inputs-provider.js';
import { combineNotifiers, consoleNotifier, type RunNotifier } from '../../serve/run-notifier.js';
import { systemClock, type SchedulerClock } from '../../serve/scheduler-clock.js';
import { watchPolicyFolder } from '../../serve/watch-policy-folder.js';
import { Store } from '../../store/store.js';
import { findPolicyFiles } from '../../workspace/find-policy-files.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';

/** Options of `ballast serve`. */
export interface ServeOptions {
  readonly policies: string;
  readonly examples: string;
  readonly dataDir?: string;
  /** Off: read policies only at start. Default on. */
  readonly watch: boolean;
}

/**
 * What `ballast serve` takes from the process, injectable for tests and for transports: the clock, the watcher, how
 * it learns to stop, extra notifiers (a Telegram notifier goes here, next to the console one) and the inputs.
 */
export interface ServeRuntime {
  readonly clock: SchedulerClock;
  /** Resolves with the signal name when the process should stop (SIGINT/SIGTERM). */
  readonly waitForStop: () => Promise<string>;
  readonly watch?: (dir: string) => PolicyWatcher;
  readonly notifiers?: readonly RunNotifier[];
  readonly inputs?: InputsProvider;
  /** Called once the daemon has started (e.g. to start a Telegram bot with access to `daemon`). */
  readonly onStarted?: (daemon: Daemon) => Promise<void> | void;
}

/** The real process: system clock, fs.watch, SIGINT/SIGTERM. */
export function processRuntime(): ServeRuntime {
  return {
    clock: systemClock(),
    watch: (dir) => watchPolicyFolder(dir),
    waitForStop: () => new Promise((resolveStop) => {
      const on = (signal: string): void => {
        process.off('SIGINT', on);
        process.off('SIGTERM', on);
        resolveStop(signal);
      };
      process.on('SIGINT', on);
      process.on('SIGTERM', on);
    }),
  };
}

/**
 * `ballast serve`: owns the database (lock file; a second instance exits 1 naming the first's pid), loads every
 * policy in `policies/`, runs each schedule's slots exactly once (catching up once on start), reloads edited policies
 * (an invalid edit is reported with file:line:col and the last good revision keeps running), and on SIGINT/SIGTERM
 * finishes the run in progress, writes state and releases the lock. Returns the exit code.
 */
export async function serveCommand(options: ServeOptions, io: CliIo, runtime: ServeRuntime = processRuntime()): Promise<number> {
  const dir = dataDir(io, options.dataDir);
  const store = await Store.open(dir, 'serve');
  try {
    const policies = resolve(io.cwd, options.policies);
    const log = (line: string): void => io.stdout(`${runtime.clock.now().toISOString()}  ${line}`);
    const notifier = combineNotifiers([consoleNotifier(log, (line) => io.stderr(line)), ...(runtime.notifiers ?? [])], (error) => log(`notifier failed: ${(error as Error).message}`));
    const daemon = new Daemon({
      store,
      clock: runtime.clock,
      inputs: runtime.inputs ?? exampleInputs(resolve(io.cwd, options.examples), io.cwd),
      notifier,
      listPolicyFiles: () => findPolicyFiles(policies),
      loadPolicyFile: (path) => loadPolicyFile(path, io.cwd),
      ...(options.watch && runtime.watch ? { watch: runtime.watch(policies) } : {}),
      log,
    });
    log(`ballast serve (pid ${process.pid}) · database ${store.location}`);
    const report = await daemon.start();
    for (const d of report.decisions) if (d.reason === 'caught_up' || d.reason === 'missed_dropped') log(`${d.policyId}/${d.scheduleId}: ${d.reason === 'caught_up' ? `caught up once (${d.missed ?? '?'} older missed slots not replayed)` : `${d.missed ?? '?'} missed slots dropped (catch_up: none)`}`);
    log(daemon.nextWake ? `next slot at ${daemon.nextWake.toISOString()}; Ctrl-C stops` : 'no schedules in any policy; waiting for edits (Ctrl-C stops)');
    await runtime.onStarted?.(daemon);
    const signal = await runtime.waitForStop();
    log(`${signal}: finishing the run in progress`);
    await daemon.stop();
    log('stopped; state written');
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
