import { BallastError } from '../errors.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';
import type { Policy } from '../policy/policy.js';

/** A policy that failed validation: carries the loaded file so callers can print every diagnostic. */
export class InvalidPolicyError extends BallastError {
  readonly loaded: LoadedPolicyFile;
  constructor(loaded: LoadedPolicyFile) {
    super('INVALID_POLICY', `${loaded.file} is not a valid policy; run \`ballast check ${loaded.file}\` for every problem`);
    this.name = 'InvalidPolicyError';
    this.loaded = loaded;
  }
}

/** The validated policy of a loaded file. Throws {@link InvalidPolicyError} when the file is not a valid policy. */
export function validPolicy(loaded: LoadedPolicyFile): Policy {
  if (!loaded.validation.ok) throw new InvalidPolicyError(loaded);
  return loaded.validation.policy;
}
