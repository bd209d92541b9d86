import { OPERATOR_SYMBOLS } from '../policy/operator-symbols.js';

/** The parts of a json-rules-engine condition result that an explanation reads. */
interface ConditionResult {
  readonly all?: readonly ConditionResult[];
  readonly any?: readonly ConditionResult[];
  readonly not?: ConditionResult;
  readonly fact?: string;
  readonly operator?: string;
  readonly value?: unknown;
  readonly factResult?: unknown;
  readonly result?: boolean;
}

/**
 * Explains why a custom rule fired, from json-rules-engine's condition results (`factResult`, `result`):
 * "days_held 18 ≥ 14, unrealized_pnl_pct −8.3 ≤ −7". Only tests that held and were evaluated are listed
 * (json-rules-engine skips the rest of an `any` once one holds, and those have no `factResult`).
 */
export function explainConditions(conditions: ConditionResult): string {
  const parts: string[] = [];
  collect(conditions, parts, false);
  return parts.join(', ');
}

function collect(node: ConditionResult, parts: string[], negated: boolean): void {
  if (node.all) for (const child of node.all) collect(child, parts, negated);
  if (node.any) for (const child of node.any) if (child.result !== negated) collect(child, parts, negated);
  if (node.not) collect(node.not, parts, !negated);
  if (node.fact !== undefined && node.factResult !== undefined) {
    const test = `${node.fact} ${show(node.factResult)} ${OPERATOR_SYMBOLS[node.operator ?? ''] ?? node.operator} ${show(node.value)}`;
    parts.push(negated ? `not (${test})` : test);
  }
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value * 100) / 100).replace('-', '−');
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}
