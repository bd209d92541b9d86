import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import { main } from '../../src/cli/main.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');

async function effective(file: string): Promise<unknown> {
  const result = validatePolicy({ file, text: await readFile(join(ROOT, file), 'utf8') });
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.policy;
}

describe('ballast show-config', () => {
  it.each(['policies/dee-bot.yaml', 'policies/dow-index.yaml', 'policies/shorgan-bot.yaml'])('should print %s with every default filled in, reading back to the same policy', async (file) => {
    const io = testIo(ROOT);
    expect(await main(['show-config', file], io)).toBe(0);
    const out = io.out();
    expect(out.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/policy.schema.json');
    const shown = validatePolicy({ file: 'shown.yaml', text: out });
    expect(shown.ok).toBe(true);
    expect(shown.ok && shown.policy).toEqual(await effective(file));
    const keys = Object.keys(parse(out) as object);
    expect(keys).toEqual(Object.keys(schema.properties).filter((k) => keys.includes(k)));
  });

  it('should mark what the file leaves to its default, and not what it writes', async () => {
    const io = testIo(ROOT);
    await main(['show-config', 'policies/dow-index.yaml'], io);
    expect(io.out()).toMatch(/^fractional_shares: false # default$/m);
    expect(io.out()).toMatch(/^execution: # default\n {2}commission_bps: 0$/m);
    expect(io.out()).toMatch(/^ {4}gain_pct: 25 # default$/m);
    expect(io.out()).toMatch(/^ {2}equal: \[AA, BA, CAT, GE, IBM, JNJ, KO, MMM, MSFT, WMT\]$/m);
    expect(io.out()).toMatch(/^ {2}max_trades_per_run: 10$/m);
    expect(io.out()).toMatch(/^rules: \[\] # default$/m);
  });

  it('should print --json in the same order', async () => {
    const io = testIo(ROOT);
    expect(await main(['show-config', 'policies/shorgan-bot.yaml', '--json'], io)).toBe(0);
    const json = JSON.parse(io.out());
    expect(json).toEqual(await effective('policies/shorgan-bot.yaml'));
    expect(Object.keys(json).slice(0, 4)).toEqual(['version', 'id', 'name', 'account']);
    expect(Object.keys(json.exits.take_profit)).toEqual(['enabled', 'gain_pct', 'sell_pct']);
  });

  it('should exit 1 with the problems of an invalid policy', async () => {
    const io = testIo(ROOT);
    expect(await main(['show-config', 'tests/fixtures/policies/invalid/missing-account.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/missing-account\.yaml:\d+:\d+ .*missing `account`/);
  });
});
