import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');

const WRONG = `# yaml-language-server: $schema=../../schemas/policy-test.schema.json
policy: ../dee-bot.yaml
as_of: 2001-01-02
cases:
  - name: take-profit sells half
    holdings:
      - { symbol: CASH, quantity: 100000 }
      - { symbol: CAT, quantity: 100, average_cost: 50, opened_date: 2000-12-26 }
    prices:
      - { date: 2001-01-02, CAT: 60 }
    expect:
      - { symbol: CAT, action: trim, rule: take_profit, quantity: 50 }

  - name: take-profit sells everything (wrong on purpose)
    holdings:
      - { symbol: CASH, quantity: 100000 }
      - { symbol: CAT, quantity: 100, average_cost: 50, opened_date: 2000-12-26 }
    prices:
      - { date: 2001-01-02, CAT: 60 }
    expect:
      - { symbol: CAT, action: exit, rule: take_profit, quantity: 100 }

  - name: nothing fires (wrong on purpose)
    holdings:
      - { symbol: CASH, quantity: 100000 }
      - { symbol: GE, quantity: 100, average_cost: 50, opened_date: 2000-12-26 }
    prices:
      - { date: 2001-01-02, GE: 45 }
    expect: []
`;

describe('ballast test', () => {
  let ws: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    ws = await exampleWorkspace('policy-test');
    await writeFile(join(ws.dir, 'policies/tests/wrong.test.yaml'), WRONG);
  });
  afterAll(async () => ws.remove());

  it('should pass every shipped test of every bundled policy and close with "N passed, 0 failed"', async () => {
    const io = testIo(ROOT);
    expect(await main(['test'], io)).toBe(0);
    const bundled = (await readdir(join(ROOT, 'policies'))).filter((name) => name.endsWith('.yaml')).map((name) => name.replace(/\.yaml$/, ''));
    expect(bundled.length).toBeGreaterThanOrEqual(4);
    for (const policy of bundled) expect(io.out()).toContain(`ok     policies/tests/${policy}.test.yaml:`);
    expect(io.out()).not.toMatch(/FAIL|ERROR/);
    expect(io.out().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('should fail with expected against got as a diff at the case file:line', async () => {
    const io = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/wrong.test.yaml'], io)).toBe(1);
    const out = io.out();
    expect(out).toContain('ok     policies/tests/wrong.test.yaml:5  take-profit sells half');
    expect(out).toContain('FAIL   policies/tests/wrong.test.yaml:14  take-profit sells everything (wrong on purpose)  (policies/dee-bot.yaml)');
    expect(out).toMatch(/^ +- CAT {2}exit {2}take_profit {2}100$/m);
    expect(out).toMatch(/^ +\+ CAT {2}trim {2}take_profit {2}50$/m);
    expect(out).toMatch(/why CAT take_profit: up 20(\.0)?% since entry/);
    expect(out).toContain('FAIL   policies/tests/wrong.test.yaml:23  nothing fires (wrong on purpose)');
    expect(out).toMatch(/^ +\+ GE {2}exit {2}cut_loss {2}100$/m);
    expect(out.split('\n').at(-1)).toBe('1 passed, 2 failed');
  });

  it('should write JUnit XML that parses, with the right counts', async () => {
    const io = testIo(ws.dir);
    expect(await main(['test', 'policies/tests', '--junit', 'junit.xml'], io)).toBe(1);
    const [, passed, failed] = /(\d+) passed, (\d+) failed$/.exec(io.out())!.map(Number);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(join(ws.dir, 'junit.xml'), 'utf8'));
    const suites = [xml.testsuites.testsuite].flat();
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as { name: string; failure?: { message: string; '#text': string } }[];
    expect(Number(xml.testsuites.tests)).toBe(passed! + failed!);
    expect(Number(xml.testsuites.failures)).toBe(2);
    expect(cases).toHaveLength(passed! + failed!);
    expect(suites.map((s: { name: string }) => s.name)).toContain('policies/tests/wrong.test.yaml');
    const wrong = cases.find((c) => c.name === 'take-profit sells everything (wrong on purpose)')!;
    expect(wrong.failure!['#text']).toContain('+ CAT  trim  take_profit  50');
  });

  it('should print --json with a format_version and every case', async () => {
    const io = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/wrong.test.yaml', '--json'], io)).toBe(1);
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({ format_version: '1.0', passed: 1, failed: 2 });
    expect(json.files[0].cases[1]).toMatchObject({
      line: 14,
      status: 'failed',
      outcome: { expected: [{ symbol: 'CAT', action: 'exit', quantity: 100 }], got: [{ symbol: 'CAT', action: 'trim', quantity: 50, reason: expect.any(String) }] },
    });
  });

  it('should report an invalid test file at file:line:col like check does', async () => {
    await writeFile(join(ws.dir, 'policies/tests/bad.test.yaml'), [
      'policy: ../dee-bot.yaml',
      'cases:',
      '  - name: no date, a bad action',
      '    holdings: [{ symbol: CAT, quantity: 1 }]',
      '    prices: [{ date: 2001-01-02, CAT: 1 }]',
      '    expect:',
      '      - { symbol: CAT, action: sell, rule: take_profit, quantity: 1 }',
      '',
    ].join('\n'));
    const io = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/bad.test.yaml'], io)).toBe(1);
    expect(io.out()).toMatch(/policies\/tests\/bad\.test\.yaml:7:32 {2}cases\[0\]\.expect\[0\]\.action {2}`action` cannot be "sell"; use one of `exit`, `trim`, `buy`/);
    expect(io.out().split('\n').at(-1)).toBe('0 passed, 1 failed');
    await writeFile(join(ws.dir, 'policies/tests/bad.test.yaml'), [
      'policy: ../dee-bot.yaml',
      'cases:',
      '  - name: no date, no average cost',
      '    holdings: [{ symbol: CAT, quantity: 1 }]',
      '    prices: [{ date: 2001-01-02, CAT: 1 }]',
      '    expect: []',
      '',
    ].join('\n'));
    const again = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/bad.test.yaml'], again)).toBe(1);
    expect(again.out()).toMatch(/bad\.test\.yaml:3:5 {2}cases\[0\]\.as_of {2}case "no date, no average cost" has no `as_of`/);
    expect(again.out()).toMatch(/bad\.test\.yaml:4:16 {2}cases\[0\]\.holdings\[0\]\.average_cost {2}CAT needs `average_cost`/);
  });

  it('should report a case whose policy is invalid as an error and still run the others', async () => {
    await writeFile(join(ws.dir, 'policies/broken.yaml'), 'version: 1\nid: broken\n');
    await writeFile(join(ws.dir, 'policies/tests/mixed.test.yaml'), WRONG.replace('policy: ../dee-bot.yaml', 'policy: ../broken.yaml').replace('  - name: take-profit sells half', '  - name: take-profit sells half\n    policy: ../dee-bot.yaml'));
    const io = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/mixed.test.yaml'], io)).toBe(1);
    expect(io.out()).toContain('ok     policies/tests/mixed.test.yaml:5  take-profit sells half');
    expect(io.out()).toMatch(/ERROR {2}policies\/tests\/mixed\.test\.yaml:15 .*\n +policies\/broken\.yaml:1:1  account  missing `account`.*\n +policies\/broken\.yaml is not a valid policy; run `ballast check/);
  });

  it('should evaluate only the rules a case names in `runs`, and refuse a name the policy does not have', async () => {
    const runs = (names: string): string => WRONG.replace('policy: ../dee-bot.yaml', `policy: ../dee-bot.yaml\nruns: ${names}`);
    await writeFile(join(ws.dir, 'policies/tests/runs.test.yaml'), runs('[cut_loss, slow-bleed]'));
    const io = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/runs.test.yaml'], io)).toBe(1);
    expect(io.out()).toMatch(/FAIL {3}policies\/tests\/runs\.test\.yaml:6  take-profit sells half .*\n.*\n.*\n +- CAT {2}trim {2}take_profit {2}50\n +\(the run proposed nothing\)/);
    expect(io.out()).toContain('FAIL   policies/tests/runs.test.yaml:24  nothing fires (wrong on purpose)');
    await writeFile(join(ws.dir, 'policies/tests/runs.test.yaml'), runs('[take_profit, slow_bleed]'));
    const typo = testIo(ws.dir);
    expect(await main(['test', 'policies/tests/runs.test.yaml'], typo)).toBe(1);
    expect(typo.out()).toMatch(/ERROR {2}policies\/tests\/runs\.test\.yaml:6 .*\n +`runs` names `slow_bleed`, not a section or rule of dee-bot; use .*`slow-bleed`/);
  });

  it('should say where to write tests when there are none', async () => {
    const io = testIo(join(ws.dir, 'examples'));
    expect(await main(['test'], io)).toBe(1);
    expect(io.err()).toMatch(/no test file or folder at policies\/tests/);
  });
});
