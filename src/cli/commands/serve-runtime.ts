import { createInterface } from 'node:readline';
import type { Daemon, PolicyWatcher } from '../../serve/daemon.js';
import type { InputsProvider } from '../../run/run-inputs.js';
import type { RunNotifier } from '../../serve/run-notifier.js';
import { systemClock, type SchedulerClock } from '../../serve/scheduler-clock.js';
import { watchPolicyFolder } from '../../serve/watch-policy-folder.js';
import { launchedByNpm, watchLauncher } from './watch-launcher.js';

/** Lines typed into the console of `ballast serve`, and how to stop reading them. */
export interface ConsoleInput {
  readonly lines: AsyncIterable<string>;
  close(): void;
}

/**
 * What `ballast serve` takes from the process, injectable for tests and for transports: the clock, the watcher, how
 * it learns to stop, the console input, extra notifiers and the inputs.
 */
export interface ServeRuntime {
  readonly clock: SchedulerClock;
  /** Resolves with the signal name when the process should stop (SIGINT/SIGTERM, or `launcher exited`). */
  readonly waitForStop: () => Promise<string>;
  readonly watch?: (dir: string) => PolicyWatcher;
  /** The console's command lines (`approve <id>`, `pending`, …); none: no console. */
  readonly console?: () => ConsoleInput;
  readonly notifiers?: readonly RunNotifier[];
  readonly inputs?: InputsProvider;
  /** Called once the daemon, the bot and the console have started (tests drive the clock from here). */
  readonly onStarted?: (daemon: Daemon) => Promise<void> | void;
}

/**
 * The real process: system clock, fs.watch, SIGINT/SIGTERM, commands from standard input (ends quietly at EOF). When
 * npm or npx launched it (`env.npm_command`), it also stops once its launcher has exited: stopping `npx ballast serve`
 * with SIGTERM kills npx's shell but not serve, which would otherwise run on orphaned, holding the lock.
 */
export function processRuntime(env: Readonly<Record<string, string | undefined>> = process.env): ServeRuntime {
  return {
    clock: systemClock(),
    watch: (dir) => watchPolicyFolder(dir),
    console: () => {
      const lines = createInterface({ input: process.stdin, terminal: false });
      return { lines, close: () => lines.close() };
    },
    waitForStop: () => new Promise((resolveStop) => {
      let unwatch = (): void => undefined;
      const on = (signal: string): void => {
        process.off('SIGINT', on);
        process.off('SIGTERM', on);
        unwatch();
        resolveStop(signal);
      };
      process.on('SIGINT', on);
      process.on('SIGTERM', on);
      if (launchedByNpm(env)) unwatch = watchLauncher(() => on('launcher exited'));
    }),
  };
}
