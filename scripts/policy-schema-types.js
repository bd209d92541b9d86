// The generator behind `npm run generate:types`, shared with the test that checks the generated file is current.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';

/** Where the generated types live, relative to the repository root. */
export const GENERATED_FILE = 'src/policy/policy-schema.generated.ts';

/** The command that regenerates {@link GENERATED_FILE}. */
export const GENERATE_COMMAND = 'npm run generate:types';

/** The text of {@link GENERATED_FILE} for the schemas under `root`. */
export async function policySchemaTypes(root) {
  const schema = JSON.parse(await readFile(join(root, 'schemas/policy.schema.json'), 'utf8'));
  const ts = await compile(withDefaultsRequired(schema), 'BallastPolicy', {
    cwd: join(root, 'schemas'),
    bannerComment: `/* Generated from schemas/policy.schema.json by \`${GENERATE_COMMAND}\`: do not edit. A property with a default is required (validation fills it in). */`,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  return ts;
}

/** A copy of `schema` in which every property that has a `default` is listed in its object's `required`. */
function withDefaultsRequired(schema) {
  if (Array.isArray(schema)) return schema.map(withDefaultsRequired);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withDefaultsRequired(value)]));
  if (copy.properties && typeof copy.properties === 'object') {
    const defaulted = Object.entries(copy.properties).filter(([, p]) => p && typeof p === 'object' && 'default' in p).map(([key]) => key);
    if (defaulted.length > 0) copy.required = [...new Set([...(copy.required ?? []), ...defaulted])];
  }
  return copy;
}
