import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Completion, type Position, startYamlLanguageServer, type YamlLanguageServer } from '../support/yaml-language-server.js';

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

describe('editor completion from the schemas (yaml-language-server, the engine of VS Code\'s YAML extension)', () => {
  let server: YamlLanguageServer;
  /** Opens `lines` (with a cursor mark) as a new file at `path` (under the repository unless absolute) and completes at the mark. */
  const completeAt = async (path: string, lines: string[]): Promise<Completion[]> => {
    const { text, position } = withCursor(lines);
    await server.open(resolve(ROOT, path), text);
    return server.complete(resolve(ROOT, path), position);
  };

  beforeAll(async () => {
    server = await startYamlLanguageServer(ROOT);
  }, 30_000);
  afterAll(async () => {
    const attempts = server.networkAttempts;
    await server.close();
    expect(attempts, 'yaml-language-server tried to reach the network').toBe(0);
  });

  it('should offer the policy\'s top-level keys in a new policy, without those already written', async () => {
    const offered = labels(await completeAt('policies/new-top.yaml', [POLICY_MODELINE, 'version: 1', 'id: new-bot', 'account: paper-new', CURSOR]));
    expect(offered).toEqual(expect.arrayContaining(['exits', 'rebalance', 'schedules', 'approval', 'limits', 'rules', 'time_zone']));
    expect(offered).not.toContain('id');
  });

  it('should offer the take-profit fields inside take_profit', async () => {
    const offered = labels(await completeAt('policies/new-take-profit.yaml', [POLICY_MODELINE, 'version: 1', 'id: new-bot', 'account: paper-new', 'exits:', '  take_profit:', `    ${CURSOR}`]));
    expect(offered).toEqual(expect.arrayContaining(['gain_pct', 'sell_pct', 'enabled']));
    expect(offered).not.toContain('loss_pct');
  });

  it('should offer the schedule fields inside a schedule entry (schedule.schema.json, by its relative $ref)', async () => {
    const offered = labels(await completeAt('policies/new-schedule.yaml', [POLICY_MODELINE, 'version: 1', 'id: new-bot', 'account: paper-new', 'schedules:', '  - id: daily_guards', `    ${CURSOR}`]));
    expect(offered).toEqual(expect.arrayContaining(['when', 'cron', 'every', 'runs', 'roll', 'catch_up']));
  });

  it('should show a field\'s description on hover', async () => {
    const path = join(ROOT, 'policies/new-hover.yaml');
    await server.open(path, [POLICY_MODELINE, 'version: 1', 'id: new-bot', 'account: paper-new', 'exits:', '  take_profit:', '    gain_pct: 20', ''].join('\n'));
    expect(await server.hover(path, { line: 6, character: 6 })).toContain('in percent, at or above which the rule fires');
  });

  it('should offer the test file\'s keys in a policy test (policy-test.schema.json)', async () => {
    const top = labels(await completeAt('policies/tests/new-top.test.yaml', [TEST_MODELINE, 'policy: ../dee-bot.yaml', CURSOR]));
    expect(top).toEqual(expect.arrayContaining(['as_of', 'holdings', 'prices', 'cases']));
    const inCase = labels(await completeAt('policies/tests/new-case.test.yaml', [TEST_MODELINE, 'policy: ../dee-bot.yaml', 'cases:', '  - name: take-profit fires', `    ${CURSOR}`]));
    expect(inCase).toEqual(expect.arrayContaining(['holdings', 'prices', 'expect', 'as_of']));
  });

  it('should open every bundled policy and policy test without an error (their modelines load the schemas)', async () => {
    const files: string[] = [];
    for (const dir of ['policies', 'policies/tests']) {
      for (const name of await readdir(join(ROOT, dir))) if (name.endsWith('.yaml')) files.push(join(ROOT, dir, name));
    }
    expect(files.length).toBeGreaterThanOrEqual(8);
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
      expect(await completeAt(path, [POLICY_MODELINE, 'version: 1', 'id: new-bot', 'account: paper-new', CURSOR])).toEqual([]);
      expect((await server.diagnostics(path)).map(({ message }) => message).join('\n')).toContain("Problems loading reference 'urn:ballast:schemas:schedule'");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
