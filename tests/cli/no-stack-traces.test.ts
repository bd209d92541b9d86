import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');
const PRICES = join(ROOT, 'examples/prices/dow30-daily-1991-2000.csv');
const HOLDINGS = join(ROOT, 'examples/holdings/dee-bot.csv');
/** A stack frame as Node prints it. */
const STACK = /^\s+at |node_modules|\.ts:\d+|\.js:\d+/m;

describe('errors a user can cause print one actionable line, never a stack trace', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await exampleWorkspace('errors'));
  });
  afterAll(async () => {
    await remove();
  });

  it('should reject an unknown --tz with a did-you-mean and exit 2', async () => {
    const io = testIo(dir);
    expect(await main(['next', '--tz', 'berlin'], io)).toBe(2);
    expect(io.err()).toMatch(/--tz "berlin" is not an IANA time zone; did you mean Europe\/Berlin\?/);
    expect(io.err()).not.toMatch(STACK);
  });

  it('should reject a time zone that does not exist', async () => {
    const io = testIo(dir);
    expect(await main(['next', '--tz', 'Mars/Olympus'], io)).toBe(2);
    expect(io.err()).toMatch(/--tz "Mars\/Olympus" is not an IANA time zone; write a name such as Europe\/Berlin/);
    expect(io.err()).not.toMatch(STACK);
  });

  it('should name the TZ variable when it holds no time zone', async () => {
    const io = { ...testIo(dir), env: { TZ: 'Foo/Bar' } };
    expect(await main(['next'], io)).toBe(1);
    expect(io.err()).toMatch(/^error: TZ "Foo\/Bar" is not an IANA time zone/);
    expect(io.err()).not.toMatch(STACK);
  });

  it.each([
    ['plan', 1],
    ['evaluate', 2],
  ])('should refuse an impossible --as-of date on %s', async (command, code) => {
    const io = testIo(dir);
    expect(await main([command, 'policies/dee-bot.yaml', '--holdings', HOLDINGS, '--prices', PRICES, '--as-of', '2001-02-30', '--no-record'].filter((a) => command !== 'plan' || a !== '--no-record'), io)).toBe(code);
    expect(io.err()).toMatch(/--as-of "2001-02-30" is not a calendar date; write YYYY-MM-DD/);
    expect(io.err()).not.toMatch(STACK);
  });

  it('should refuse an impossible --as-of date on run', async () => {
    const io = testIo(dir);
    expect(await main(['run', '--as-of', '2001-02-30'], io)).toBe(2);
    expect(io.err()).toMatch(/--as-of "2001-02-30" is not a calendar date/);
  });

  it('should check every policy in a folder given to check', async () => {
    const io = testIo(dir);
    expect(await main(['check', 'policies/'], io)).toBe(0);
    expect(io.out()).toMatch(/ok {2}policies\/dee-bot\.yaml[\s\S]*4 policies valid/);
  });

  it('should say which data folder cannot be written, and how to choose another', async () => {
    const readOnly = await readOnlyFolder(dir);
    const io = testIo(dir);
    expect(await main(['approve', '--all', '--data-dir', readOnly], io)).toBe(1);
    expect(io.err()).toMatch(/^error: cannot write the data folder .+ \((EACCES|EROFS|EPERM): .+\); make it writable, or pass --data-dir <dir>/);
    expect(io.err()).not.toMatch(STACK);
  });

  it('should turn an unexpected failure into one line that asks for a report, with the trace only on BALLAST_DEBUG=1', async () => {
    const broken = { ...testIo(dir), now: (): Date => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } };
    expect(await main(['pending'], broken)).toBe(1);
    expect(broken.err()).toMatch(/^error: unexpected TypeError: Cannot read properties of undefined \(reading 'x'\) — this is a bug in Ballast; please report it with the command you ran \(BALLAST_DEBUG=1 prints the trace\)$/);
    const debug = { ...broken, env: { BALLAST_DEBUG: '1' } };
    expect(await main(['pending'], debug)).toBe(1);
    expect(debug.err()).toMatch(/^\s+at /m);
  });
});

/** A folder this process cannot write: a read-only one when not root, else a sysfs folder (read-only even for root). */
async function readOnlyFolder(dir: string): Promise<string> {
  if (process.getuid?.() !== 0) {
    const folder = join(dir, 'read-only');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'ballast.json'), '{"version":1,"nextRunNumber":1,"runs":[]}');
    await chmod(folder, 0o555);
    return folder;
  }
  if (!existsSync('/sys/kernel')) throw new Error('no read-only folder for root on this machine');
  return '/sys/kernel';
}
