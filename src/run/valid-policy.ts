import { InvalidPolicyError } from '../errors.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';
import type { Policy } from '../policy/policy.js';

/** The validated policy of a loaded file. Throws {@link InvalidPolicyError} when the file is not a valid policy. */
export function validPolicy(loaded: LoadedPolicyFile): Policy {
  if (!loaded.validation.ok) throw new InvalidPolicyError(loaded);
  return loaded.validation.policy;
}
