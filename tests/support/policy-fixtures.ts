import { validatePolicy } from '../../src/policy/validate-policy.js';
import type { Policy } from '../../src/policy/policy.js';

/** A valid policy from a YAML fragment added to a minimal header; throws with the diagnostics if invalid. */
export function policyFrom(fragment: string): Policy {
  const text = `version: 1\nid: test-bot\naccount: paper\n${fragment}`;
  const result = validatePolicy({ file: 'test.yaml', text });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return result.policy;
}

/** Every built-in rule off, so a test can switch on exactly the rule it is about. */
export const ALL_RULES_OFF = `exits:
  take_profit: { enabled: false }
  cut_loss: { enabled: false }
  stale: { enabled: false }
  concentration: { enabled: false }
`;
