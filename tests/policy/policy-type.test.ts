import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/policy/policy.js';
import type { BallastPolicy } from '../../src/policy/policy-schema.generated.js';
// @ts-expect-error the generator is a plain ES module without type declarations
import { GENERATE_COMMAND, GENERATED_FILE, policySchemaTypes } from '../../scripts/policy-schema-types.js';

const ROOT = join(import.meta.dirname, '../..');

/** `T` with every `readonly` taken off, at every depth: the generated types are mutable, `Policy` is read-only. */
type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

/** True when `A` and `B` have the same keys down to `Depth` levels of nested objects (arrays compared by their items). */
type SameKeys<A, B, Depth extends unknown[] = [1, 1, 1, 1]> = Depth extends [unknown, ...infer Rest]
  ? [NonNullable<A>] extends [readonly (infer X)[]]
    ? [NonNullable<B>] extends [readonly (infer Y)[]] ? SameKeys<X, Y, Rest> : false
    : [NonNullable<A>] extends [object]
      ? [NonNullable<B>] extends [object]
        ? [Exclude<AllKeys<A>, AllKeys<B>> | Exclude<AllKeys<B>, AllKeys<A>>] extends [never]
          ? false extends { [K in AllKeys<A> & AllKeys<B>]: SameKeys<Member<A, K>, Member<B, K>, Rest> }[AllKeys<A> & AllKeys<B>] ? false : true
          : false
        : true
      : true
  : true;

/** The keys of every member of a union (`keyof` of a union gives only the common ones); `string` for a record. */
type AllKeys<T> = T extends object ? Exclude<keyof T, number> : never;
/** The type of `K` in whichever union members have it. */
type Member<T, K extends PropertyKey> = T extends { readonly [P in K]?: infer V } ? V : never;

describe('the Policy type and the policy schema', () => {
  it('should have the generated types up to date with schemas/policy.schema.json', async () => {
    const committed = await readFile(join(ROOT, GENERATED_FILE), 'utf8');
    const current: string = await policySchemaTypes(ROOT);
    expect(committed === current, `${GENERATED_FILE} is out of date with the schema: run \`${GENERATE_COMMAND}\` and commit the result`).toBe(true);
  });

  it('should describe the same policy as the schema (checked by `npm run typecheck`)', () => {
    // `Policy` is the schema's shape with what validation and loading fill in made required (defaults, `name`).
    // A field the schema has and `Policy` lacks (or the reverse), or one typed differently, fails the type check
    // here: after changing the schema, run `npm run generate:types`, then make src/policy/policy.ts agree.
    const fitsTheSchema = (policy: DeepMutable<Policy>): BallastPolicy => policy;
    const sameFields: SameKeys<Policy, BallastPolicy> = true;
    expect([typeof fitsTheSchema, sameFields]).toEqual(['function', true]);
  });
});
