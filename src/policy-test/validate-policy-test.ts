import { Ajv } from 'ajv';
import type { Document, LineCounter } from 'yaml';
import schema from '../../schemas/policy-test.schema.json' with { type: 'json' };
import { ajvProblems } from '../policy/ajv-problems.js';
import { EDITOR_KEYWORDS } from '../policy/editor-keywords.js';
import { lazy } from '../util/lazy.js';
import type { Diagnostic } from '../policy/diagnostic.js';
import { locate } from '../policy/locate.js';
import { parseYamlSource, type PolicySource, type UnplacedProblem } from '../policy/yaml-source.js';
import type { CaseInput, ExpectedProposal, HoldingRow, PolicyTestCase, PolicyTestSuite, PriceRow, RecordedExitRow } from './policy-test-suite.js';

const validator = lazy(() => new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, keywords: [...EDITOR_KEYWORDS] }).compile(schema));

/** The outcome of {@link validatePolicyTest}: the cases with the file's defaults applied, or every problem found. */
export type PolicyTestValidation =
  | { readonly ok: true; readonly suite: PolicyTestSuite; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

type Path = (string | number)[];
const SHARED = ['policy', 'holdings', 'prices', 'as_of'] as const;

interface RawFile {
  readonly policy?: string;
  readonly holdings?: string | HoldingRow[];
  readonly prices?: string | PriceRow[];
  readonly as_of?: string;
  readonly recorded_exits?: RecordedExitRow[];
  readonly runs?: string[];
  readonly cases: RawCase[];
}
type RawCase = Omit<RawFile, 'cases'> & { readonly name: string; readonly expect: ExpectedProposal[] };

/**
 * Parses and validates a policy test file, collecting every problem: YAML syntax, then
 * `schemas/policy-test.schema.json`, then named checks the schema cannot express: each case has a policy, holdings,
 * prices and an as-of date (its own or the file's), holdings rows other than `CASH` give `average_cost` and
 * `opened_date`, symbols appear once, price rows are in date order. Diagnostics are `file:line:col` as `check` prints
 * them. Pure: reads no files (paths in the file are resolved later, by whoever runs the cases).
 */
export function validatePolicyTest(source: PolicySource): PolicyTestValidation {
  const parsed = parseYamlSource(source, 'the test file is empty; start from a copy of policies/tests/dee-bot.test.yaml');
  if (!parsed.ok) return parsed;
  const { data, doc, lineCounter, place, warnings } = parsed.parsed;
  const validateSchema = validator();
  if (!validateSchema(data)) return { ok: false, errors: ajvProblems(validateSchema.errors ?? [], data).map(place), warnings };
  const file = data as unknown as RawFile;
  const problems: UnplacedProblem[] = [];
  const lineOf = (path: Path): number => locate(doc, lineCounter, path).line;
  const cases = file.cases.map((raw, i) => toCase(file, raw, ['cases', i], lineOf, doc, lineCounter, problems));
  if (problems.length > 0) return { ok: false, errors: problems.map(place), warnings };
  return { ok: true, suite: { file: source.file, cases: cases as PolicyTestCase[] }, warnings };
}

function toCase(
  file: RawFile,
  raw: RawCase,
  at: Path,
  lineOf: (path: Path) => number,
  doc: Document,
  lineCounter: LineCounter,
  problems: UnplacedProblem[],
): PolicyTestCase | undefined {
  const where = (key: (typeof SHARED)[number] | 'recorded_exits'): Path => (raw[key] !== undefined ? [...at, key] : [key]);
  const missing = SHARED.filter((key) => (raw[key] ?? file[key]) === undefined);
  for (const key of missing) {
    problems.push({ code: 'MISSING_KEY', path: [...at, key], target: 'key', message: `case "${raw.name}" has no \`${key}\`; give it here or at the top of the file for every case` });
  }
  const holdings = raw.holdings ?? file.holdings;
  const prices = raw.prices ?? file.prices;
  if (Array.isArray(holdings)) problems.push(...holdingsProblems(holdings, where('holdings')));
  if (Array.isArray(prices)) problems.push(...priceProblems(prices, where('prices')));
  if (missing.length > 0 || holdings === undefined || prices === undefined) return undefined;
  const input = <Row>(value: string | readonly Row[], path: Path): CaseInput<Row> =>
    typeof value === 'string' ? { csv: value } : { rows: value, lines: value.map((_, j) => lineOf([...path, j])) };
  return {
    name: raw.name,
    line: locate(doc, lineCounter, at).line,
    policy: (raw.policy ?? file.policy)!,
    holdings: input(holdings, where('holdings')),
    prices: input(prices, where('prices')),
    asOf: (raw.as_of ?? file.as_of)!,
    recordedExits: raw.recorded_exits ?? file.recorded_exits ?? [],
    ...(raw.runs ?? file.runs ? { runs: (raw.runs ?? file.runs)! } : {}),
    expect: raw.expect,
  };
}

function holdingsProblems(rows: readonly HoldingRow[], path: Path): UnplacedProblem[] {
  const problems: UnplacedProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, j) => {
    if (row.symbol.toUpperCase() === 'CASH') return;
    for (const key of ['average_cost', 'opened_date'] as const) {
      if (row[key] === undefined) problems.push({ code: 'MISSING_KEY', path: [...path, j, key], target: 'key', message: `${row.symbol} needs \`${key}\` (only the \`CASH\` row goes without)` });
    }
    if (row.quantity <= 0) problems.push({ code: 'OUT_OF_RANGE', path: [...path, j, 'quantity'], target: 'value', message: `\`quantity\` of ${row.symbol} must be a positive number of shares` });
    if (seen.has(row.symbol)) problems.push({ code: 'BAD_VALUE', path: [...path, j, 'symbol'], target: 'value', message: `${row.symbol} is held twice; keep one row per symbol` });
    seen.add(row.symbol);
  });
  return problems;
}

function priceProblems(rows: readonly PriceRow[], path: Path): UnplacedProblem[] {
  const problems: UnplacedProblem[] = [];
  rows.forEach((row, j) => {
    const previous = rows[j - 1];
    if (previous && row.date <= previous.date) {
      problems.push({ code: 'BAD_VALUE', path: [...path, j, 'date'], target: 'value', message: `${row.date} comes after ${previous.date}; one row per date, oldest first` });
    }
  });
  return problems;
}
