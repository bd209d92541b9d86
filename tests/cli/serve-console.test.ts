import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FakeClock } from '../support/fake-clock.js';
import { testIo } from '../support/test-io.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { startServe } from '../support/running-serve.js';

describe('ballast serve without Telegram: approvals in its console', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('serve-console'));
  });
  afterEach(async () => {
    await remove();
  });

  it('should open the review\'s proposals, execute what is approved here, and not propose the sold position again next week', async () => {
    const clock = new FakeClock('2026-11-28T16:55:10Z'); // Saturday 11:55:10 New York: both weekly reviews are on time
    const serve = await startServe(dir, clock, { USER: 'ana', TZ: 'Europe/Berlin' });
    expect(serve.io.out()).toMatch(/ran dee-bot\/weekly_review\/2026-11-28T16:55:00Z as run-\d+/);
    expect(serve.io.out()).toMatch(/pending approval, until 2026-11-29 16:55 UTC; decide with\n\s+type here: approve p-/);
    const elsewhere = testIo(dir);
    expect(await main(['approve', '--all'], elsewhere)).toBe(1);
    expect(elsewhere.err()).toMatch(/ballast serve \(pid \d+[^)]*\) owns this database; decide in its console \(approve <id…>/);
    await serve.type('pending');
    const pending = serve.io.out().split('\n').filter((l) => /^\s+p-[\w-]+\s/.test(l));
    expect(pending.length).toBeGreaterThan(1);
    const dee = serve.io.out().match(/DEE-BOT[^\n]*\n\s+(p-[\w-]+)\s+sell [\d,]+ (\w+)/i);
    expect(dee).not.toBeNull();
    const [, id, symbol] = dee!;
    await serve.type(`approve ${id}`);
    expect(serve.io.out()).toMatch(new RegExp(`${id}  executed  approved by ana \\(cli\\) at 2026-11-28 16:55 UTC → executed: sold`));
    await serve.type(`approve ${id}`);
    expect(serve.io.err()).toMatch(new RegExp(`${id}  executed  already decided: approved by ana`));
    await serve.type('reject all');
    expect(serve.io.out()).toMatch(/p-[\w-]+  rejected  rejected by ana \(cli\)/);
    await serve.type('pending');
    expect(serve.io.out()).toMatch(/no proposals pending/);
    await serve.type('nxt');
    expect(serve.io.err()).toMatch(/unknown command "nxt"; did you mean "next"\?/);
    await serve.type('next');
    expect(serve.io.out()).toMatch(/dee-bot  weekly_review  "weekly on saturday at 11:55"[\s\S]*next: 2026-12-05 11:55 EST \(your time 2026-12-05 17:55 GMT\+1\)/);

    const before = serve.io.out().length;
    await serve.advanceTo('2026-12-05T17:00:00Z');
    const nextWeek = serve.io.out().slice(before);
    const review = nextWeek.match(/ran dee-bot\/weekly_review\/2026-12-05T16:55:00Z[^\n]*/);
    expect(review).not.toBeNull();
    expect(review![0]).toMatch(/proposals: cut_loss exit HON sell 150/); // rejected last week: proposed again
    expect(review![0]).not.toMatch(new RegExp(`exit ${symbol} sell`)); // sold last week: gone from the paper account
    expect(await serve.stop()).toBe(0);
  });
});
