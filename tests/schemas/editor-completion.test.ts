import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import policySchema from '../../schemas/policy.schema.json' with { type: 'json' };
import policyTestSchema from '../../schemas/policy-test.schema.json' with { type: 'json' };
import scheduleSchema from '../../schemas/schedule.schema.json' with { type: 'json' };
import { validatePolicy } from '../../src/policy/validate-policy.js';
import { validatePolicyTest } from '../../src/policy-test/validate-policy-test.js';
import { acceptCompletion, type Completion, type Position, startYamlLanguageServer, type YamlLanguageServer } from '../support/yaml-language-server.js';

const ROOT = join(import.meta.dirname, '../..');
const POLICY_MODELINE = '# yaml-language-server: $schema=../schemas/policy.schema.json';
const TEST_MODELINE = '# yaml-language-server: $schema=../../schemas/policy-test.schema.json';
const CURSOR = '‸';

/** `lines` joined as a document, and the position of the cursor mark in it (the mark removed). */
function withCursor(lines: string[]): { text: string; position: Position } {
  const line = lines.findIndex((text) => text.includes(CURSOR));
  return { text: `${lines.join('\n').replace(CURSOR, '')}\n`, position: { line, character: lines[line]!.indexOf(CURSOR) } };
}

const labels = (completions: readonly Completion[]): string[] => completions.map(({ label }) => label);

/** The labels of every `defaultSnippets` entry in `schema`, at any depth. */
function snippetLabels(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const own = ((schema as { defaultSnippets?: { label: string }[] }).defaultSnippets ?? []).map(({ label }) => label);
  return [...own, ...Object.entries(schema).flatMap(([key, value]) => (key === 'defaultSnippets' ? [] : snippetLabels(value)))];
}

const NEW_POLICY = [POLICY_MODELINE, 'version: 1', 'id: new-bot', 'account: paper-new', 'calendar: XNYS'];
const NEW_TEST = [TEST_MODELINE, 'policy: ../dee-bot.yaml', 'as_of: 2001-01-02'];

/** Where a user starts each kind of entry, with the cursor on the empty line or list item the snippets fill. */
const SNIPPET_PLACES: { readonly name: string; readonly lines: string[]; readonly kind: 'policy' | 'policy test' }[] = [
  { name: 'take_profit', lines: [...NEW_POLICY, 'exits:', '  take_profit:', `    ${CURSOR}`], kind: 'policy' },
  { name: 'cut_loss', lines: [...NEW_POLICY, 'exits:', '  cut_loss:', `    ${CURSOR}`], kind: 'policy' },
  { name: 'stale', lines: [...NEW_POLICY, 'exits:', '  stale:', `    ${CURSOR}`], kind: 'policy' },
  { name: 'concentration', lines: [...NEW_POLICY, 'exits:', '  concentration:', `    ${CURSOR}`], kind: 'policy' },
  { name: 'a schedule entry', lines: [...NEW_POLICY, 'schedules:', `  - ${CURSOR}`], kind: 'policy' },
  { name: 'a custom rule', lines: [...NEW_POLICY, 'rules:', `  - ${CURSOR}`], kind: 'policy' },
  { name: 'rebalance', lines: [...NEW_POLICY, 'rebalance:', `  ${CURSOR}`], kind: 'policy' },
  { name: 'a strategy', lines: [...NEW_POLICY, 'strategies:', `  - ${CURSOR}`], kind: 'policy' },
  { name: 'a test case', lines: [...NEW_TEST, 'cases:', `  - ${CURSOR}`], kind: 'policy test' },
];

describe('editor completion from the schemas (yaml-language-server, the engine of VS Code\'s YAML extension)', () => {
  let server: YamlLanguageServer;
  /** Opens `lines` (with a cursor mark) as a new file at `path` (under the repository unless absolute) and completes at the mark. */
  const completeAt = async (path: string, lines: string[]): Promise<Completion[]> => {
    const { text, position } = withCursor(lines);
    await server.open(resolve(ROOT, path), text);
    return server.complete(resolve(ROOT, path), position);
  };

  beforeAll(async () => {
    const workspace = JSON.parse(await readFile(join(ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    server = await startYamlLanguageServer(ROOT, { schemas: workspace['yaml.schemas'] });
  }, 30_000);
  afterAll(async () => {
    const attempts = server.networkAttempts;
    await server.close();
    expect(attempts, 'yaml-language-server tried to reach the network').toBe(0);
  });

  it('should offer the policy\'s top-level keys in a new policy, without those already written', async () => {
    const offered = labels(await completeAt('policies/new-top.yaml', [...NEW_POLICY, CURSOR]));
    expect(offered).toEqual(expect.arrayContaining(['exits', 'rebalance', 'schedules', 'approval', 'limits', 'rules', 'time_zone']));
    expect(offered).not.toContain('id');
  });

  it('should offer the take-profit fields inside take_profit', async () => {
    const offered = labels(await completeAt('policies/new-take-profit.yaml', [...NEW_POLICY, 'exits:', '  take_profit:', `    ${CURSOR}`]));
    expect(offered).toEqual(expect.arrayContaining(['gain_pct', 'sell_pct', 'enabled']));
    expect(offered).not.toContain('loss_pct');
  });

  it('should offer the schedule fields inside a schedule entry (schedule.schema.json, by its relative $ref)', async () => {
    const offered = labels(await completeAt('policies/new-schedule.yaml', [...NEW_POLICY, 'schedules:', '  - id: daily_guards', `    ${CURSOR}`]));
    expect(offered).toEqual(expect.arrayContaining(['when', 'cron', 'every', 'runs', 'roll', 'catch_up']));
  });

  it('should show a field\'s section and description on hover, in markdown where the schema gives one', async () => {
    const path = join(ROOT, 'policies/new-hover.yaml');
    const lines = [...NEW_POLICY, 'schedules:', '  - when: daily at 16:30', 'exits:', '  take_profit:', '    gain_pct: 20', '    sell_pct: 50'];
    await server.open(path, `${lines.join('\n')}\n`);
    const hoverOn = (key: string): Promise<string> => {
      const line = lines.findIndex((text) => new RegExp(`^[ -]*${key}:`).test(text));
      return server.hover(path, { line, character: lines[line]!.indexOf(key) + 1 });
    };
    expect(await hoverOn('gain_pct')).toMatch(/^#### Take profit\n[\s\S]*write `20` for \+20% \(`0\.2` would fire at \+0\.2%\)/);
    expect(await hoverOn('sell_pct')).toContain('Share of the position to sell, in percent of the quantity held');
    expect(await hoverOn('when')).toContain('- `daily at HH:MM`: every trading day');
  });

  it('should say what each fact and operator of a custom rule means, with its unit, when completing them', async () => {
    const documented = async (key: string): Promise<Record<string, string>> => {
      const offered = await completeAt(`policies/new-${key}.yaml`, [...NEW_POLICY, 'rules:', '  - id: mine', '    conditions:', '      all:', `        - ${key}: ${CURSOR}`]);
      return Object.fromEntries(offered.map(({ label, documentation }) => [label, typeof documentation === 'string' ? documentation : (documentation?.value ?? '')]));
    };
    expect(await documented('fact')).toMatchObject({ unrealized_pnl_pct: expect.stringContaining('percent (+31.2 means up 31.2%)'), days_held: expect.stringContaining('calendar days') });
    expect(await documented('operator')).toMatchObject({ greaterThanInclusive: 'fact ≥ value', in: expect.stringContaining('one of the values listed') });
  });

  it('should insert a take-profit that sells half at +25% from the snippet offered inside take_profit', async () => {
    const { text, position } = withCursor(SNIPPET_PLACES[0]!.lines);
    const path = join(ROOT, 'policies/new-snippet.yaml');
    await server.open(path, text);
    const snippet = (await server.complete(path, position)).find(({ label }) => label === 'take profit: sell half at +25%');
    expect(snippet).toBeDefined();
    const result = validatePolicy({ file: 'new-snippet.yaml', text: acceptCompletion(text, position, snippet!) });
    expect(result).toMatchObject({ ok: true, policy: { exits: { take_profit: { enabled: true, gain_pct: 25, sell_pct: 50 } } } });
  });

  it('should offer every snippet of the schemas where it belongs, each giving a file that ballast check accepts', async () => {
    const offered: string[] = [];
    const refused: string[] = [];
    const all = new Set([...snippetLabels(policySchema), ...snippetLabels(scheduleSchema), ...snippetLabels(policyTestSchema)]);
    for (const [i, place] of SNIPPET_PLACES.entries()) {
      const { text, position } = withCursor(place.lines);
      const path = join(ROOT, place.kind === 'policy' ? `policies/new-snippet-${i}.yaml` : `policies/tests/new-snippet-${i}.test.yaml`);
      await server.open(path, text);
      const snippets = (await server.complete(path, position)).filter(({ label }) => all.has(label));
      expect(snippets.length, `no snippet offered in ${place.name}`).toBeGreaterThan(0);
      for (const snippet of snippets) {
        offered.push(snippet.label);
        const source = { file: path, text: acceptCompletion(text, position, snippet) };
        const result = place.kind === 'policy' ? validatePolicy(source) : validatePolicyTest(source);
        if (!result.ok) refused.push(`${place.name} · ${snippet.label}:\n${source.text}\n${result.errors.map(({ message }) => message).join('\n')}`);
      }
    }
    expect(refused).toEqual([]);
    expect(offered.sort()).toEqual([...all].sort());
  });

  it('should offer the test file\'s keys in a policy test (policy-test.schema.json)', async () => {
    const top = labels(await completeAt('policies/tests/new-top.test.yaml', [...NEW_TEST, CURSOR]));
    expect(top).toEqual(expect.arrayContaining(['holdings', 'prices', 'cases']));
    const inCase = labels(await completeAt('policies/tests/new-case.test.yaml', [...NEW_TEST, 'cases:', '  - name: take-profit fires', `    ${CURSOR}`]));
    expect(inCase).toEqual(expect.arrayContaining(['holdings', 'prices', 'expect', 'as_of']));
  });

  it('should complete a policy and a policy test that lack the modeline, by the workspace settings (.vscode/settings.json)', async () => {
    const policy = labels(await completeAt('policies/unmarked.yaml', ['version: 1', 'id: new-bot', 'account: paper-new', 'exits:', '  take_profit:', `    ${CURSOR}`]));
    expect(policy).toEqual(expect.arrayContaining(['gain_pct', 'sell_pct']));
    const test = labels(await completeAt('policies/tests/unmarked.test.yaml', ['policy: ../dee-bot.yaml', CURSOR]));
    expect(test).toEqual(expect.arrayContaining(['as_of', 'cases']));
    expect(test).not.toContain('exits');
  });

  it('should underline an unknown key and a value out of range where they are', async () => {
    const path = join(ROOT, 'policies/new-mistakes.yaml');
    await server.open(path, [...NEW_POLICY, 'exits:', '  tak_profit: {}', '  cut_loss:', '    loss_pct: 120', ''].join('\n'));
    const problems = (await server.diagnostics(path)).filter(({ severity }) => severity === 1).map(({ message, range }) => [range.start.line, message]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [6, expect.stringContaining('tak_profit')],
        [8, expect.stringMatching(/100/)],
      ]),
    );
  });

  it('should open every bundled policy, policy test and example policy without an error (their modelines load the schemas)', async () => {
    const files: string[] = [];
    for (const dir of ['policies', 'policies/tests', 'examples/policies']) {
      for (const name of await readdir(join(ROOT, dir))) if (name.endsWith('.yaml')) files.push(join(ROOT, dir, name));
    }
    expect(files.length).toBeGreaterThanOrEqual(9);
    const errors = await Promise.all(
      files.map(async (file) => {
        await server.open(file, await readFile(file, 'utf8'));
        return (await server.diagnostics(file)).filter(({ severity }) => severity === 1).map(({ message, range }) => `${file}:${range.start.line + 1}: ${message}`);
      }),
    );
    expect(errors.flat()).toEqual([]);
  });

  it('should offer nothing anywhere when the schedule schema is referred to by a URN only ajv resolves (why the $ref is relative)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-editor-'));
    try {
      await cp(join(ROOT, 'schemas'), join(dir, 'schemas'), { recursive: true });
      const schemaFile = join(dir, 'schemas/policy.schema.json');
      const relative = await readFile(schemaFile, 'utf8');
      expect(relative).toContain('"$ref": "schedule.schema.json"');
      await writeFile(schemaFile, relative.replace('"$ref": "schedule.schema.json"', '"$ref": "urn:ballast:schemas:schedule"'));
      const path = join(dir, 'policies/new-top.yaml');
      expect(await completeAt(path, [...NEW_POLICY, CURSOR])).toEqual([]);
      expect((await server.diagnostics(path)).map(({ message }) => message).join('\n')).toContain("Problems loading reference 'urn:ballast:schemas:schedule'");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
