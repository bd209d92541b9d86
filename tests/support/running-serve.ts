import { serveCommand } from '../../src/cli/commands/serve.js';
import type { Daemon, PolicyWatcher } from '../../src/serve/daemon.js';
import { consoleQueue } from './console-queue.js';
import type { FakeClock } from './fake-clock.js';
import { testIo } from './test-io.js';

/** `ballast serve` running in-process on a fake clock, with a console to type into and a stop switch. */
export interface RunningServe {
  readonly daemon: Daemon;
  readonly io: ReturnType<typeof testIo>;
  /** Types a console line; resolves once serve has handled it. */
  type(line: string): Promise<void>;
  /** Moves the fake clock, letting each due run finish. */
  advanceTo(at: string): Promise<void>;
  /** Sends SIGTERM; resolves with the exit code. */
  stop(): Promise<number>;
}

/** Starts `ballast serve` in `dir` (default options) with `env`, and resolves once it has started. */
export async function startServe(dir: string, clock: FakeClock, env: Record<string, string> = {}, watch?: PolicyWatcher): Promise<RunningServe> {
  const io = { ...testIo(dir, clock.now()), env, now: () => clock.now() };
  const input = consoleQueue();
  let signal!: (name: string) => void;
  const stopRequested = new Promise<string>((resolve) => (signal = resolve));
  let started!: (daemon: Daemon) => void;
  const daemon = new Promise<Daemon>((resolve) => (started = resolve));
  const exit = serveCommand({ policies: 'policies', examples: 'examples', watch: watch !== undefined }, io, {
    clock,
    waitForStop: () => stopRequested,
    console: () => input,
    ...(watch ? { watch: () => watch } : {}),
    onStarted: (d) => started(d),
  });
  const running = await Promise.race([daemon, exit.then((code) => { throw new Error(`serve exited early with ${code}:\n${io.out()}\n${io.err()}`); })]);
  return {
    daemon: running,
    io,
    type: (line) => input.type(line),
    advanceTo: (at) => clock.advanceTo(at, () => running.idle()),
    stop: () => {
      signal('SIGTERM');
      return exit;
    },
  };
}
