import { formatDiagnostic } from '../policy/diagnostic.js';
import { changePath, type DefaultNote, type PolicyChange } from '../policy-diff/policy-change.js';
import type { PolicyDiff, PolicySetDiff } from '../policy-diff/diff-policy-sets.js';
import { policyValueText } from './policy-value-text.js';

/** The two revisions compared, as shown: `HEAD (5fc469e)`, `working tree`. */
export interface DiffLabels {
  readonly base: string;
  readonly head: string;
}

/** One printed line of a policy's diff: what (a path, or the policy itself) and the words. */
interface Row {
  readonly what: string;
  readonly text: string;
}

/**
 * The text report of `ballast diff`: one line per change, `<policy id>  <path>  <before> → <after>` in the policy's
 * units (as dyff and helm-diff print), then the policies added, removed, renamed or unchanged, the problems of
 * files that do not validate, and a closing summary.
 */
export function formatPolicyDiff(diff: PolicySetDiff, labels: DiffLabels): string {
  const lines = [`policy diff: ${labels.base} → ${labels.head}`];
  const shown = diff.policies.filter((p) => p.status !== 'unchanged' || p.textChanged || p.movedFrom);
  const rows = shown.flatMap((p) => policyRows(p).map((row) => ({ id: p.policyId, ...row })));
  const idWidth = Math.max(0, ...rows.map((r) => r.id.length));
  const whatWidth = Math.max(0, ...rows.filter((r) => r.what !== '').map((r) => r.what.length));
  for (const row of rows) lines.push(`${row.id.padEnd(idWidth)}  ${row.what === '' ? '' : `${row.what.padEnd(whatWidth)}  `}${row.text}`.trimEnd());
  for (const file of diff.invalid) {
    lines.push(`${file.file} at ${file.side === 'base' ? labels.base : labels.head} is not a valid policy:`);
    for (const error of file.errors) lines.push(formatDiagnostic(error, file.text));
  }
  lines.push(summary(diff));
  return lines.join('\n');
}

/**
 * The Markdown report of `ballast diff --markdown`, for a pull-request comment: a summary line, then per changed
 * policy a table of setting, before and after; unchanged policies in one line; invalid files in a code block.
 */
export function formatPolicyDiffMarkdown(diff: PolicySetDiff, labels: DiffLabels): string {
  const lines = [`### Ballast policy diff: \`${labels.base}\` → ${labels.head === 'working tree' ? 'working tree' : `\`${labels.head}\``}`, '', `**${summary(diff)}**`];
  for (const p of diff.policies.filter((x) => x.status !== 'unchanged')) {
    lines.push('', `#### \`${p.policyId}\` ${headline(p)}`);
    if (p.changes.length === 0 && p.notes.length === 0) continue;
    lines.push('', '| setting | before | after |', '| --- | --- | --- |');
    for (const c of p.changes) lines.push(`| \`${cell(changePath(c.segments))}\` | ${cell(valueOf(c, 'before', p))} | ${cell(valueOf(c, 'after', p))} |`);
    for (const n of p.notes) lines.push(`| \`${cell(changePath(n.segments))}\` | ${cell(noteText(n, p))} | (no change in meaning) |`);
  }
  const unchanged = diff.policies.filter((x) => x.status === 'unchanged');
  if (unchanged.length > 0) lines.push('', `Unchanged in meaning: ${unchanged.map((p) => `\`${p.policyId}\`${p.textChanged || p.movedFrom ? ` (${headline(p)})` : ''}`).join(', ')}.`);
  for (const file of diff.invalid) {
    lines.push('', `:x: \`${file.file}\` at ${file.side === 'base' ? labels.base : labels.head} is not a valid policy:`, '', '```', ...file.errors.map((e) => formatDiagnostic(e, file.text)), '```');
  }
  lines.push('', '<sub>Compared in meaning: defaults filled in, comments and formatting ignored, rules and schedules matched by id.</sub>');
  return lines.join('\n');
}

function policyRows(p: PolicyDiff): Row[] {
  const rows: Row[] = [];
  if (p.status !== 'modified' || p.renamedFrom || p.movedFrom) rows.push({ what: '', text: headline(p) });
  for (const c of p.changes) rows.push({ what: changePath(c.segments), text: changeText(c, p) });
  for (const n of p.notes) rows.push({ what: changePath(n.segments), text: `${noteText(n, p)} (no change in meaning)` });
  return rows;
}

function headline(p: PolicyDiff): string {
  if (p.status === 'added') return `added (${p.head!.file})`;
  if (p.status === 'removed') return `removed (${p.base!.file})`;
  const moved = p.movedFrom ? `${p.movedFrom} → ${p.head!.file}` : p.head!.file;
  if (p.renamedFrom) return `renamed from ${p.renamedFrom} (${moved})`;
  if (p.status === 'modified') return `(${p.head!.file})`;
  if (p.movedFrom) return `file renamed ${moved}, no change in meaning`;
  return p.textChanged ? 'no change in meaning (comments, formatting or defaults written out only)' : 'unchanged';
}

function changeText(c: PolicyChange, p: PolicyDiff): string {
  if (c.kind === 'added') return `added ${valueOf(c, 'after', p)}`;
  if (c.kind === 'removed') return `removed ${valueOf(c, 'before', p)}`;
  return `${valueOf(c, 'before', p)} → ${valueOf(c, 'after', p)}`;
}

function valueOf(c: PolicyChange, side: 'before' | 'after', p: PolicyDiff): string {
  if (!(side in c)) return '—';
  return policyValueText(c.segments, c[side], p.baseCurrency);
}

function noteText(n: DefaultNote, p: PolicyDiff): string {
  const value = policyValueText(n.segments, n.value, p.baseCurrency);
  return n.kind === 'written' ? `default ${value} now written out` : `now left to its default ${value}`;
}

function summary(diff: PolicySetDiff): string {
  const count = (status: PolicyDiff['status']): number => diff.policies.filter((p) => p.status === status).length;
  const parts = [
    `${count('modified')} ${count('modified') === 1 ? 'policy' : 'policies'} changed in meaning`,
    ...(count('added') ? [`${count('added')} added`] : []),
    ...(count('removed') ? [`${count('removed')} removed`] : []),
    `${count('unchanged')} unchanged`,
    ...(diff.invalid.length ? [`${diff.invalid.length} invalid`] : []),
  ];
  return parts.join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
