import type { ErrorObject } from 'ajv';
import type { SchemaProblem } from './schema-problems.js';

/** How ajv starts the `schemaPath` of an error inside the schedule schema (the policy schema's relative `$ref`). */
const SCHEDULE_SCHEMA = 'schedule.schema.json';
const FORMS = ['when', 'cron', 'every'] as const;

/**
 * Rewords ajv's errors for one `schedules[i]` entry. The schedule schema is an `anyOf` of a text and a mapping, so
 * ajv reports both branches ("must be a string" for a mapping, "missing `cron`" for an entry with `when`); this keeps
 * only the branch the entry was written in and says which key to write.
 *
 * Returns `null` to drop the error, a problem to report instead, or `undefined` when the error is not about a
 * schedule entry (the caller's general wording applies).
 */
export function scheduleEntryProblem(error: ErrorObject, data: unknown): SchemaProblem | null | undefined {
  if (!error.schemaPath.startsWith(SCHEDULE_SCHEMA)) return undefined;
  const match = /^\/schedules\/(\d+)/.exec(error.instancePath);
  if (!match) return undefined;
  const index = Number(match[1]);
  const entry = (data as { schedules?: unknown[] }).schedules?.[index];
  const branch = error.schemaPath.slice(SCHEDULE_SCHEMA.length);
  const path = ['schedules', index];
  if (branch === '/anyOf') return null;
  const isMapping = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
  if (typeof entry !== 'string' && !isMapping) {
    if (branch !== '/anyOf/0/type') return null;
    return {
      code: 'WRONG_TYPE', path, target: 'value',
      message: 'a schedule is a text such as "daily at 16:30" or a mapping with `when`, `cron` or `every`, e.g. { id: daily_guards, when: "daily at 16:30", runs: [take_profit, cut_loss] }',
    };
  }
  if (typeof entry === 'string') return branch.startsWith('/anyOf/0') ? undefined : null;
  if (branch.startsWith('/anyOf/0')) return null;
  if (branch.startsWith('/anyOf/1/oneOf/')) return null;
  if (branch === '/anyOf/1/oneOf') {
    const present = FORMS.filter((k) => (entry as Record<string, unknown>)[k] !== undefined);
    if (present.length === 0) {
      return { code: 'MISSING_KEY', path, target: 'value', message: 'say when the schedule runs: add `when` (e.g. "daily at 16:30"), `cron` (e.g. "30 16 * * 1-5") or `every` (e.g. "14 days" with `at` and `anchor`)' };
    }
    return {
      code: 'CONFLICT', path: [...path, present[1]!], target: 'key',
      message: `a schedule takes one of \`when\`, \`cron\` or \`every\`, not ${present.map((k) => `\`${k}\``).join(' and ')}; keep one`,
    };
  }
  return undefined;
}
