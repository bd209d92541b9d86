import { Ajv } from 'ajv';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import scheduleSchema from '../../schemas/schedule.schema.json' with { type: 'json' };
import { ajvProblems, type SchemaProblem } from './ajv-problems.js';
import { scheduleEntryProblem } from './schedule-entry-problem.js';

export type { SchemaProblem } from './ajv-problems.js';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true, verbose: true });
ajv.addKeyword('markdownDescription');
ajv.addKeyword('enumDescriptions');
ajv.addSchema(scheduleSchema);
const validateSchema = ajv.compile(schema);

/**
 * Validates parsed policy data against `schemas/policy.schema.json` and fills in defaults (mutating `data`).
 * Returns one problem per schema violation, worded for someone editing YAML: unknown keys with a did-you-mean,
 * wrong types with what to write instead, numbers out of range with the allowed range (see {@link ajvProblems}).
 */
export function schemaProblems(data: unknown): SchemaProblem[] {
  if (validateSchema(data)) return [];
  return ajvProblems(validateSchema.errors ?? [], data, scheduleEntryProblem);
}
