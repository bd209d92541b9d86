import { join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { parseHoldings } from '../../market/parse-holdings.js';
import { replayMetrics, type ReplayMetrics } from '../../replay/metrics/index.js';
import { writeReplayFiles } from '../../replay/output/write-replay-files.js';
import { writeReplayReport } from '../../replay/report/write-replay-report.js';
import { strategyAttribution } from '../../replay/strategies/strategy-attribution.js';
import { STRATEGY_FILES, writeStrategyFiles } from '../../replay/strategies/write-strategy-files.js';
import { formatStrategyAttribution } from '../../text/format-strategy-attribution.js';
import { loadSignalFiles } from '../../workspace/load-signal-files.js';
import { replayPolicy } from '../../replay/replay-policy.js';
import type { FillTiming, ReplayResult } from '../../replay/replay-result.js';
import { validPolicy } from '../../run/valid-policy.js';
import { readCapital } from '../replay-options.js';
import { formatReplaySummary } from '../../text/format-replay-summary.js';
import { paintFor } from '../../text/use-color.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import { knownSymbolsOf } from '../../policy/symbol-problems.js';
import { loadPricePanel } from '../../workspace/load-price-panel.js';
import { readInput } from '../../workspace/read-input.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { examplePrices } from '../evaluation-inputs.js';
import { EXIT } from '../exit-codes.js';
import { resolvePolicyPath } from '../resolve-policy-path.js';

/** Options of `ballast replay`. */
export interface ReplayCommandOptions {
  /** Policy files or ids. */
  readonly policies: readonly string[];
  /** Folder to look policy ids up in. Default `policies`. */
  readonly policyDir: string;
  readonly examples: string;
  readonly from?: string;
  readonly to?: string;
  /** Price panel CSV; default the bundled prices. */
  readonly prices?: string;
  /** Starting cash in base currency (text as typed). */
  readonly capital?: string;
  /** Holdings CSV to start from instead of cash. */
  readonly holdings?: string;
  readonly fill?: FillTiming;
  /** Annual risk-free rate in percent for Sharpe and Sortino (`--risk-free`). Default 0. */
  readonly riskFreePct?: number;
  /** Output folder; default `.ballast/replays/<policy>-<timestamp>/` (one folder per policy under it when several). */
  readonly out?: string;
  /** Database folder, under which replays are written by default. */
  readonly dataDir?: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

/**
 * `ballast replay <policy…>`: replays each policy over the price history with the live decision code
 * (`replayPolicy`), writes `equity.csv`, `trades.csv`, `weights.csv`, `metrics.json` and `report.html` to its output
 * folder (and, for a policy with strategies, `sleeves.csv`, `allocations.csv` and `accounting.csv`) and prints the
 * summary table, coloured on a terminal without `NO_COLOR`, with the strategies' side-by-side comparison (or, with
 * `--json`, the metrics, the strategies' attribution and where the files are). A progress bar on a terminal once a replay takes over a
 * second (none when piped, none with `--quiet`). Bad input (unknown policy, `--from` after `--to`, dates outside the
 * prices, a held symbol without prices) throws a `BallastError`: exit 1 with the message.
 */
export async function replayCommand(options: ReplayCommandOptions, io: CliIo): Promise<number> {
  const capital = options.capital === undefined ? undefined : readCapital(options.capital);
  const prices = options.prices === undefined ? await examplePrices(io, options.examples) : await loadPricePanel(resolve(io.cwd, options.prices), io.cwd);
  const holdings = options.holdings === undefined ? undefined : await readHoldingsFile(io, options.holdings);
  const outputs: { result: ReplayResult; metrics: ReplayMetrics; dir: string }[] = [];
  for (const argument of options.policies) {
    const loaded = await loadPolicyFile(await resolvePolicyPath(argument, options.policyDir, io.cwd), io.cwd, { knownSymbols: knownSymbolsOf(prices) });
    const policy = validPolicy(loaded);
    const signalFiles = await loadSignalFiles(policy, loaded.path, loaded.file);
    const result = await replayPolicy(policy, prices, {
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(holdings ? { holdings } : capital !== undefined ? { capital } : {}),
      ...(options.fill ? { fill: options.fill } : {}),
      revision: loaded.revision.revision,
      signalFiles,
      ...(io.terminal && !options.quiet && !options.json ? { onProgress: progressBar(policy.id) } : {}),
    });
    const dir = outputDir(options, io, policy.id);
    const metrics = replayMetrics(result, options.riskFreePct === undefined ? {} : { riskFreePct: options.riskFreePct });
    await writeReplayFiles(result, dir);
    await writeStrategyFiles(result, dir);
    const report = await writeReplayReport(dir, result, metrics);
    outputs.push({ result, metrics, dir });
    if (!options.json) {
      const paint = paintFor(io.stdoutTerminal, io.env);
      io.stdout(formatReplaySummary(metrics, { paint }));
      const attribution = strategyAttribution(result, metrics.riskFreePct);
      if (attribution) io.stdout(formatStrategyAttribution(attribution, metrics.policy, result.baseCurrency, paint));
      const files = ['equity.csv', 'trades.csv', 'weights.csv', ...(result.strategies ? STRATEGY_FILES : []), 'metrics.json', 'report.html'];
      io.stdout(`wrote ${shown(io.cwd, dir)}/ (${files.join(', ')})
open ${shown(io.cwd, report.reportHtml)} in a browser for the charts
`);
    }
  }
  if (options.json) {
    io.stdout(JSON.stringify(outputs.map(({ result, metrics, dir }) => ({ policyId: result.policyId, out: dir, report: join(dir, 'report.html'), metrics, strategies: strategyAttribution(result, metrics.riskFreePct) ?? null })), null, 2));
  }
  return EXIT.ok;
}

/** A folder as the user reads it: relative to the working directory when inside it. */
function shown(cwd: string, dir: string): string {
  const path = relative(cwd, dir);
  return path === '' || path.startsWith('..') ? dir : path;
}

async function readHoldingsFile(io: CliIo, path: string): Promise<ReturnType<typeof parseHoldings>['holdings']> {
  const full = resolve(io.cwd, path);
  const shown = relative(io.cwd, full) || full;
  return parseHoldings(shown, await readInput(full, shown)).holdings;
}

/** `--out` (a subfolder per policy when several are replayed), else `<data dir>/replays/<policy>-<UTC timestamp>/`. */
function outputDir(options: ReplayCommandOptions, io: CliIo, policyId: string): string {
  if (options.out !== undefined) {
    const out = resolve(io.cwd, options.out);
    return options.policies.length > 1 ? join(out, policyId) : out;
  }
  const stamp = io.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return join(dataDir(io, options.dataDir), 'replays', `${policyId}-${stamp}`);
}

/** A progress callback drawing a bar on stderr once the replay has run for a second. */
function progressBar(label: string): (done: number, total: number) => void {
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return (done, total) => {
    if (bar === undefined) {
      if (performance.now() - started < 1000 || done === total) return;
      bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% · {value}/{total} sessions`, stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      bar.start(total, done);
    }
    bar.update(done);
    if (done === total) bar.stop();
  };
}
