import type { ConsoleInput } from '../../src/cli/commands/serve-runtime.js';

/** Console input for `ballast serve` that the test types into: `type(line)` resolves once serve has handled it. */
export function consoleQueue(): ConsoleInput & { type: (line: string) => Promise<void> } {
  const waiting: { line: string; handled: () => void }[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  let handled: (() => void) | undefined;
  async function* lines(): AsyncGenerator<string> {
    for (;;) {
      handled?.();
      handled = undefined;
      const next = waiting.shift();
      if (next) {
        handled = next.handled;
        yield next.line;
        continue;
      }
      if (closed) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    lines: lines(),
    close: () => {
      closed = true;
      wake?.();
    },
    type: (line) => new Promise<void>((resolve) => {
      waiting.push({ line, handled: resolve });
      wake?.();
    }),
  };
}
