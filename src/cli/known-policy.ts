import { FatalError } from '../errors.js';
import type { RunStore } from '../store/run-store.js';
import type { StoreHandle } from '../store/store.js';
import { didYouMean } from '../util/did-you-mean.js';

/** A policy the database knows: its id and the paper account its latest run traded. */
export interface KnownPolicy {
  readonly policyId: string;
  readonly accountId: string;
}

/**
 * Checks a `--policy <id>` filter against the database: the policy must have a recorded run. Returns the policy with
 * the paper account of its latest run. Throws `FatalError` `UNKNOWN_POLICY` (exit 1) naming the policies with runs and
 * a did-you-mean, so a typo is an error rather than "nothing pending". Reads one index line when the policy is known;
 * every run summary only to word the error.
 */
export async function knownPolicy(store: RunStore & Pick<StoreHandle, 'location'>, policyId: string): Promise<KnownPolicy> {
  const [latest] = await store.runSummaries({ policyId, limit: 1 });
  if (latest !== undefined) return { policyId, accountId: latest.accountId };
  const ids = [...new Set((await store.runSummaries()).map((run) => run.policy.policyId))].sort();
  const close = didYouMean(policyId, ids);
  throw new FatalError(
    'UNKNOWN_POLICY',
    `no policy ${policyId} in ${store.location}${close ? ` (did you mean ${close}?)` : ''}`,
    ids.length > 0 ? `the policies with recorded runs are ${ids.join(', ')}` : 'no runs are recorded yet: `ballast run` records one per policy',
  );
}
