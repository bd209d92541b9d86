/**
 * Calls `onGone` once the process that launched this one has exited: its parent pid changes when it is re-parented
 * (to init or a subreaper). Checks every `intervalMs`; the timer does not keep the process alive. Returns a function
 * that stops watching. `ppid` is injectable for tests (default: the process's).
 */
export function watchLauncher(onGone: () => void, intervalMs = 1_000, ppid: () => number = () => process.ppid): () => void {
  const launcher = ppid();
  const timer = setInterval(() => {
    if (ppid() === launcher) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Whether npm or npx launched this process (`npm_command` is set: `exec` for npx, `start`, `run-script`). `npx`
 * stops its shell, not its grandchild, on SIGTERM: such a process must watch its launcher (see {@link watchLauncher}).
 */
export function launchedByNpm(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.npm_command !== undefined && env.npm_command !== '';
}
