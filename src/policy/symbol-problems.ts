import type { ErrorObject } from 'ajv';
import { didYouMean } from '../util/did-you-mean.js';
import { pointerToPath, type SchemaProblem } from './ajv-problems.js';
import type { CrossFieldProblem } from './cross-field-checks.js';
import type { Condition, Policy } from './policy.js';

/** The symbols a policy may name, and where they come from (a price file), for messages. */
export interface KnownSymbols {
  readonly symbols: readonly string[];
  /** E.g. `examples/prices/dow30-daily-1991-2000.csv`. */
  readonly source: string;
}

/** The symbols of a price file, to check a policy against (`panel.file` names it in messages). */
export function knownSymbolsOf(panel: { readonly file: string; readonly symbols: readonly string[] }): KnownSymbols {
  return { symbols: panel.symbols, source: panel.file };
}

/** Where ajv reports a symbol that breaks `definitions.symbol` of the policy schema (upper case, no spaces). */
const SYMBOL_PATTERN = '#/definitions/symbol/pattern';
const SYMBOL = /^[A-Z0-9.\-^]+$/;
/** Operators whose `value` is compared with the `symbol` fact as a whole symbol, or a list of them. */
const SYMBOL_OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn']);

/**
 * What is wrong with one symbol a policy names: not upper case (`LOWERCASE_SYMBOL`, with the upper-case spelling or
 * the price file's closest symbol), or, when the price file is known, absent from it (`UNKNOWN_SYMBOL`, with a
 * did-you-mean). Undefined when the symbol is fine.
 */
export function symbolProblem(symbol: string, known: KnownSymbols | undefined): Pick<SchemaProblem, 'code' | 'message'> | undefined {
  const upper = symbol.toUpperCase();
  const guess = known === undefined ? undefined : didYouMean(symbol, known.symbols);
  if (upper !== symbol && SYMBOL.test(upper)) {
    const hint = known === undefined ? `write \`${upper}\`` : guess ? `did you mean \`${guess}\`?` : `write \`${upper}\` (${known.source} has no prices for it either)`;
    return { code: 'LOWERCASE_SYMBOL', message: `symbols are upper case, as in the price file: ${hint}` };
  }
  if (known === undefined || known.symbols.includes(symbol)) return undefined;
  return {
    code: 'UNKNOWN_SYMBOL',
    message: `unknown symbol \`${symbol}\`: ${known.source} has no prices for it; ${guess ? `did you mean \`${guess}\`?` : 'check the spelling, add its prices, or check against the price file it runs on (`--prices`)'}`,
  };
}

/**
 * Rewords ajv's error for a symbol that breaks the schema's symbol pattern (see `RewordSchemaError`): lower case is
 * `LOWERCASE_SYMBOL` with the upper-case spelling, anything else `BAD_VALUE`. A `rebalance.targets` key is reported at
 * the key; the `propertyNames` error that repeats it is dropped.
 */
export function symbolPatternProblem(error: ErrorObject, known: KnownSymbols | undefined): SchemaProblem | null | undefined {
  if (error.keyword === 'propertyNames') return null;
  if (error.schemaPath !== SYMBOL_PATTERN) return undefined;
  const key = (error as ErrorObject & { propertyName?: string }).propertyName;
  const symbol = String(key ?? error.data);
  const path = [...pointerToPath(error.instancePath), ...(key === undefined ? [] : [key])];
  const target = key === undefined ? 'value' : 'key';
  const wrong = symbolProblem(symbol, known);
  if (wrong?.code === 'LOWERCASE_SYMBOL') return { ...wrong, path, target };
  return { code: 'BAD_VALUE', path, target, message: `"${symbol}" is not a symbol: write it as the price file does, in upper case without spaces, e.g. \`KO\` or \`BRK.B\`` };
}

/**
 * Symbols a valid policy names that the price file it runs on has no prices for, each with a did-you-mean
 * (`IMB` → `IBM`): strategy universes, `rebalance.targets`, `equal`, `no_buy` and `no_sell`; and, in every policy,
 * the symbols a custom rule compares the `symbol` fact with (`value: ge` never matches a holding: `LOWERCASE_SYMBOL`).
 * Price-file checks run only when the caller knows the prices (`known`).
 */
export function symbolProblems(policy: Policy, known: KnownSymbols | undefined): CrossFieldProblem[] {
  const problems: CrossFieldProblem[] = [];
  const check = (symbol: string, path: (string | number)[], target: 'key' | 'value'): void => {
    const wrong = symbolProblem(symbol, known);
    if (wrong) problems.push({ ...wrong, path, target });
  };
  policy.rules.forEach((rule, i) => ruleSymbols(rule.conditions, ['rules', i, 'conditions'], check));
  if (known === undefined) return problems;
  (policy.strategies ?? []).forEach((strategy, i) => {
    if (strategy.universe === 'all') return;
    strategy.universe.forEach((symbol, j) => check(symbol, ['strategies', i, 'universe', j], 'value'));
  });
  const section = policy.rebalance;
  for (const symbol of Object.keys(section?.targets ?? {})) check(symbol, ['rebalance', 'targets', symbol], 'key');
  (Array.isArray(section?.equal) ? section.equal : []).forEach((symbol, j) => check(symbol, ['rebalance', 'equal', j], 'value'));
  for (const list of ['no_buy', 'no_sell'] as const) (section?.[list] ?? []).forEach((symbol, j) => check(symbol, ['rebalance', list, j], 'value'));
  return problems;
}

/** Calls `check` for every symbol a condition tree compares the `symbol` fact with. */
function ruleSymbols(node: Condition, path: (string | number)[], check: (symbol: string, path: (string | number)[], target: 'value') => void): void {
  node.all?.forEach((child, i) => ruleSymbols(child, [...path, 'all', i], check));
  node.any?.forEach((child, i) => ruleSymbols(child, [...path, 'any', i], check));
  if (node.not) ruleSymbols(node.not, [...path, 'not'], check);
  if (node.fact !== 'symbol' || !SYMBOL_OPERATORS.has(node.operator ?? '')) return;
  if (typeof node.value === 'string') check(node.value, [...path, 'value'], 'value');
  if (Array.isArray(node.value)) {
    node.value.forEach((item, i) => {
      if (typeof item === 'string') check(item, [...path, 'value', i], 'value');
    });
  }
}
