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

  it('should give a strategy naming a symbol the price file lacks a did-you-mean at its line', async () => {
    const file = 'tests/fixtures/policies/invalid/strategies-unknown-symbol.yaml';
    const io = testIo(ROOT);
    expect(await main(['check', file, '--prices', 'examples/prices/dow30-daily-1991-2000.csv'], io)).toBe(1);
    expect(io.out()).toContain(`${file}:6:20  strategies[0].universe[1]  unknown symbol \`IMB\`: examples/prices/dow30-daily-1991-2000.csv has no prices for it; did you mean \`IBM\`?`);
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

  it('should check symbols against the bundled prices, or the price file given with --prices', async () => {
    const file = 'tests/fixtures/policies/invalid/unknown-rebalance-symbol.yaml';
    const bundled = testIo(ROOT);
    expect(await main(['check', file], bundled)).toBe(1);
    expect(bundled.out()).toContain(`${file}:5:11  rebalance.equal[0]  unknown symbol \`KOO\`: examples/prices/dow30-daily-1991-2000.csv has no prices for it; did you mean \`KO\`?`);
    const given = testIo(ROOT);
    expect(await main(['check', '--prices', 'tests/fixtures/prices/ko-pg.csv', file], given)).toBe(1);
    expect(given.out()).toContain('tests/fixtures/prices/ko-pg.csv has no prices for it; did you mean `KO`?');
    const lower = testIo(ROOT);
    expect(await main(['check', 'tests/fixtures/policies/invalid/lowercase-rebalance-symbols.yaml'], lower)).toBe(1);
    expect(lower.out()).toMatch(/5:11 {2}rebalance\.equal\[0\] {2}symbols are upper case.*did you mean `KO`\?/);
  });

  it('should print warnings and still exit 0, or 1 with --strict', async () => {
    const file = 'tests/fixtures/policies/warnings/fraction-gain.yaml';
    const io = testIo(ROOT);
    expect(await main(['check', file], io)).toBe(0);
    expect(io.out()).toContain(`${file}:6:15  exits.take_profit.gain_pct  warning: looks like a fraction`);
    expect(io.out()).toMatch(/1 policy valid, 1 warning$/);
    const strict = testIo(ROOT);
    expect(await main(['check', '--strict', file], strict)).toBe(1);
    expect(strict.out()).toMatch(/1 warning, which --strict counts as a problem$/);
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
