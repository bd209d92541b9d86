import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { policyRepo, type PolicyRepo } from '../support/policy-repo.js';
import { testIo } from '../support/test-io.js';

const SECOND_RULE = `  - id: quick-drop
    description: down 20% within a week
    conditions:
      all:
        - { fact: days_held, operator: lessThanInclusive, value: 7 }
        - { fact: unrealized_pnl_pct, operator: lessThanInclusive, value: -20 }
    event:
      type: exit
`;

describe('ballast diff', () => {
  let repo: PolicyRepo;
  beforeEach(async () => {
    repo = await policyRepo();
  });
  afterEach(async () => repo.remove());

  /** `ballast diff` without the replays (tests/cli/diff-impact.test.ts covers those). */
  async function diff(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = testIo(repo.dir);
    const code = await main(['diff', '--no-impact', ...args], io);
    return { code, out: io.out(), err: io.err() };
  }

  it('should show a threshold change in the policy terms and units between two commits, and exit 2', async () => {
    await repo.edit('policies/shorgan-bot.yaml', (t) => t.replace('gain_pct: 30 ', 'gain_pct: 35 '));
    await repo.edit('policies/dee-bot.yaml', (t) => t.replace('min_trade_value: 500 ', 'min_trade_value: 750 '));
    repo.commit('take profit later');
    const { code, out } = await diff('HEAD~1', 'HEAD');
    expect(code).toBe(2);
    expect(out).toMatch(/^shorgan-bot +exits\.take_profit\.gain_pct +30% → 35%$/m);
    expect(out).toMatch(/^dee-bot +limits\.min_trade_value +500 USD → 750 USD$/m);
    expect(out).not.toMatch(/^dow-index/m);
    expect(out.split('\n').at(-1)).toBe('2 policies changed in meaning, 2 unchanged');
    const json = await diff('HEAD~1..HEAD', '--json', 'shorgan-bot');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({
      format_version: '1.0',
      base: { revision: 'HEAD~1' },
      head: { revision: 'HEAD' },
      changed: true,
      policies: [{ policyId: 'shorgan-bot', status: 'modified', changes: [{ path: 'exits.take_profit.gain_pct', kind: 'changed', before: 30, after: 35, beforeText: '30%', afterText: '35%' }] }],
    });
  });

  it('should not count a rule moved in the list as a change, and exit 0', async () => {
    await repo.edit('policies/dee-bot.yaml', (t) => `${t}${SECOND_RULE}`);
    repo.commit('second rule, last');
    await repo.edit('policies/dee-bot.yaml', (t) => t.replace(SECOND_RULE, '').replace('rules:\n', `rules:\n${SECOND_RULE}`));
    expect(repo.git('diff', '--stat')).toMatch(/dee-bot\.yaml/);
    const { code, out } = await diff();
    expect(code).toBe(0);
    expect(out).toMatch(/^dee-bot +no change in meaning/m);
    expect(out).toContain('0 policies changed in meaning, 4 unchanged');
  });

  it('should ignore a comment-only and formatting edit, and exit 0', async () => {
    await repo.edit('policies/dee-bot.yaml', (t) =>
      t.replace('# lock in gains at +20% (the conservative choice in note 002)', '# reviewed: still +20%')
        .replace(/ {2}take_profit:\n {4}gain_pct: 20 .*\n {4}sell_pct: 50 .*\n/, '  take_profit: { sell_pct: 50, gain_pct: 20 }\n'));
    const { code, out } = await diff();
    expect(code).toBe(0);
    expect(out).toMatch(/^dee-bot +no change in meaning \(comments, formatting or defaults written out only\)$/m);
  });

  it('should say when a default is now written out, without counting it as a change', async () => {
    await repo.edit('policies/dee-bot.yaml', (t) => t.replace('version: 1\n', 'version: 1\nfractional_shares: false\n'));
    const { code, out } = await diff();
    expect(code).toBe(0);
    expect(out).toMatch(/^dee-bot +fractional_shares +default false now written out \(no change in meaning\)$/m);
  });

  it('should show a schedule added and a custom rule threshold changed, matched by id', async () => {
    await repo.edit('policies/dee-bot.yaml', (t) =>
      t.replace('    runs: [all]\n', '    runs: [all]\n  - id: daily_guards\n    when: daily at 16:30\n    runs: [take_profit, cut_loss]\n').replace('value: 14\n', 'value: 10\n'));
    const { code, out } = await diff();
    expect(code).toBe(2);
    expect(out).toMatch(/^dee-bot +schedules\[daily_guards\] +added \{ ?id: daily_guards, when: daily at 16:30, runs: \[take_profit, cut_loss\]/m);
    expect(out).toMatch(/^dee-bot +rules\[slow-bleed\]\.conditions\.all +days_held ≥ 14 → days_held ≥ 10$/m);
    expect(out).not.toMatch(/weekly_review/);
  });

  it('should report a renamed file as no change in meaning and a renamed id as a change', async () => {
    repo.git('mv', 'policies/shorgan-bot.yaml', 'policies/aggressive.yaml');
    const moved = await diff();
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/^shorgan-bot +file renamed policies\/shorgan-bot\.yaml → policies\/aggressive\.yaml, no change in meaning$/m);
    repo.commit('rename the file');
    await repo.edit('policies/aggressive.yaml', (t) => t.replace('id: shorgan-bot', 'id: shorgan-aggressive'));
    const renamed = await diff();
    expect(renamed.code).toBe(2);
    expect(renamed.out).toMatch(/^shorgan-aggressive +renamed from shorgan-bot \(policies\/aggressive\.yaml\)$/m);
    expect(renamed.out).not.toMatch(/added|removed/);
    repo.commit('rename the id');
    repo.git('mv', 'policies/aggressive.yaml', 'policies/shorgan.yaml');
    await repo.edit('policies/shorgan.yaml', (t) => t.replace('id: shorgan-aggressive', 'id: shorgan').replace('max_exits_per_week: 2 ', 'max_exits_per_week: 3 '));
    const both = await diff();
    expect(both.code).toBe(2);
    expect(both.out).toMatch(/^shorgan +renamed from shorgan-aggressive \(policies\/aggressive\.yaml → policies\/shorgan\.yaml\)$/m);
    expect(both.out).toMatch(/^shorgan +limits\.max_exits_per_week +2 → 3$/m);
  });

  it('should list policies added and removed', async () => {
    repo.git('rm', '--quiet', 'policies/dow-index.yaml');
    await writeFile(join(repo.dir, 'policies/small.yaml'), 'version: 1\nid: small\naccount: paper-small\n');
    const { code, out } = await diff();
    expect(code).toBe(2);
    expect(out).toMatch(/^dow-index +removed \(policies\/dow-index\.yaml\)$/m);
    expect(out).toMatch(/^small +added \(policies\/small\.yaml\)$/m);
  });

  it('should compare a pull request branch with --base, and print Markdown for its comment', async () => {
    repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.edit('policies/dee-bot.yaml', (t) => t.replace('gain_pct: 20 ', 'gain_pct: 30 '));
    repo.commit('take profit at 30%');
    const { code, out } = await diff('--base', 'main', '--markdown');
    expect(code).toBe(2);
    expect(out).toMatch(/^### Ballast policy diff: `main \([0-9a-f]+\)` → working tree$/m);
    expect(out).toContain('| `exits.take_profit.gain_pct` | 20% | 30% |');
    expect(out).toContain('Unchanged in meaning: `dow-index`, `multi-factor`, `shorgan-bot`.');
    expect((await diff('--base', 'main', 'HEAD')).code).toBe(2);
    expect((await diff('--base', 'main', 'main')).code).toBe(0);
  });

  it('should exit 1 on an invalid policy, an unknown revision, and outside a git repository', async () => {
    await repo.edit('policies/dee-bot.yaml', (t) => t.replace('gain_pct: 20 ', 'gain_pct: "20%" '));
    const invalid = await diff();
    expect(invalid.code).toBe(1);
    expect(invalid.out).toMatch(/policies\/dee-bot\.yaml at working tree is not a valid policy:\npolicies\/dee-bot\.yaml:\d+:\d+ {2}exits\.take_profit\.gain_pct/);
    expect(invalid.out).not.toMatch(/dee-bot +removed/);
    const unknown = await diff('--base', 'no-such-branch');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no-such-branch is not a git revision/);
    expect((await diff('no-such-policy')).code).toBe(1);
    const outside = await mkdtemp(join(tmpdir(), 'ballast-not-git-'));
    const io = testIo(outside);
    expect(await main(['diff', '--no-impact'], io)).toBe(1);
    expect(io.err()).toMatch(/not in a git repository/);
    await rm(outside, { recursive: true, force: true });
  });
});
