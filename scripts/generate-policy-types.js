#!/usr/bin/env node
// `npm run generate:types`: writes src/policy/policy-schema.generated.ts, the TypeScript shape of a validated policy,
// from schemas/policy.schema.json (and the schedule schema it refers to), with json-schema-to-typescript. A property
// with a `default` is required in the generated type, because validation fills the default in. Run it after every
// schema change; tests/policy/policy-type.test.ts fails while the file is out of date or `Policy` disagrees with it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { policySchemaTypes, GENERATED_FILE } from './policy-schema-types.js';

const root = join(import.meta.dirname, '..');
await writeFile(join(root, GENERATED_FILE), await policySchemaTypes(root));
console.log(`wrote ${GENERATED_FILE}`);
