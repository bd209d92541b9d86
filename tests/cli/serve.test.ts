import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { main } from '../../src/cli/main.js';
import { acquireLock } from '../../src/store/lock-file.js';
import { FakeClock } from '../support/fake-clock.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

describe('ballast serve, next, status', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('serve-cli'));
  });
  afterEach(async () => {
    await remove();
  });

  it('should run due slots, stop on a signal after the run, and release the lock', async () => {
    const clock = new FakeClock('2026-11-23T21:30:10Z'); // Monday 16:30:10 New York: the daily guards are on time
    const io = testIo(dir, clock.now());
    const code = await serveCommand({ policies: 'policies', examples: 'examples', watch: false }, io, {
      clock, waitForStop: async () => 'SIGTERM',
    });
    expect(code).toBe(0);
    expect(io.out()).toMatch(/ran shorgan-bot\/daily_guards\/2026-11-23T21:30:00Z as run-000001/);
    expect(io.out()).toMatch(/SIGTERM: finishing the run in progress[\s\S]*stopped; state written/);
    const again = await acquireLock(join(dir, '.ballast'), 'serve', clock.now());
    await again.release();
  });

  it('should refuse a second instance, naming the first one\'s pid', async () => {
    const lock = await acquireLock(join(dir, '.ballast'), 'serve', new Date());
    const io = testIo(dir);
    expect(await main(['serve'], io)).toBe(1);
    expect(io.err()).toMatch(new RegExp(`ballast serve \\(pid ${process.pid}`));
    await lock.release();
  });

  it('should refuse to start with half a Telegram setup, saying which variable to set, and leave the database free', async () => {
    const io = { ...testIo(dir), env: { BALLAST_TELEGRAM_TOKEN: '123:abc' } };
    expect(await main(['serve'], io)).toBe(1);
    expect(io.err()).toMatch(/BALLAST_CALLBACK_SECRET must be set/);
    const lock = await acquireLock(join(dir, '.ballast'), 'serve', new Date());
    await lock.release();
  });

  it('should show last and next runs in the policy zone and the user\'s, and the status', async () => {
    const clock = new FakeClock('2026-11-23T21:30:10Z');
    await serveCommand({ policies: 'policies', examples: 'examples', watch: false }, testIo(dir, clock.now()), { clock, waitForStop: async () => 'SIGINT' });
    const io = testIo(dir, new Date('2026-11-24T12:00:00Z'));
    expect(await main(['next', '--tz', 'Europe/Berlin'], io)).toBe(0);
    expect(io.out()).toMatch(/shorgan-bot  daily_guards  "daily at 16:30"  runs \[take_profit, cut_loss\]/);
    expect(io.out()).toMatch(/last: 2026-11-23 16:30 EST \(your time 2026-11-23 22:30 GMT\+1\)  finished run-000001/);
    expect(io.out()).toMatch(/next: 2026-11-24 16:30 EST/);
    expect(io.out()).toMatch(/dee-bot  weekly_review[\s\S]*last: never[\s\S]*next: 2026-11-28 11:55 EST/);
    const status = testIo(dir);
    expect(await main(['status'], status)).toBe(0);
    expect(status.out()).toMatch(/ballast serve is not running/);
    expect(status.out()).toMatch(/shorgan-bot\/daily_guards  finished run-000001/);
  });
});
