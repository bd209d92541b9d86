import { Command, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import type { FillTiming } from '../replay/replay-result.js';
import { UsageError } from '../errors.js';
import { parseIsoDate } from '../time/iso-date.js';
import { commandExamples, PROGRAM_EXAMPLES } from '../text/cli-examples.js';
import { processIo, type CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { readCapital, readRiskFree } from './replay-options.js';
import { reportError } from './report-error.js';

/**
 * The command registry: every `ballast` command, its options and examples, and the mapping of errors to exit codes
 * (0 ok, 1 problems in policies or inputs, 2 usage; `plan`, `diff`, `reconcile`: 2 is their "something to see", so
 * their usage errors exit 1). Returns the exit code; only `bin/ballast.js` sets it on the process. `io` is injectable
 * so tests run commands in-process.
 *
 * A command's module is imported when that command runs, never to read the command line: `ballast --help` loads
 * commander and this file, not the engine, the store, grammY or the charts.
 *
 * One name per idea across commands: `--policy <id>` picks one policy (its runs, proposals, paper account);
 * `--policies <dir>` is the policy folder; `--data-dir`, `--json`, `--prices`, `--examples` mean the same everywhere.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('ballast')
    .description('Policy-as-code for portfolio rebalancing and exits.')
    .version(packageJson.version, '-V, --version', 'print the Ballast version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s.trimEnd()), writeErr: (s) => io.stderr(s.trimEnd()) })
    .showSuggestionAfterError(true)
    .addHelpText('after', PROGRAM_EXAMPLES);
  const command = (name: string): Command => program.command(name).addHelpText('after', commandExamples(name));

  command('check')
    .description('validate policy files and show every problem with file:line:col (default: all of policies/)')
    .argument('[paths...]', 'policy files or folders')
    .addOption(json())
    .option('--prices <csv>', 'check symbols against this price file (default: the bundled prices, as `ballast run` uses)')
    .addOption(examples('prices/'))
    .option('--strict', 'warnings (a percentage that looks like a fraction) fail the check too: exit 1')
    .action(async (paths: string[], opts: { json?: boolean; prices?: string; examples: string; strict?: boolean }) => {
      exitCode = await (await import('./commands/check.js')).check({ paths, json: opts.json ?? false, examples: opts.examples, strict: opts.strict ?? false, ...(opts.prices ? { prices: opts.prices } : {}) }, io);
    });

  command('diff')
    .description('what a policy change means: the effective policies of two git revisions compared in their own terms (default: HEAD against the working tree); exit 0 no change in meaning, 2 changes, 1 error')
    .argument('[revisions-and-policies...]', 'BASE [HEAD] (or BASE..HEAD), then policy ids or files to limit the diff to')
    .option('--base <revision>', 'the base revision, e.g. a pull request\'s base branch (then one revision argument is the head)')
    .addOption(policiesDir())
    .option('--markdown', 'Markdown for a pull-request comment')
    .option('--json', 'machine-readable output, with a format_version')
    .option('--no-impact', 'do not replay the changed policies')
    .addOption(new Option('--from <date>', 'impact: first session to replay, YYYY-MM-DD (default: two years before --to)').argParser(dateOf('--from')))
    .addOption(new Option('--to <date>', 'impact: last session to replay, YYYY-MM-DD (default: the last date of the prices)').argParser(dateOf('--to')))
    .option('--prices <csv>', 'impact: price panel CSV (default: the bundled prices)')
    .option('--holdings <csv>', 'impact: start both replays from these holdings (default: the policy\'s example holdings bought at the first close)')
    .addOption(new Option('--capital <amount>', 'impact: start both replays from this much cash instead').argParser(readCapital))
    .addOption(new Option('--fill <timing>', 'impact: when replayed decisions fill').choices(['next-close', 'same-close']))
    .addOption(examples('prices/, holdings/<policy id>.csv'))
    .action(async (args: string[], opts: { base?: string; policies: string; markdown?: boolean; json?: boolean; impact: boolean; from?: string; to?: string; prices?: string; holdings?: string; capital?: number; fill?: FillTiming; examples: string }) => {
      const { base, policies, markdown, json, impact, ...replay } = opts;
      exitCode = await (await import('./commands/diff.js')).diffCommand({ args, ...(base ? { base } : {}), policies, markdown: markdown ?? false, json: json ?? false, impact, replay }, io);
    });

  command('show-config')
    .description('print the effective policy: every default filled in, in schema order, as YAML (`# default` marks what the file leaves out)')
    .argument('<policy>', 'policy file')
    .addOption(json())
    .action(async (policy: string, opts: { json?: boolean }) => {
      exitCode = await (await import('./commands/show-config.js')).showConfigCommand({ policy, json: opts.json ?? false }, io);
    });

  command('test')
    .description('run policy unit tests: holdings and prices in, expected proposals out (default: policies/tests/*.test.yaml); exit 0 all passed, 1 a failure')
    .argument('[paths...]', 'test files or folders')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .addOption(json())
    .action(async (paths: string[], opts: { junit?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/test.js')).testCommand({ paths, ...opts, json: opts.json ?? false }, io);
    });

  command('evaluate')
    .description('evaluate one policy against holdings and prices, record the run, print the proposals')
    .argument('<policy>', 'policy file')
    .requiredOption('--holdings <csv>', 'holdings CSV: symbol,quantity,average_cost,opened_date (cash as a CASH row)')
    .requiredOption('--prices <csv>', 'price panel CSV: date, then one column per symbol')
    .addOption(new Option('--as-of <date>', 'evaluate as of this date, YYYY-MM-DD').makeOptionMandatory().argParser(dateOf('--as-of')))
    .addOption(json())
    .option('--no-record', 'preview only: do not record the run')
    .addOption(dataDirOption())
    .action(async (policy: string, opts: { holdings: string; prices: string; asOf: string; json?: boolean; record: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/evaluate.js')).evaluateCommand({ policy, ...opts, json: opts.json ?? false }, io);
    });

  command('plan')
    .description('preview one policy without recording: exit 0 when nothing would trade, 2 when trades are proposed, 1 on error; without --holdings it previews the real next run (the paper account in the data folder, the exits recorded there)')
    .argument('<policy>', 'policy file')
    .option('--holdings <csv>', 'holdings CSV (default: the policy\'s paper account in the data folder, as `ballast run` reads it)')
    .option('--prices <csv>', 'price panel CSV (default: the bundled prices)')
    .addOption(new Option('--as-of <date>', 'evaluate as of this date, YYYY-MM-DD (default: the last date of the prices)').argParser(dateOf('--as-of')))
    .addOption(examples('holdings/<policy id>.csv, prices/'))
    .addOption(dataDirOption())
    .addOption(json())
    .action(async (policy: string, opts: { holdings?: string; prices?: string; asOf?: string; examples: string; dataDir?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/plan.js')).planCommand({ policy, ...opts, json: opts.json ?? false }, io);
    });

  command('replay')
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
    .addOption(policiesDir('policy folder to look ids up in'))
    .addOption(examples('prices/'))
    .addOption(dataDirOption())
    .addOption(json())
    .option('--quiet', 'no progress bar')
    .action(async (policies: string[], opts: { from?: string; to?: string; prices?: string; capital?: string; holdings?: string; fill?: FillTiming; riskFree?: number; out?: string; policies: string; examples: string; dataDir?: string; json?: boolean; quiet?: boolean }) => {
      const { riskFree, ...rest } = opts;
      exitCode = await (await import('./commands/replay.js')).replayCommand({ ...rest, ...(riskFree === undefined ? {} : { riskFreePct: riskFree }), policies, policyDir: opts.policies, json: opts.json ?? false, quiet: opts.quiet ?? false }, io);
    });

  command('history')
    .description('list the most recent recorded runs (50 unless told): when each ran, the prices\' date, the policy revision, trades, turnover, drift and budget used')
    .addOption(policyFilter('only this policy\'s runs'))
    .addOption(new Option('--bot <id>').hideHelp())
    .addOption(new Option('--limit <n>', 'the most recent n runs (default 50)').argParser(count('--limit')))
    .option('--all', 'every run')
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { policy?: string; bot?: string; limit?: number; all?: boolean; json?: boolean; dataDir?: string }) => {
      const { bot, ...rest } = opts;
      exitCode = await (await import('./commands/history.js')).historyCommand({ ...rest, ...policyOf(opts.policy ?? bot), json: opts.json ?? false }, io);
    });

  command('reconcile')
    .description('compare a paper account with a broker\'s positions export: exit 0 no differences, 2 differences above the threshold, 1 error; posts differences to Telegram when configured')
    .requiredOption('--positions <csv>', 'the broker\'s export: symbol,quantity (optionally price), cash as a CASH row')
    .addOption(policyFilter('the paper account of this policy (default: the only account in the database)'))
    .addOption(new Option('--account <id>', 'the paper account by its id').hideHelp())
    .addOption(new Option('--threshold-pct <pct>', 'report differences above this percent, by quantity and by value (default 1)').argParser(percent('--threshold-pct')))
    .option('--prices <csv>', 'price panel to value differences (default: the prices of the account\'s latest run)')
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { positions: string; policy?: string; account?: string; thresholdPct?: number; prices?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/reconcile.js')).reconcileCommand({ ...opts, json: opts.json ?? false }, io);
    });

  command('audit')
    .description('the audit log: every decision (who, when, channel, what followed) and every refused action, oldest first')
    .addOption(new Option('--since <date>', 'only entries from this date, YYYY-MM-DD').argParser(dateOf('--since')))
    .addOption(policyFilter('only decisions of this policy'))
    .option('--refusals', 'only refused actions')
    .addOption(new Option('--limit <n>', 'the most recent n entries (default 50)').argParser(count('--limit')))
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { since?: string; policy?: string; refusals?: boolean; limit?: number; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/audit.js')).auditCommand({ ...opts, refusals: opts.refusals ?? false, json: opts.json ?? false }, io);
    });

  command('show')
    .description('print one recorded run in full, with what became of each proposal')
    .argument('<run-id>', 'e.g. run-000001 (see `ballast history`)')
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (runId: string, opts: { json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/show.js')).showCommand({ runId, ...opts, json: opts.json ?? false }, io);
    });

  command('run')
    .description('the main job: evaluate every policy against its example holdings and the bundled prices')
    .addOption(policiesDir())
    .addOption(examples('holdings/<policy id>.csv, prices/'))
    .addOption(new Option('--as-of <date>', 'as of this date, YYYY-MM-DD (default: the last bundled date)').argParser(dateOf('--as-of')))
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { policies: string; examples: string; asOf?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/run.js')).runMainJob({ ...opts, json: opts.json ?? false }, io);
    });

  command('serve')
    .description('run by itself: evaluate every policy on its schedules, open proposals for approval (Telegram when a token is set, this console otherwise), catch up once on start, reload edited policies')
    .addOption(policiesDir())
    .addOption(examples('holdings/<policy id>.csv, prices/'))
    .addOption(dataDirOption())
    .option('--no-watch', 'do not reload edited policies')
    .action(async (opts: { policies: string; examples: string; dataDir?: string; watch: boolean }) => {
      exitCode = await (await import('./commands/serve.js')).serveCommand(opts, io);
    });

  command('next')
    .description('last and next run of every schedule of every policy (runs by `ballast run` included), in the policy time zone and yours')
    .addOption(policiesDir())
    .addOption(dataDirOption())
    .option('--tz <zone>', 'your IANA time zone (default: $TZ or the machine zone)')
    .addOption(json())
    .action(async (opts: { policies: string; dataDir?: string; tz?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/next.js')).nextCommand({ ...opts, json: opts.json ?? false }, io);
    });

  command('status')
    .description('is ballast serve running, which policies are scheduled, recent scheduled slots')
    .addOption(policiesDir())
    .addOption(dataDirOption())
    .addOption(json())
    .action(async (opts: { policies: string; dataDir?: string; json?: boolean }) => {
      exitCode = await (await import('./commands/status.js')).statusCommand({ ...opts, json: opts.json ?? false }, io);
    });

  command('pending')
    .description('list the proposals waiting for a decision')
    .addOption(policyFilter('only this policy'))
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { policy?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/pending.js')).pendingCommand({ ...opts, json: opts.json ?? false }, io);
    });

  for (const [name, decision, what] of [
    ['approve', 'approve', 'approve proposals and execute them on paper at the re-checked price'],
    ['reject', 'reject', 'reject proposals; nothing is executed'],
  ] as const) {
    command(name)
      .description(what)
      .argument('[ids...]', 'proposal ids (p-…), as `ballast pending` lists them')
      .option('--all', 'every pending proposal (of --policy when given)')
      .addOption(policyFilter('with --all: only this policy'))
      .option('--prices <csv>', 'price panel to re-check prices against (default: the run\'s prices file)')
      .addOption(dataDirOption())
      .action(async (ids: string[], opts: { all?: boolean; policy?: string; prices?: string; dataDir?: string }) => {
        exitCode = await (await import('./commands/decide.js')).decideCommand({ decision, ids, ...opts, all: opts.all ?? false }, io);
      });
  }

  command('positions')
    .description('paper accounts: positions, cash, equity, realized and unrealized P&L')
    .addOption(policyFilter('only the paper account of this policy'))
    .addOption(new Option('--account <id>', 'only this paper account, by its id').hideHelp())
    .option('--prices <csv>', 'price panel for the marks (default: the latest run\'s prices file)')
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { policy?: string; account?: string; prices?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/positions.js')).positionsCommand({ ...opts, json: opts.json ?? false }, io);
    });

  command('strategies')
    .description("each policy's strategies: allocation, last and next rebalance, sleeve equity and P&L")
    .addOption(policyFilter('only this policy'))
    .addOption(json())
    .addOption(dataDirOption())
    .action(async (opts: { policy?: string; json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./commands/strategies.js')).strategiesCommand({ ...opts, json: opts.json ?? false }, io);
    });

  command('telegram')
    .description('run the Telegram approval bot (long polling) until Ctrl-C; needs BALLAST_TELEGRAM_TOKEN')
    .option('--prices <csv>', 'price panel to re-check prices against (default: the runs\' prices files)')
    .addOption(policiesDir('policy folder, for /next and /policy'))
    .addOption(dataDirOption())
    .action(async (opts: { prices?: string; policies: string; dataDir?: string }) => {
      exitCode = await (await import('./commands/telegram.js')).telegramCommand(opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const code = reportError(error, io);
    return (argv[0] === 'plan' || argv[0] === 'diff' || argv[0] === 'reconcile') && code === EXIT.usage ? EXIT.problems : code;
  }
}

/** `--policy <id>`: the one name of the policy filter on every command that takes one. */
function policyFilter(what: string): Option {
  return new Option('--policy <id>', what);
}

function policyOf(id: string | undefined): { policy?: string } {
  return id === undefined ? {} : { policy: id };
}

function policiesDir(what = 'policy folder'): Option {
  return new Option('--policies <dir>', what).default('policies');
}

function examples(contents: string): Option {
  return new Option('--examples <dir>', `example data folder (${contents})`).default('examples');
}

function dataDirOption(): Option {
  return new Option('--data-dir <dir>', 'database folder (default: $BALLAST_DATA_DIR or .ballast)');
}

function json(): Option {
  return new Option('--json', 'machine-readable output');
}

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
