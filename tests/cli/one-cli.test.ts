import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const ESC = '\u001b[';

/** Commands that pick one policy: the filter is `--policy <id>` on each. */
const FILTERED = ['history', 'pending', 'approve', 'reject', 'positions', 'reconcile', 'audit', 'strategies'];

describe('one CLI', () => {
  let dir: string;
  let remove: () => Promise<void>;
  /** Runs `ballast …args` in the workspace (after `ballast run` and one approval, see beforeAll). */
  async function ballast(args: readonly string[], extra: { env?: Record<string, string>; stdoutTerminal?: boolean } = {}) {
    const io = { ...testIo(dir), env: { TZ: 'Europe/Berlin', USER: 'ana', ...extra.env }, stdoutTerminal: extra.stdoutTerminal ?? false };
    const code = await main(args, io);
    return { code, out: io.out(), err: io.err() };
  }

  beforeAll(async () => {
    ({ dir, remove } = await exampleWorkspace('one-cli'));
    expect((await ballast(['run'])).code).toBe(0);
    expect((await ballast(['approve', 'p-000001-1'])).code).toBe(0);
    expect((await ballast(['reject', 'p-000001-2'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await remove();
  });

  it('should name the policy filter --policy on every command that has one, and nothing else', async () => {
    for (const command of FILTERED) {
      const help = await ballast([command, '--help']);
      expect(help.out, command).toMatch(/--policy <id>/);
      expect(help.out, command).not.toMatch(/--bot|--account/);
    }
    const dee = await ballast(['history', '--policy', 'dee-bot', '--json']);
    expect(JSON.parse(dee.out).map((r: { policyId: string }) => r.policyId)).toEqual(['dee-bot']);
    const positions = await ballast(['positions', '--policy', 'dee-bot']);
    expect(positions.out).toMatch(/^account paper-dee /);
    expect(positions.out).not.toMatch(/paper-index/);
  });

  it('should refuse a policy the database does not know with a did-you-mean, rather than show nothing', async () => {
    for (const args of [['history'], ['pending'], ['approve', '--all'], ['reject', '--all'], ['positions'], ['audit'], ['strategies']]) {
      const result = await ballast([...args, '--policy', 'dee-bott']);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toMatch(/no policy dee-bott in .*\(did you mean dee-bot\?\).*the policies with recorded runs are dee-bot, dow-index, multi-factor, shorgan-bot/);
      expect(result.out, args.join(' ')).not.toMatch(/no proposals pending|no runs/);
    }
    const unknownId = await ballast(['approve', 'p-000099-9']);
    expect(unknownId.code).toBe(1);
    expect(unknownId.err).toMatch(/p-000099-9  UNKNOWN_PROPOSAL/);
  });

  it('should say what to give when approve or reject gets nothing', async () => {
    const result = await ballast(['approve']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/approve needs the proposals to decide.*ballast approve p-000042-1 … \| --all \(`ballast pending` lists the ids\)/);
  });

  it('should print history as a table with a header row and when each run ran, in the user\'s zone', async () => {
    const { out } = await ballast(['history']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^run +ran at +prices as of +policy +revision +by +trades +turnover +max drift pp +budget used$/);
    // recorded at the clock (2026-11-21 12:00 UTC), shown in TZ=Europe/Berlin; the prices are from 2001
    expect(lines[1]).toMatch(/^run-000001 +2026-11-21 13:00 GMT\+1 +2001-01-02 +dee-bot +unversioned +run +3 +23\.2% +— +—$/);
    const json = await ballast(['history', '--json']);
    expect(JSON.parse(json.out)[0]).toMatchObject({ id: 'run-000001', asOf: '2001-01-02', recordedAt: '2026-11-21T12:00:00.000Z' });
  });

  it('should print positions under a header row, with the one minus sign for losses', async () => {
    const { out } = await ballast(['positions', '--policy', 'dee-bot']);
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^ {2}symbol +shares +avg cost +price +value USD +P&L USD +P&L % +weight$/);
    expect(out).toMatch(/HON +150 +49\.22 +43\.62 +6,543\.00 +−840\.00 +−11\.4% +6\.\d%/);
    expect(out).not.toMatch(/(^|\s)-\d/m); // no ASCII hyphen as a minus anywhere
  });

  it('should show what became of each proposal of a run: its decision and outcome', async () => {
    const { code, out } = await ballast(['show', 'run-000001']);
    expect(code).toBe(0);
    expect(out).toMatch(/p-000001-1 .*\n.*\n {6}→ approved by ana \(cli\) at 2026-11-21 12:00 UTC → executed: sold 300 @ 43\.24/);
    expect(out).toMatch(/p-000001-2 .*\n.*\n {6}→ rejected by ana \(cli\)/);
    expect(out).toMatch(/p-000001-3 .*\n.*\n {6}→ pending until/);
    const json = JSON.parse((await ballast(['show', 'run-000001', '--json'])).out);
    expect(json.approvals.map((r: { status: string }) => r.status).sort()).toEqual(['executed', 'pending', 'rejected']);
  });

  it('should count a run made by `ballast run` as the last run in `ballast next`', async () => {
    const { out } = await ballast(['next']);
    expect(out).toMatch(/dee-bot  weekly_review .*\n  last: 2026-11-21 07:00 EST \(your time 2026-11-21 13:00 GMT\+1\)  run-000001 by ballast run\n/);
    expect(out).not.toMatch(/last: never/);
  });

  it('should colour output on a terminal, and not when piped or with NO_COLOR', async () => {
    for (const args of [['history'], ['positions'], ['pending'], ['show', 'run-000001'], ['audit']]) {
      expect((await ballast(args, { stdoutTerminal: true })).out, args.join(' ')).toContain(ESC);
      expect((await ballast(args)).out, args.join(' ')).not.toContain(ESC);
      expect((await ballast(args, { stdoutTerminal: true, env: { NO_COLOR: '1' } })).out, args.join(' ')).not.toContain(ESC);
    }
  });

  it('should end every help with examples of real command lines', async () => {
    const top = await ballast(['--help']);
    expect(top.out).toMatch(/Examples:\n {2}\$ ballast run\n/);
    const commands = [...top.out.matchAll(/^ {2}([a-z-]+)(?: \[options\]| \[[a-z-.]+\]| <[a-z-.]+>)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
    expect(commands.length).toBeGreaterThan(15);
    for (const command of commands) {
      const help = await ballast([command, '--help']);
      expect(help.out, command).toMatch(new RegExp(`Examples:\\n {2}\\$ (?:[A-Z_]+=… )*ballast ${command}\\b`));
    }
  });
});
