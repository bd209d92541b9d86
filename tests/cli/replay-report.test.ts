import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

describe('ballast replay: metrics.json, report.html and the summary table', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await exampleWorkspace('replay-report'));
  });
  afterAll(async () => {
    await remove();
  });

  it('should write metrics.json and a self-contained report.html beside the CSVs, and say where the report is', async () => {
    const io = testIo(dir);
    expect(await main(['replay', 'policies/dow-index.yaml', '--out', 'out'], io)).toBe(0);
    expect(io.out()).toContain('wrote out/ (equity.csv, trades.csv, weights.csv, metrics.json, report.html)\nopen out/report.html in a browser for the charts');
    const metrics = JSON.parse(await readFile(join(dir, 'out', 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ policyId: 'dow-index', sessions: 2529, riskFreePct: 0, policy: { maxDrawdown: { pct: expect.any(Number) } }, trading: { rules: [{ ruleId: 'rebalance' }] } });
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html.match(/<figure class="chart" data-chart="(equity|weights|trades)"><svg /g)).toHaveLength(3);
    expect(html).toContain(`<td>total return</td><td class="num">${metrics.policy.totalReturnPct.toFixed(1)}%</td>`);
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('should measure Sharpe and Sortino against --risk-free, in metrics.json, the table and the JSON answer', async () => {
    const zero = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '1998-01-02', '--out', 'rf0', '--json'], zero)).toBe(0);
    const five = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '1998-01-02', '--out', 'rf5', '--risk-free', '5', '--json'], five)).toBe(0);
    const [{ metrics: m0 }] = JSON.parse(zero.out());
    const [{ metrics: m5, report }] = JSON.parse(five.out());
    expect(report).toBe(join(dir, 'rf5', 'report.html'));
    expect(m5.riskFreePct).toBe(5);
    // the same returns less rf_d = 1.05^(1/252) − 1 each day: Sharpe falls by rf_d / std × √252 = rf_d × √252 × √252 / volatility
    const rfDaily = 1.05 ** (1 / 252) - 1;
    expect(m5.policy.sharpe).toBeCloseTo(m0.policy.sharpe - (rfDaily * 252) / (m0.policy.volatilityPct / 100), 9);
    expect(m5.policy.sortino).toBeLessThan(m0.policy.sortino);
    expect(JSON.parse(await readFile(join(dir, 'rf5', 'metrics.json'), 'utf8'))).toEqual(m5);
    const table = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '2000-01-03', '--out', 'rf5t', '--risk-free', '5'], table)).toBe(0);
    expect(table.out()).toContain('risk-free 5%');
  });

  it('should refuse a --risk-free that is not a rate as a usage error', async () => {
    const io = testIo(dir);
    expect(await main(['replay', 'dow-index', '--risk-free', 'lots'], io)).toBe(2);
    expect(io.err()).toMatch(/--risk-free lots is not an annual rate; write it in percent a year/);
  });

  it('should colour the table only when stdout is a terminal and NO_COLOR is unset', async () => {
    const plain = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '2000-01-03', '--out', 'c1', '--quiet'], { ...plain, stdoutTerminal: true, env: { NO_COLOR: '1' } })).toBe(0);
    expect(plain.out()).not.toContain('\u001b[');
    const coloured = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '2000-01-03', '--out', 'c2', '--quiet'], { ...coloured, stdoutTerminal: true })).toBe(0);
    expect(coloured.out()).toContain('\u001b[');
    const piped = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '2000-01-03', '--out', 'c3', '--quiet'], { ...piped, terminal: true })).toBe(0);
    expect(piped.out()).not.toContain('\u001b[');
  });
});
