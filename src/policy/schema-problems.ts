import { Ajv } from 'ajv';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import scheduleSchema from '../../schemas/schedule.schema.json' with { type: 'json' };
import { ajvProblems, type SchemaProblem } from './ajv-problems.js';
import { EDITOR_KEYWORDS } from './editor-keywords.js';
import { lazy } from '../util/lazy.js';
import { scheduleEntryProblem } from './schedule-entry-problem.js';
import { symbolPatternProblem, type KnownSymbols } from './symbol-problems.js';

export type { SchemaProblem } from './ajv-problems.js';

const validator = lazy(() => {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true, verbose: true, keywords: [...EDITOR_KEYWORDS] });
  ajv.addSchema(scheduleSchema);
  return ajv.compile(schema);
});

/**
 * Validates parsed policy data against `schemas/policy.schema.json` and fills in defaults (mutating `data`).
 * Returns one problem per schema violation, worded for someone editing YAML: unknown keys with a did-you-mean,
 * wrong types with what to write instead, numbers out of range with the allowed range (see {@link ajvProblems}),
 * symbols not in upper case with the spelling to use (the closest symbol of `known`, the price file, when given).
 */
export function schemaProblems(data: unknown, known?: KnownSymbols): SchemaProblem[] {
  const validateSchema = validator();
  if (validateSchema(data)) return [];
  return ajvProblems(validateSchema.errors ?? [], data, (error, value) => {
    const schedule = scheduleEntryProblem(error, value);
    return schedule === undefined ? symbolPatternProblem(error, known) : schedule;
  });
}
