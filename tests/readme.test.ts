import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { exampleWorkspace } from './support/example-workspace.js';
import { testIo } from './support/test-io.js';

const ROOT = join(import.meta.dirname, '..');

/** The fenced block that follows `heading` in the README. */
async function readmeBlock(heading: string): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(heading);
  expect(start, `README has no "${heading}"`).toBeGreaterThan(-1);
  const match = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(start));
  return match![1]!.trimEnd();
}

describe('the README shows the real program', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await exampleWorkspace('readme'));
  });
  afterAll(async () => {
    await remove();
  });

  it('should print the "Errors point at the line" sample exactly for the typo it shows', async () => {
    const sample = await readmeBlock('**Errors point at the line.**');
    const [, file, key] = /^(\S+?):\d+:\d+ {2}exits\.(\w+) {2}/.exec(sample)!;
    const policy = join(dir, file!);
    await writeFile(policy, (await readFile(policy, 'utf8')).replace(/^ {2}take_profit:/m, `  ${key}:`));
    const io = testIo(dir);
    expect(await main(['check', file!], io)).toBe(1);
    expect(io.out()).toContain(sample);
  });

  it('should name no design note a user cannot read, in the README, the policies or the schemas', async () => {
    const files = ['README.md', 'policies/dee-bot.yaml', 'policies/dow-index.yaml', 'policies/shorgan-bot.yaml', 'policies/multi-factor.yaml', 'schemas/policy.schema.json', 'schemas/schedule.schema.json'];
    for (const file of files) expect(await readFile(join(ROOT, file), 'utf8'), file).not.toMatch(/\bnotes? \d{3}\b/i);
  });
});
