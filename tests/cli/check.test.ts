import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');

describe('ballast check', () => {
  it('should exit 0 for the bundled policies', async () => {
    const io = testIo(ROOT);
    expect(await main(['check'], io)).toBe(0);
    expect(io.out()).toMatch(/4 policies valid/);
  });

  it('should exit 1 and print file:line:col, path, message and the source line', async () => {
    const io = testIo(ROOT);
    expect(await main(['check', 'tests/fixtures/policies/invalid/typo-key.yaml'], io)).toBe(1);
    expect(io.out()).toContain('tests/fixtures/policies/invalid/typo-key.yaml:5:3  exits.tak_profit  unknown key `tak_profit`; did you mean `take_profit`?\n   5 |   tak_profit:\n     |   ^');
  });

  it('should give machines JSON with every diagnostic', async () => {
    const io = testIo(ROOT);
    expect(await main(['check', '--json', 'policies/dee-bot.yaml', 'tests/fixtures/policies/invalid/unknown-operator.yaml'], io)).toBe(1);
    expect(JSON.parse(io.out())).toMatchObject({
      ok: false,
      files: [
        { file: 'policies/dee-bot.yaml', ok: true, errors: [] },
        { ok: false, errors: [{ code: 'UNKNOWN_OPERATOR', line: 9, col: 21 }] },
      ],
    });
  });

  it('should exit 2 on a usage error', async () => {
    const io = testIo(ROOT);
    expect(await main(['check', '--jsno'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown option '--jsno'/);
  });
});

describe('ballast --version', () => {
  it('should print the version from package.json and exit 0', async () => {
    const io = testIo(ROOT);
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toBe(JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(ROOT, 'package.json'), 'utf8'))).version);
  });
});
