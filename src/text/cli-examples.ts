/**
 * The examples `ballast --help` and `ballast <command> --help` end with: real command lines on the bundled policies
 * and data, each with what it does. Keyed by command name; every registered command has some.
 */
const EXAMPLES: Readonly<Record<string, readonly (readonly [command: string, what: string])[]>> = {
  check: [
    ['ballast check', 'every policy in policies/'],
    ['ballast check policies/dee-bot.yaml --json', 'one file, for a script'],
  ],
  diff: [
    ['ballast diff', 'HEAD against the working tree, with the replayed impact'],
    ['ballast diff --base main --markdown', 'a pull request\'s change, as a comment'],
    ['ballast diff HEAD~1 HEAD dee-bot --no-impact', 'one policy between two commits, meaning only'],
  ],
  'show-config': [
    ['ballast show-config policies/dee-bot.yaml', 'every default filled in'],
  ],
  test: [
    ['ballast test', 'every test in policies/tests/'],
    ['ballast test policies/tests/dee-bot.test.yaml --junit results.xml', 'one file, JUnit XML for CI'],
  ],
  evaluate: [
    ['ballast evaluate policies/dee-bot.yaml --holdings examples/holdings/dee-bot.csv \\\n      --prices examples/prices/dow30-daily-1991-2000.csv --as-of 2001-01-02', 'record a run on your files'],
  ],
  plan: [
    ['ballast plan policies/dee-bot.yaml', 'what the next `ballast run` would propose'],
    ['ballast plan policies/dee-bot.yaml --as-of 2000-06-30 --json', 'as of another date, for a script'],
  ],
  replay: [
    ['ballast replay dee-bot', 'ten years of the bundled prices'],
    ['ballast replay dow-index --from 1995-01-03 --fill same-close', 'from a date, filled as bt does'],
  ],
  history: [
    ['ballast history', 'every recorded run'],
    ['ballast history --policy dee-bot --json', 'one policy\'s runs, for a script'],
  ],
  reconcile: [
    ['ballast reconcile --positions broker.csv --policy dee-bot', 'the dee-bot paper account against an export'],
    ['ballast reconcile --positions broker.csv --threshold-pct 0.5', 'the only account, smaller differences too'],
  ],
  audit: [
    ['ballast audit --since 2026-11-01', 'decisions and refusals since a date'],
    ['ballast audit --policy dee-bot --limit 10', 'one policy\'s last ten decisions'],
  ],
  show: [
    ['ballast show run-000001', 'a run, its proposals and what became of them'],
  ],
  run: [
    ['ballast run', 'the main job (npm start)'],
    ['ballast run --as-of 2000-12-29', 'as of an earlier bundled date'],
  ],
  serve: [
    ['ballast serve', 'every schedule, proposals in this console'],
    ['BALLAST_TELEGRAM_TOKEN=… BALLAST_CALLBACK_SECRET=… BALLAST_TELEGRAM_APPROVERS=… ballast serve', 'proposals in Telegram'],
  ],
  next: [
    ['ballast next', 'last and next run of every schedule'],
    ['ballast next --tz Europe/Berlin', 'with your clock beside the policy\'s'],
  ],
  status: [
    ['ballast status', 'is serve running, who holds the database'],
  ],
  pending: [
    ['ballast pending', 'everything waiting for a decision'],
    ['ballast pending --policy dee-bot --json', 'one policy, for a script'],
  ],
  approve: [
    ['ballast approve p-000001-1 p-000001-3', 'two proposals, executed on paper'],
    ['ballast approve --all --policy dee-bot', 'everything dee-bot has pending'],
  ],
  reject: [
    ['ballast reject p-000001-2', 'one proposal'],
    ['ballast reject --all', 'everything pending'],
  ],
  positions: [
    ['ballast positions', 'every paper account'],
    ['ballast positions --policy dee-bot', 'the account dee-bot trades'],
  ],
  strategies: [
    ['ballast strategies --policy multi-factor', 'allocation and sleeves of one policy'],
  ],
  telegram: [
    ['BALLAST_TELEGRAM_TOKEN=… BALLAST_CALLBACK_SECRET=… BALLAST_TELEGRAM_APPROVERS=… ballast telegram', 'approve from a phone'],
  ],
};

/** The examples of a command, as the text after its help: an `Examples:` heading and one indented block each. */
export function commandExamples(name: string): string {
  return examplesText(EXAMPLES[name] ?? []);
}

/** The examples after `ballast --help`: a first session, from the main job to a decision. */
export const PROGRAM_EXAMPLES: string = examplesText([
  ['ballast run', 'evaluate every policy on the bundled data and record the runs'],
  ['ballast pending', 'what waits for a decision'],
  ['ballast approve p-000001-1', 'approve one; it executes on the paper account'],
  ['ballast history', 'the runs so far'],
  ['ballast <command> --help', 'options and examples of a command'],
]);

function examplesText(examples: readonly (readonly [string, string])[]): string {
  if (examples.length === 0) return '';
  return ['', 'Examples:', ...examples.map(([command, what]) => `  $ ${command}\n      ${what}`)].join('\n');
}
