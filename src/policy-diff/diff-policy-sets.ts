import { diffLines } from 'diff';
import { parse } from 'yaml';
import type { Diagnostic } from '../policy/diagnostic.js';
import type { Policy } from '../policy/policy.js';
import { validatePolicy, type PolicySource } from '../policy/validate-policy.js';
import type { DefaultNote, PolicyChange } from './policy-change.js';
import { defaultNotes, policyChanges } from './policy-changes.js';

/** Where one side of a compared policy lives. */
export interface PolicySide {
  readonly file: string;
  readonly id: string;
}

/**
 * What happened to one policy between two revisions. `modified`: its meaning changed (`changes`, or its id:
 * `renamedFrom`); `unchanged`: the same effective policy, though comments, formatting, the file name (`movedFrom`) or
 * defaults written out (`notes`) may differ.
 */
export interface PolicyDiff {
  /** The head's id, or the base's for a removed policy. */
  readonly policyId: string;
  readonly status: 'added' | 'removed' | 'modified' | 'unchanged';
  readonly base?: PolicySide;
  readonly head?: PolicySide;
  /** The base's id when the id changed. */
  readonly renamedFrom?: string;
  /** The base's file when the file was renamed or moved. */
  readonly movedFrom?: string;
  /** The file's text differs (for an unchanged policy: in comments, formatting or defaults written out only). */
  readonly textChanged: boolean;
  readonly changes: readonly PolicyChange[];
  readonly notes: readonly DefaultNote[];
  /** The head's (or removed base's) base currency, for printing money. */
  readonly baseCurrency: string;
  /** The effective policies, for whoever replays them. */
  readonly before?: Policy;
  readonly after?: Policy;
}

/** A policy file that does not validate on one side: it cannot be compared, and the diff is an error. */
export interface InvalidPolicyFile {
  readonly side: 'base' | 'head';
  readonly file: string;
  readonly errors: readonly Diagnostic[];
  readonly text: string;
}

/** Every policy of two revisions compared: `changed` when anything changed in meaning. */
export interface PolicySetDiff {
  readonly policies: readonly PolicyDiff[];
  readonly invalid: readonly InvalidPolicyFile[];
  readonly changed: boolean;
}

interface Version {
  readonly file: string;
  readonly text: string;
  readonly policy: Policy;
  readonly raw: unknown;
}

/** A removed and an added policy file at least this similar (share of equal lines) are one policy renamed, as git's 50%. */
const RENAME_SIMILARITY = 0.5;

/**
 * Compares the policies of two revisions in meaning. Each file is validated (defaults filled in), then policies are
 * paired: by id (a file renamed keeps its id), then by file (an id renamed keeps its file), then a leftover removed
 * and added pair whose files share at least half their lines is one policy renamed; the rest are added or removed. Each pair is compared with
 * {@link policyChanges} and {@link defaultNotes}. Invalid files are listed, not compared. Pure.
 */
export function diffPolicySets(base: readonly PolicySource[], head: readonly PolicySource[]): PolicySetDiff {
  const invalid: InvalidPolicyFile[] = [];
  const load = (side: 'base' | 'head', sources: readonly PolicySource[]): Version[] =>
    sources.flatMap((source) => {
      const result = validatePolicy(source);
      if (result.ok) return [{ file: source.file, text: source.text, policy: result.policy, raw: parse(source.text) as unknown }];
      invalid.push({ side, file: source.file, errors: result.errors, text: source.text });
      return [];
    });
  const before = load('base', base);
  const after = load('head', head);
  const unpaired = new Set(invalid.map((i) => i.file));
  const pairs: [Version | undefined, Version | undefined][] = [];
  const take = (match: (b: Version, a: Version) => boolean): void => {
    for (const a of [...after]) {
      const b = before.find((candidate) => match(candidate, a));
      if (!b) continue;
      pairs.push([b, a]);
      before.splice(before.indexOf(b), 1);
      after.splice(after.indexOf(a), 1);
    }
  };
  take((b, a) => b.policy.id === a.policy.id);
  take((b, a) => b.file === a.file);
  take((b, a) => similarity(b.text, a.text) >= RENAME_SIMILARITY);
  for (const b of before) if (!unpaired.has(b.file)) pairs.push([b, undefined]);
  for (const a of after) if (!unpaired.has(a.file)) pairs.push([undefined, a]);
  const policies = pairs.map(([b, a]) => comparePair(b, a)).sort((x, y) => x.policyId.localeCompare(y.policyId));
  return { policies, invalid, changed: policies.some((p) => p.status !== 'unchanged') };
}

function comparePair(b: Version | undefined, a: Version | undefined): PolicyDiff {
  const side = (v: Version): PolicySide => ({ file: v.file, id: v.policy.id });
  if (!b || !a) {
    const only = (b ?? a)!;
    return {
      policyId: only.policy.id,
      status: b ? 'removed' : 'added',
      ...(b ? { base: side(b), before: b.policy } : { head: side(a!), after: a!.policy }),
      textChanged: true,
      changes: [],
      notes: [],
      baseCurrency: only.policy.base_currency,
    };
  }
  const changes = policyChanges(b.policy, a.policy).filter((c) => !(c.segments.length === 1 && c.segments[0] === 'id'));
  const renamed = b.policy.id !== a.policy.id;
  return {
    policyId: a.policy.id,
    status: changes.length > 0 || renamed ? 'modified' : 'unchanged',
    base: side(b),
    head: side(a),
    ...(renamed ? { renamedFrom: b.policy.id } : {}),
    ...(b.file !== a.file ? { movedFrom: b.file } : {}),
    textChanged: b.text !== a.text,
    changes,
    notes: defaultNotes(b.raw, a.raw, changes),
    baseCurrency: a.policy.base_currency,
    before: b.policy,
    after: a.policy,
  };
}

/** Share of lines the two files have in common (1: identical), as git's rename detection measures it. */
function similarity(a: string, b: string): number {
  const count = (text: string): number => text.split('\n').filter((line) => line !== '').length;
  const common = diffLines(a, b).filter((part) => !part.added && !part.removed).reduce((n, part) => n + count(part.value), 0);
  const total = count(a) + count(b);
  return total === 0 ? 1 : (2 * common) / total;
}
