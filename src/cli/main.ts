import { Command, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { UsageError } from '../errors.js';
import { parseIsoDate } from '../time/iso-date.js';
import { timeZoneProblem } from '../time/time-zone.js';
import { processIo, type CliIo } from './cli-io.js';
import { readCapital, readRiskFree } from './replay-options.js';
import type { FillTiming } from '../replay/replay-result.js';
import { EXIT } from './exit-codes.js';
import { reportError } from './report-error.js';

/**
 * The command registry: every `ballast` command, its options, and the mapping of errors to exit codes
 * (0 ok, 1 problems in policies or inputs, 2 usage; `plan`: 0 no trades, 2 trades proposed, 1 any error). Returns the exit code; only `bin/ballast.js` sets it on the
 * process. `io` is injectable so tests run commands in-process. Each command's module is loaded when that command runs,
 * so a quick command does not pay for the start-up of the others.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('ballast')
    .description('Policy-as-code for portfolio rebalancing and exits.')
    .version(packageJson.version, '-V, --version', 'print the Ballast version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s.trimEnd()), writeErr: (s) => io.stderr(s.trimEnd()) })
    .showSuggestionAfterError(true);

  program
    .command('check')
    .description('validate policy files and show every problem with file:line:col (default: all of policies/)')
    .argument('[paths...]', 'policy files')
    .option('--json', 'machine-readable output')
    .option('--prices <csv>', 'check symbols against this price file (default: the bundled prices, as `ballast run` uses)')
    .option('--examples <dir>', 'example data folder (prices/)', 'examples')
    .option('--strict', 'warnings (a percentage that looks like a fraction) fail the check too: exit 1')
    .action(async (paths: string[], opts: { json?: boolean; prices?: string; examples: string; strict?: boolean }) => {
      exitCode = await (await import('./commands/check.js')).check({ paths, json: opts.json ?? false, examples: opts.examples, strict: opts.strict ?? false, ...(opts.prices ? { prices: opts.prices } : {}) }, io);
    });

  program
    .command('diff')
    .description('what a policy change means: the effective policies of two git revisions compared in their own terms (default: HEAD against the working tree); exit 0 no change in meaning, 2 changes, 1 error')
    .argument('[revisions-and-policies...]', 'BASE [HEAD] (or BASE..HEAD), then policy ids or files to limit the diff to')
    .option('--base <revision>', 'the base revision, e.g. a pull request\'s base branch (then one revision argument is the head)')
    .option('--policies <dir>', 'policy folder', 'policies')
    .option('--markdown', 'Markdown for a pull-request comment')
    .option('--json', 'machine-readable output, with a format_version')
    .option('--no-impact', 'do not replay the changed policies')
    .addOption(new Option('--from <date>', 'impact: first session to replay, YYYY-MM-DD (default: two years before --to)').argParser(dateOf('--from')))
    .addOption(new Option('--to <date>', 'impact: last session to replay, YYYY-MM-DD (default: the last date of the prices)').argParser(dateOf('--to')))
    .option('--prices <csv>', 'impact: price panel CSV (default: the bundled prices)')
    .option('--holdings <csv>', 'impact: start both replays from these holdings (default: the policy\'s example holdings bought at the first close)')
    .addOption(new Option('--capital <amount>', 'impact: start both replays from this much cash instead').argParser(readCapital))
    .addOption(new Option('--fill <timing>', 'impact: when replayed decisions fill').choices(['next-close', 'same-close']))
    .option('--examples <dir>', 'example data folder (prices/, holdings/<policy id>.csv)', 'examples')
    .action(async (args: string[], opts: { base?: string; policies: string; markdown?: boolean; json?: boolean; impact: boolean; from?: string; to?: string; prices?: string; holdings?: string; capital?: number; fill?: FillTiming; examples: string }) => {
      const { base, policies, markdown, json, impact, ...replay } = opts;
      exitCode = await (await import('./commands/diff.js')).diffCommand({ args, ...(base ? { base } : {}), policies, markdown: markdown ?? false, json: json ?? false, impact, replay }, io);
    });

  program
    .command('show-config')
    .description('print the effective policy: every default filled in, in schema order, as YAML (`# default` marks what the file leaves out)')
    .argument('<policy>', 'policy file')
    .option('--json', 'machine-readable output')
    .action(async (policy: string, opts: { json?: boolean }) => {
      exitCode = await (await import('./commands/show-config.js')).showConfigCommand({ policy, json: opts.json ?? false }, io);
    });

  program
    .command('test')
    .description('run policy unit tests: holdings and prices in, expected proposals out (default: policies/tests/*.test.yaml); exit 0 all passed, 1 a failure')
    .argument('[paths...]', 'test files or folders')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--json', 'machine-readable output')
    .action(async (paths: string[], opts: { junit?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/test.js')).testCommand({ paths, ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('evaluate')
    .description('evaluate one policy against holdings and prices, record the run, print the proposals')
    .argument('<policy>', 'policy file')
    .requiredOption('--holdings <csv>', 'holdings CSV: symbol,quantity,average_cost,opened_date (cash as a CASH row)')
    .requiredOption('--prices <csv>', 'price panel CSV: date, then one column per symbol')
    .addOption(new Option('--as-of <date>', 'evaluate as of this date, YYYY-MM-DD').makeOptionMandatory().argParser(date))
    .option('--json', 'machine-readable output')
    .option('--no-record', 'preview only: do not record the run')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (policy: string, opts: { holdings: string; prices: string; asOf: string; json?: boolean; record: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/evaluate.js')).evaluateCommand({ policy, ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('plan')
    .description('preview one policy without recording: exit 0 when nothing would trade, 2 when trades are proposed, 1 on error; without --holdings it previews the real next run (the paper account in the data folder, the exits recorded there)')
    .argument('<policy>', 'policy file')
    .option('--holdings <csv>', 'holdings CSV (default: the policy\'s paper account in the data folder, as `ballast run` reads it)')
    .option('--prices <csv>', 'price panel CSV (default: the bundled prices)')
    .addOption(new Option('--as-of <date>', 'evaluate as of this date, YYYY-MM-DD (default: the last date of the prices)').argParser(date))
    .option('--examples <dir>', 'example data folder (holdings/<policy id>.csv, prices/)', 'examples')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .option('--json', 'machine-readable output')
    .action(async (policy: string, opts: { holdings?: string; prices?: string; asOf?: string; examples: string; dataDir?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/plan.js')).planCommand({ policy, ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('replay')
    .description('replay policies over price history with the live decision code: equity, trades and weights files, metrics, an HTML report, and a summary')
    .argument('<policy...>', 'policy files, or ids of policies in --policies')
    .addOption(new Option('--from <date>', 'first session, YYYY-MM-DD (default: the first date of the prices)').argParser(dateOf('--from')))
    .addOption(new Option('--to <date>', 'last session, YYYY-MM-DD (default: the last date of the prices)').argParser(dateOf('--to')))
    .option('--prices <csv>', 'price panel CSV (default: the bundled Dow 30 closes)')
    .option('--capital <amount>', 'start from this much cash, base currency (default 100000)')
    .option('--holdings <csv>', 'start from these holdings instead of cash')
    .addOption(new Option('--fill <when>', 'when decisions fill: next-close (no look-ahead) or same-close (as bt)').choices(['next-close', 'same-close']))
    .addOption(new Option('--risk-free <pct>', 'annual risk-free rate in percent for Sharpe and Sortino (default 0)').argParser(readRiskFree))
    .option('--out <dir>', 'output folder (default: <data dir>/replays/<policy>-<timestamp>/)')
    .option('--policies <dir>', 'policy folder to look ids up in', 'policies')
    .option('--examples <dir>', 'example data folder (prices/)', 'examples')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .option('--json', 'machine-readable output')
    .option('--quiet', 'no progress bar')
    .action(async (policies: string[], opts: { from?: string; to?: string; prices?: string; capital?: string; holdings?: string; fill?: FillTiming; riskFree?: number; out?: string; policies: string; examples: string; dataDir?: string; json?: boolean; quiet?: boolean }) => {
      const { riskFree, ...rest } = opts;
      exitCode = await (await import('./commands/replay.js')).replayCommand({ ...rest, ...(riskFree === undefined ? {} : { riskFreePct: riskFree }), policies, policyDir: opts.policies, json: opts.json ?? false, quiet: opts.quiet ?? false }, io);
    });

  program
    .command('history')
    .description('list the most recent recorded runs (50 unless told) with their summary metrics')
    .option('--bot <policy id>', 'only this policy\'s runs')
    .addOption(new Option('--limit <n>', 'the most recent n runs (default 50)').argParser(count('--limit')))
    .option('--all', 'every run')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { bot?: string; limit?: number; all?: boolean; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/history.js')).historyCommand({ ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('reconcile')
    .description('compare a paper account with a broker\'s positions export: exit 0 no differences, 2 differences above the threshold, 1 error; posts differences to Telegram when configured')
    .requiredOption('--positions <csv>', 'the broker\'s export: symbol,quantity (optionally price), cash as a CASH row')
    .option('--account <id>', 'paper account (default: the only one in the database)')
    .addOption(new Option('--threshold-pct <pct>', 'report differences above this percent, by quantity and by value (default 1)').argParser(percent('--threshold-pct')))
    .option('--prices <csv>', 'price panel to value differences (default: the prices of the account\'s latest run)')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { positions: string; account?: string; thresholdPct?: number; prices?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/reconcile.js')).reconcileCommand({ ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('audit')
    .description('the audit log: every decision (who, when, channel, what followed) and every refused action, oldest first')
    .addOption(new Option('--since <date>', 'only entries from this date, YYYY-MM-DD').argParser(dateOf('--since')))
    .option('--policy <id>', 'only decisions of this policy')
    .option('--refusals', 'only refused actions')
    .addOption(new Option('--limit <n>', 'the most recent n entries (default 50)').argParser(count('--limit')))
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { since?: string; policy?: string; refusals?: boolean; limit?: number; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/audit.js')).auditCommand({ ...opts, refusals: opts.refusals ?? false, json: opts.json ?? false }, io);
    });

  program
    .command('show')
    .description('print one recorded run in full')
    .argument('<run-id>', 'e.g. run-000001 (see `ballast history`)')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (runId: string, opts: { json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/show.js')).showCommand({ runId, ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('run')
    .description('the main job: evaluate every policy against its example holdings and the bundled prices')
    .option('--policies <dir>', 'policy folder', 'policies')
    .option('--examples <dir>', 'example data folder (holdings/<policy id>.csv, prices/)', 'examples')
    .addOption(new Option('--as-of <date>', 'as of this date, YYYY-MM-DD (default: the last bundled date)').argParser(date))
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { policies: string; examples: string; asOf?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/run.js')).runMainJob({ ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('serve')
    .description('run by itself: evaluate every policy on its schedules, open proposals for approval (Telegram when a token is set, this console otherwise), catch up once on start, reload edited policies')
    .option('--policies <dir>', 'policy folder', 'policies')
    .option('--examples <dir>', 'example data folder (holdings/<policy id>.csv, prices/)', 'examples')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .option('--no-watch', 'do not reload edited policies')
    .action(async (opts: { policies: string; examples: string; dataDir?: string; watch: boolean }) => {
      exitCode = await (await import('./commands/serve.js')).serveCommand(opts, io);
    });

  program
    .command('next')
    .description('last and next run of every schedule of every policy, in the policy time zone and yours')
    .option('--policies <dir>', 'policy folder', 'policies')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .addOption(new Option('--tz <zone>', 'your IANA time zone (default: $TZ or the machine zone)').argParser(timeZone))
    .option('--json', 'machine-readable output')
    .action(async (opts: { policies: string; dataDir?: string; tz?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/next.js')).nextCommand({ ...opts, json: opts.json ?? false }, io);
    });

  program
    .command('status')
    .description('is ballast serve running, which policies are scheduled, recent scheduled slots')
    .option('--policies <dir>', 'policy folder', 'policies')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { policies: string; dataDir?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/status.js')).statusCommand({ ...opts, json: opts.json ?? false }, io);
    });

  // Approvals (issue 4): decide proposals from the terminal, see the paper accounts.
  program
    .command('pending')
    .description('list the proposals waiting for a decision')
    .option('--policy <id>', 'only this policy')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { policy?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/pending.js')).pendingCommand({ ...opts, json: opts.json ?? false }, io);
    });
  for (const [name, command, what] of [
    ['approve', async () => (await import('./commands/approve.js')).approveCommand, 'approve proposals and execute them on paper at the re-checked price'],
    ['reject', async () => (await import('./commands/reject.js')).rejectCommand, 'reject proposals; nothing is executed'],
  ] as const) {
    program
      .command(name)
      .description(what)
      .argument('[ids...]', 'proposal ids (p-…), as `ballast pending` lists them')
      .option('--all', 'every pending proposal (of --policy when given)')
      .option('--policy <id>', 'with --all: only this policy')
      .option('--prices <csv>', 'price panel to re-check prices against (default: the run\'s prices file)')
      .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
      .action(async (ids: string[], opts: { all?: boolean; policy?: string; prices?: string; dataDir?: string }) => {
        exitCode = await (await command())({ ids, ...opts, all: opts.all ?? false }, io);
      });
  }
  program
    .command('positions')
    .description('paper accounts: positions, cash, equity, realized and unrealized P&L')
    .option('--account <id>', 'only this account')
    .option('--prices <csv>', 'price panel for the marks (default: the latest run\'s prices file)')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { account?: string; prices?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/positions.js')).positionsCommand({ ...opts, json: opts.json ?? false }, io);
    });
  program
    .command('strategies')
    .description("each policy's strategies: allocation, last and next rebalance, sleeve equity and P&L")
    .option('--policy <id>', 'only this policy')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { policy?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/strategies.js')).strategiesCommand({ ...opts, json: opts.json ?? false }, io);
    });
  program
    .command('telegram')
    .description('run the Telegram approval bot (long polling) until Ctrl-C; needs BALLAST_TELEGRAM_TOKEN')
    .option('--prices <csv>', 'price panel to re-check prices against (default: the runs\' prices files)')
    .option('--policies <dir>', 'policy folder, for /next', 'policies')
    .option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)')
    .action(async (opts: { prices?: string; policies: string; dataDir?: string }) => {
      exitCode = await (await import('./commands/telegram.js')).telegramCommand(opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const code = reportError(error, io);
    // `plan`, `diff` and `reconcile` keep 2 for "trades proposed" / "changed" / "differences" (terraform's -detailed-exitcode), so their usage errors exit 1.
    return (argv[0] === 'plan' || argv[0] === 'diff' || argv[0] === 'reconcile') && code === EXIT.usage ? EXIT.problems : code;
  }
}

function timeZone(value: string): string {
  const wrong = timeZoneProblem(value, '--tz');
  if (wrong !== undefined) throw new UsageError(wrong.problem, wrong.action);
  return value;
}

const date = dateOf('--as-of');

/** A parser of a percent option ≥ 0, naming the option. */
function percent(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(n < 100)) throw new UsageError(`${flag} "${value}" is not a percent between 0 and 100`, `write e.g. ${flag} 1 for 1%`);
    return n;
  };
}

/** A parser of a whole-number option ≥ 1, naming the option. */
function count(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) throw new UsageError(`${flag} "${value}" is not a whole number ≥ 1`, `write e.g. ${flag} 20`);
    return n;
  };
}

/** A parser of a date option that refuses anything but a real `YYYY-MM-DD`, naming the option. */
function dateOf(flag: string): (value: string) => string {
  return (value) => {
    if (parseIsoDate(value) === undefined) throw new UsageError(`${flag} "${value}" is not a calendar date`, 'write YYYY-MM-DD, e.g. 2001-01-02');
    return value;
  };
}
