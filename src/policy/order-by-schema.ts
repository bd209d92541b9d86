import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import scheduleSchema from '../../schemas/schedule.schema.json' with { type: 'json' };
import type { Policy } from './policy.js';

interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
}

const DEFINITIONS = (schema as { definitions?: Record<string, SchemaNode> }).definitions ?? {};
/** The other schemas the policy schema refers to, by `$id`; a relative `$ref` is resolved against the policy schema's `$id`. */
const REFS: Readonly<Record<string, SchemaNode>> = { [(scheduleSchema as { $id: string }).$id]: scheduleSchema as SchemaNode };

/**
 * The policy as plain data with every mapping's keys in the order `schemas/policy.schema.json` declares them
 * (following `$ref`s into definitions and the schedule schema); keys the schema does not list (symbols of
 * `rebalance.targets`) keep their order, after the listed ones. What `show-config` prints and what a reader expects:
 * the order of the editor's completion list and of the README.
 */
export function orderBySchema(policy: Policy): Record<string, unknown> {
  return order(policy, schema as SchemaNode) as Record<string, unknown>;
}

function order(value: unknown, node: SchemaNode | undefined): unknown {
  const resolved = resolve(node);
  if (Array.isArray(value)) return value.map((item) => order(item, resolved?.items));
  if (typeof value !== 'object' || value === null) return value;
  const properties = { ...Object.assign({}, ...[resolved, ...(resolved?.oneOf ?? []), ...(resolved?.anyOf ?? [])].map((n) => resolve(n)?.properties ?? {})) } as Record<string, SchemaNode>;
  const entries = Object.entries(value as Record<string, unknown>);
  const listed = Object.keys(properties);
  const rank = (key: string): number => (listed.includes(key) ? listed.indexOf(key) : listed.length);
  return Object.fromEntries(
    entries
      .map(([key, v], i) => ({ key, v, i }))
      .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
      .map(({ key, v }) => [key, order(v, properties[key])]),
  );
}

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  if (node.$ref.startsWith('#/definitions/')) return DEFINITIONS[node.$ref.slice('#/definitions/'.length)];
  return REFS[new URL(node.$ref, (schema as { $id: string }).$id).href];
}
