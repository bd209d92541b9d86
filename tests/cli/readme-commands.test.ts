import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');

/** `ballast <args>` help text, in-process. */
async function help(args: readonly string[]): Promise<string> {
  const io = testIo(ROOT);
  await main([...args, '--help'], io);
  return io.out();
}

/**
 * The README's "Commands" table as command → the options its row names: each backticked segment of a row's first cell
 * either starts with a command (`ballast history [--policy <id>]`, `approve <id…> | --all`) or, without one, lists
 * options of every command of the row (`[--policy <id>]`).
 */
async function readmeCommands(): Promise<Map<string, Set<string>>> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1));
  const commands = new Map<string, Set<string>>();
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const first = row.slice(1).split(/(?<!\\)\|/)[0]!;
    const inRow: string[] = [];
    for (const [, segment] of first.matchAll(/`([^`]+)`/g)) {
      const name = /^(?:ballast )?([a-z][a-z-]*)/.exec(segment!)?.[1];
      if (name !== undefined) inRow.push(name);
      const flags = [...segment!.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]);
      for (const command of name === undefined ? inRow : [name]) {
        commands.set(command, new Set([...(commands.get(command) ?? []), ...flags]));
      }
    }
  }
  return commands;
}

describe('the README\'s Commands table', () => {
  it('should list every command the program has, and only those', async () => {
    const program = [...(await help([])).matchAll(/^ {2}([a-z-]+)(?= )/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
    expect([...(await readmeCommands()).keys()].sort()).toEqual(program.sort());
  });

  it('should name only options the commands have', async () => {
    for (const [command, flags] of await readmeCommands()) {
      const text = await help([command]);
      for (const flag of flags) expect(text, `ballast ${command} ${flag}`).toMatch(new RegExp(`${flag}\\b`));
    }
  });
});
