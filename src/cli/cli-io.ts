/**
 * What a command may touch of the outside world, passed in so tests can run commands in-process:
 * output streams, the working directory, environment variables and the clock.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  /** True when stderr is a terminal: progress bars are drawn only then. Default false. */
  readonly terminal?: boolean;
  /** True when stdout is a terminal: tables may be coloured only then (and never with `NO_COLOR`). Default false. */
  readonly stdoutTerminal?: boolean;
}

/**
 * The real process's streams, directory, environment and clock. A stream whose reader went away (`ballast positions
 * | head -1`: `EPIPE`) is closed quietly: later writes to it are dropped and the command finishes its work.
 */
export function processIo(): CliIo {
  return {
    stdout: quietWriter(process.stdout),
    stderr: quietWriter(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    terminal: process.stderr.isTTY === true,
    stdoutTerminal: process.stdout.isTTY === true,
  };
}

function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}
