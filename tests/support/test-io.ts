import type { CliIo } from '../../src/cli/cli-io.js';

/** A CliIo that captures output, for running commands in-process. */
export function testIo(cwd: string, now = new Date('2026-11-21T12:00:00Z')): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    env: {},
    now: () => now,
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  };
}
