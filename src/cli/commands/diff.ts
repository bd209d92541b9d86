import { relative, resolve } from 'node:path';
import { FatalError, UsageError } from '../../errors.js';
import { changePath } from '../../policy-diff/policy-change.js';
import { diffPolicySets, type PolicyDiff, type PolicySetDiff } from '../../policy-diff/diff-policy-sets.js';
import { policySourcesAt, resolveCommit } from '../../workspace/git-policy-sources.js';
import type { CliIo } from '../cli-io.js';
import { diffImpact, type ImpactRequest } from '../diff-impact.js';
import { EXIT } from '../exit-codes.js';
import { formatPolicyDiff, formatPolicyDiffMarkdown, type DiffLabels } from '../../text/format-policy-diff.js';
import { formatPolicyImpact, formatPolicyImpactMarkdown } from '../../text/format-policy-impact.js';
import { policyValueText } from '../../text/policy-value-text.js';

/** Options of `ballast diff`. */
export interface DiffOptions {
  /** Up to two revisions (`BASE [HEAD]`, or `BASE..HEAD`), then policy ids or files to limit the diff to. */
  readonly args: readonly string[];
  /** The base revision (e.g. a pull request's base branch); then a single revision argument is the head. */
  readonly base?: string;
  /** The policy folder, relative to the working directory. Default `policies`. */
  readonly policies: string;
  readonly markdown: boolean;
  readonly json: boolean;
  /** Replay both revisions of every changed policy and show what they would have done differently. */
  readonly impact: boolean;
  readonly replay: ImpactRequest;
}

/** Version of the `--json` output, as terraform's plan JSON carries one; bumped when a field changes meaning. */
export const DIFF_FORMAT_VERSION = '1.0';

/** `ballast diff` exits 2 when a policy changed in meaning (terraform's `-detailed-exitcode`). */
export const DIFF_HAS_CHANGES = 2;

interface Revision {
  readonly name: string;
  /** Short hash; `null` for the working tree. */
  readonly commit: string | null;
}

/**
 * `ballast diff [BASE] [HEAD] [policy…]`: what a change to the policies means. Compares the effective policies
 * (defaults filled in) of two git revisions, by default `HEAD` against the working tree (`--base main` for a pull
 * request), and prints each change in the policy's terms and units; `--markdown` for a pull-request comment, `--json`
 * with a `format_version`. With `impact`, both revisions of every policy changed in meaning are replayed over the
 * same history (`replay`: by default the last two years of the bundled prices) and the proposals that differ and
 * the metric deltas are added. Exit 0 when nothing changed in meaning, {@link DIFF_HAS_CHANGES} (2) when something
 * did, 1 on an error (not a git repository, an unknown revision, a policy that does not validate, a failed replay).
 */
export async function diffCommand(options: DiffOptions, io: CliIo): Promise<number> {
  const { base, head, filters } = await revisions(options, io.cwd);
  const dir = resolve(io.cwd, options.policies);
  const [before, after] = await Promise.all([policySourcesAt(base.commit, dir, io.cwd), policySourcesAt(head.commit, dir, io.cwd)]);
  const diff = only(diffPolicySets(before, after), filters, io.cwd);
  const labels: DiffLabels = { base: label(base), head: label(head) };
  const impact = options.impact ? await diffImpact(diff, options.replay, io) : undefined;
  if (options.json) io.stdout(JSON.stringify({ ...diffJson(diff, base, head), impact: impact ?? null }, null, 2));
  else if (options.markdown) io.stdout(formatPolicyDiffMarkdown(diff, labels) + (impact ? formatPolicyImpactMarkdown(impact) : ''));
  else io.stdout(formatPolicyDiff(diff, labels) + (impact ? `\n${formatPolicyImpact(impact)}` : ''));
  if (diff.invalid.length > 0 || impact?.policies.some((p) => 'error' in p)) return EXIT.problems;
  return diff.changed ? DIFF_HAS_CHANGES : EXIT.ok;
}

async function revisions(options: DiffOptions, cwd: string): Promise<{ base: Revision; head: Revision; filters: string[] }> {
  const wanted = options.base === undefined ? 2 : 1;
  const named: Revision[] = [];
  const filters: string[] = [];
  for (const arg of options.args) {
    if (named.length < wanted && filters.length === 0) {
      const range = wanted === 2 && /^[^.]+\.\.[^.]+$/.test(arg) ? arg.split('..') : [arg];
      const commits = await Promise.all(range.map((r) => resolveCommit(r, cwd)));
      if (commits.every((c) => c !== undefined)) {
        named.push(...range.map((name, i) => ({ name, commit: commits[i]! })));
        continue;
      }
    }
    filters.push(arg);
  }
  const baseName = options.base ?? named.shift()?.name ?? 'HEAD';
  const baseCommit = options.base === undefined && named.length === 0 && baseName !== 'HEAD' ? undefined : await resolveCommit(baseName, cwd);
  if (baseCommit === undefined) throw new FatalError('UNKNOWN_REVISION', `${baseName} is not a git revision here`, 'name a branch, tag or commit (git log --oneline lists them)');
  return { base: { name: baseName, commit: baseCommit }, head: named[0] ?? { name: 'working tree', commit: null }, filters };
}

function only(diff: PolicySetDiff, filters: readonly string[], cwd: string): PolicySetDiff {
  if (filters.length === 0) return diff;
  const files = new Set(filters.map((f) => relative(cwd, resolve(cwd, f))));
  const matches = (ids: readonly (string | undefined)[], paths: readonly (string | undefined)[]): boolean =>
    ids.some((id) => id !== undefined && filters.includes(id)) || paths.some((p) => p !== undefined && files.has(p));
  const policies = diff.policies.filter((p) => matches([p.policyId, p.renamedFrom], [p.base?.file, p.head?.file]));
  const invalid = diff.invalid.filter((i) => matches([], [i.file]));
  if (policies.length === 0 && invalid.length === 0) {
    throw new UsageError(`no policy ${filters.join(', ')} in either revision`, 'name policies by id (dee-bot) or file (policies/dee-bot.yaml)');
  }
  return { policies, invalid, changed: policies.some((p) => p.status !== 'unchanged') };
}

function label(revision: Revision): string {
  if (revision.commit === null) return revision.name;
  return revision.commit.startsWith(revision.name) ? revision.commit : `${revision.name} (${revision.commit})`;
}

function diffJson(diff: PolicySetDiff, base: Revision, head: Revision): Record<string, unknown> {
  return {
    format_version: DIFF_FORMAT_VERSION,
    base: { revision: base.name, commit: base.commit },
    head: { revision: head.name, commit: head.commit },
    changed: diff.changed,
    policies: diff.policies.map((p: PolicyDiff) => ({
      policyId: p.policyId,
      status: p.status,
      base: p.base ?? null,
      head: p.head ?? null,
      renamedFrom: p.renamedFrom ?? null,
      movedFrom: p.movedFrom ?? null,
      textChanged: p.textChanged,
      changes: p.changes.map((c) => ({
        path: changePath(c.segments),
        kind: c.kind,
        ...('before' in c ? { before: c.before, beforeText: policyValueText(c.segments, c.before, p.baseCurrency) } : {}),
        ...('after' in c ? { after: c.after, afterText: policyValueText(c.segments, c.after, p.baseCurrency) } : {}),
      })),
      notes: p.notes.map((n) => ({ path: changePath(n.segments), kind: n.kind, value: n.value })),
    })),
    invalid: diff.invalid.map((i) => ({ side: i.side, file: i.file, errors: i.errors })),
  };
}
