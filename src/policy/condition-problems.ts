import type { CrossFieldProblem } from './cross-field-checks.js';
import { FACTS, type FactName } from './facts.js';
import type { Condition, Policy } from './policy.js';

const COMPARISONS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const MEMBERSHIP = new Set(['in', 'notIn']);
const TEXT_FACTS = new Set<FactName>(['symbol', 'opened_date']);

/**
 * Checks the shape of every custom rule's condition tree, which the schema alone cannot: each node is exactly one
 * block (`all`, `any`, `not`) or one complete test (`fact` + `operator` + `value`), the top is a block, and the
 * value suits the operator (a number for `greaterThan` and friends, a list for `in`/`notIn`).
 * Fact and operator names themselves are checked by the schema's enums.
 */
export function conditionProblems(policy: Policy): CrossFieldProblem[] {
  const problems: CrossFieldProblem[] = [];
  policy.rules.forEach((rule, index) => {
    const path = ['rules', index, 'conditions'];
    if (rule.conditions.fact !== undefined) {
      problems.push({
        code: 'BAD_CONDITION',
        path,
        target: 'key',
        message: 'a rule\'s `conditions` must start with `all:`, `any:` or `not:`; indent the test under `all:` as a list item (`- fact: …`)',
      });
    }
    checkNode(rule.conditions, path, problems);
  });
  return problems;
}

function checkNode(node: Condition, path: (string | number)[], problems: CrossFieldProblem[]): void {
  const blocks = (['all', 'any', 'not'] as const).filter((key) => node[key] !== undefined);
  const testKeys = (['fact', 'operator', 'value'] as const).filter((key) => node[key] !== undefined);
  if (blocks.length + (testKeys.length > 0 ? 1 : 0) !== 1) {
    const found = [...blocks, ...testKeys].map((k) => `\`${k}\``).join(', ') || 'nothing';
    problems.push({
      code: 'BAD_CONDITION',
      path,
      target: 'value',
      message: `a condition is either one of \`all\`, \`any\`, \`not\`, or a test with \`fact\`, \`operator\` and \`value\`; found ${found}`,
    });
    return;
  }
  if (node.all) node.all.forEach((child, i) => checkNode(child, [...path, 'all', i], problems));
  if (node.any) node.any.forEach((child, i) => checkNode(child, [...path, 'any', i], problems));
  if (node.not) checkNode(node.not, [...path, 'not'], problems);
  if (testKeys.length > 0) checkTest(node, path, problems);
}

function checkTest(node: Condition, path: (string | number)[], problems: CrossFieldProblem[]): void {
  const missing = (['fact', 'operator', 'value'] as const).filter((key) => node[key] === undefined);
  if (missing.length > 0) {
    problems.push({
      code: 'BAD_CONDITION',
      path,
      target: 'value',
      message: `this test is missing ${missing.map((k) => `\`${k}\``).join(' and ')}; a test needs \`fact\`, \`operator\` and \`value\``,
    });
    return;
  }
  const fact = node.fact as FactName;
  const operator = node.operator!;
  if (COMPARISONS.has(operator)) {
    if (TEXT_FACTS.has(fact)) {
      problems.push({
        code: 'BAD_CONDITION',
        path: [...path, 'operator'],
        target: 'value',
        message: `\`${operator}\` compares numbers, but \`${fact}\` is ${FACTS[fact]}; use \`equal\`, \`notEqual\`, \`in\` or \`notIn\``,
      });
    } else if (typeof node.value !== 'number') {
      problems.push({
        code: 'BAD_CONDITION',
        path: [...path, 'value'],
        target: 'value',
        message: `\`${operator}\` needs a number as \`value\` (${fact}: ${FACTS[fact]}); write digits only, e.g. \`value: 10\``,
      });
    }
  }
  if (MEMBERSHIP.has(operator) && !Array.isArray(node.value)) {
    problems.push({
      code: 'BAD_CONDITION',
      path: [...path, 'value'],
      target: 'value',
      message: `\`${operator}\` needs a list as \`value\`, e.g. \`value: [KO, PG]\``,
    });
  }
}
