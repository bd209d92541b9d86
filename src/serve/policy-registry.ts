import type { Diagnostic } from '../policy/diagnostic.js';
import type { Policy } from '../policy/policy.js';
import { policySchedules } from '../policy/policy-schedules.js';
import type { Schedule } from '../schedule/schedule.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';

/** A policy revision in force: the last valid content of its file, with its parsed schedules. */
export interface ActivePolicy {
  /** The path the file was loaded from (as given to `update`). */
  readonly path: string;
  readonly loaded: LoadedPolicyFile;
  readonly policy: Policy;
  readonly schedules: readonly Schedule[];
}

/** What an update did: `loaded` (new or changed revision now in force), `unchanged`, `invalid` (previous kept), `removed`. */
export type RegistryChange =
  | { readonly kind: 'loaded' | 'unchanged'; readonly active: ActivePolicy; readonly previous: ActivePolicy | undefined }
  | { readonly kind: 'invalid'; readonly file: string; readonly diagnostics: readonly Diagnostic[]; readonly kept: ActivePolicy | undefined }
  | { readonly kind: 'removed'; readonly previous: ActivePolicy };

/**
 * The policies the daemon runs, one per file, each at its last good revision: an invalid edit is reported and
 * leaves the previous revision in force (hot reload, issue 5 §6). Pure bookkeeping: files are read by the caller.
 */
export class PolicyRegistry {
  readonly #byPath = new Map<string, ActivePolicy>();

  /** The revisions in force, by path order. */
  active(): ActivePolicy[] {
    return [...this.#byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Every schedule of every policy in force. */
  schedules(): Schedule[] {
    return this.active().flatMap((a) => a.schedules);
  }

  /** The revision in force for a policy id. */
  byPolicyId(policyId: string): ActivePolicy | undefined {
    return this.active().find((a) => a.policy.id === policyId);
  }

  /**
   * Applies a freshly loaded file. Invalid content (or a policy id another file already uses) keeps the previous
   * revision; the same content hash is `unchanged`.
   */
  update(path: string, loaded: LoadedPolicyFile): RegistryChange {
    const previous = this.#byPath.get(path);
    if (!loaded.validation.ok) return { kind: 'invalid', file: loaded.file, diagnostics: loaded.validation.errors, kept: previous };
    const policy = loaded.validation.policy;
    const clash = this.active().find((a) => a.path !== path && a.policy.id === policy.id);
    if (clash) {
      return {
        kind: 'invalid', file: loaded.file, kept: previous,
        diagnostics: [{ code: 'DUPLICATE_POLICY_ID', severity: 'error', file: loaded.file, path: 'id', line: 1, col: 1,
          message: `policy id \`${policy.id}\` is already used by ${clash.loaded.file}; give each policy its own id` }],
      };
    }
    if (previous && previous.loaded.revision.contentHash === loaded.revision.contentHash) return { kind: 'unchanged', active: previous, previous };
    const parsed = policySchedules(policy);
    if (!parsed.ok) {
      const diagnostics: Diagnostic[] = parsed.errors.map((e) => ({ code: e.code, severity: 'error', file: loaded.file, path: `schedules${e.path}`, line: 1, col: 1, message: e.message }));
      return { kind: 'invalid', file: loaded.file, diagnostics, kept: previous };
    }
    const active: ActivePolicy = { path, loaded, policy, schedules: parsed.schedules };
    this.#byPath.set(path, active);
    return { kind: 'loaded', active, previous };
  }

  /** Forgets a file that was deleted; undefined when it was not in force. */
  remove(path: string): RegistryChange | undefined {
    const previous = this.#byPath.get(path);
    if (!previous) return undefined;
    this.#byPath.delete(path);
    return { kind: 'removed', previous };
  }

  /** Paths currently in force. */
  paths(): string[] {
    return [...this.#byPath.keys()];
  }
}
