import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayMetrics } from '../../../src/replay/metrics/index.js';
import type { ReplayResult } from '../../../src/replay/replay-result.js';
import { writeReplayReport } from '../../../src/replay/report/write-replay-report.js';
import { btReplay } from '../../../bench/bt-dow30-replay.js';
import { launchHeadlessBrowser, type HeadlessBrowser } from '../../support/headless-browser.js';
import { fill, syntheticReplay } from '../../support/synthetic-replay.js';

let chromium: HeadlessBrowser;
let dir: string;

beforeAll(async () => {
  chromium = await launchHeadlessBrowser();
  dir = await mkdtemp(join(tmpdir(), 'ballast-report-'));
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes the report of `result` into its own folder and opens it, recording console errors and every request. */
async function openReport(name: string, result: ReplayResult) {
  const files = await writeReplayReport(join(dir, name), result, replayMetrics(result));
  const page = await chromium.browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(files.reportHtml).href;
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests, url, files };
}

describe('the replay report in a real browser', () => {
  it('should load with no console error, no request but itself, and every chart drawn', async () => {
    const { page, errors, requests, url, files } = await openReport('bt', btReplay());
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { chart: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, paths: svg?.querySelectorAll('path').length ?? 0, text: svg?.textContent ?? '' };
      }),
    );
    expect(charts.map((c) => c.chart)).toEqual(['equity', 'weights', 'trades']);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(1000);
      expect(chart.height).toBeGreaterThan(250);
      expect(chart.paths).toBeGreaterThan(10);
    }
    expect(charts[0]!.text).toContain('policy');
    expect(charts[0]!.text).toContain('benchmark');
    expect(charts[1]!.text).toContain('MSFT'); // the weights legend names the symbols
    expect(charts[2]!.text).toContain('rebalance'); // the trades chart names the rules
    const screenshot = await page.screenshot({ fullPage: true, path: join(dir, 'report.png') });
    expect(screenshot.length).toBeGreaterThan(50_000);
    expect(JSON.parse(await readFile(files.metricsJson, 'utf8'))).toMatchObject({ policy: { finalEquity: 7_791_247.466634796 } });
    await page.close();
  });

  it('should show the metrics and keep 1,290 trades in a folded, scrollable list', async () => {
    const { page } = await openReport('bt-trades', btReplay());
    const metricRows = await page.$$eval('table.metrics tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(metricRows).toContainEqual(['total return', '679.1%', '676.6%']);
    expect(metricRows).toContainEqual(['Sharpe', '1.41', '1.23']);
    expect(await page.$eval('#trades', (d) => d.hasAttribute('open'))).toBe(false);
    expect(await page.$eval('#trades summary', (s) => s.textContent)).toBe('Trades (1,290)');
    await page.click('#trades summary');
    const list = await page.$eval('#trades .scroll', (el) => ({ rows: el.querySelectorAll('tbody tr').length, visible: el.getBoundingClientRect().height, scrolls: el.scrollHeight > el.clientHeight }));
    expect(list).toMatchObject({ rows: 1290, scrolls: true });
    expect(list.visible).toBeLessThanOrEqual(640);
    await page.close();
  });

  it('should show text from the policy as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> & "quotes"';
    const result = syntheticReplay(['2024-01-02', '2024-01-03'], [1000, 1010], {
      initialCapital: 1000,
      policyName: hostile,
      symbols: ['<b>X'],
      weights: [Float64Array.from([0.5, 0.5])],
      cash: Float64Array.from([500, 505]),
      fills: [fill({ symbol: '<b>X', ruleId: 'custom:<i>', reason: hostile, date: '2024-01-02' })],
      benchmark: { label: hostile, equity: Float64Array.from([1000, 1005]) },
    });
    const { page, errors, requests, url } = await openReport('hostile', result);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(hostile);
    expect(await page.$$eval('script, img', (nodes) => nodes.length)).toBe(0);
    expect(await page.$eval('#trades td.reason', (td) => td.textContent)).toBe(hostile);
    expect(await page.$eval('figure[data-chart="weights"] svg', (svg) => svg.textContent)).toContain('<b>X');
    await page.close();
  });

  it('should say so when the policy never traded', async () => {
    const { page, errors } = await openReport('idle', syntheticReplay(['2024-01-02', '2024-01-03'], [1000, 1000], { initialCapital: 1000 }));
    expect(errors).toEqual([]);
    expect(await page.$eval('#trades-per-rule', (s) => s.textContent)).toContain('No trades.');
    expect(await page.$eval('#trade-list', (s) => s.textContent)).toContain('The policy made no trade over this period.');
    await page.close();
  });
});
