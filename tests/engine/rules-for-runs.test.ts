import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { rulesForRuns } from '../../src/engine/rules-for-runs.js';
import { asOfInstant } from '../../src/market/as-of-instant.js';
import { parseHoldings } from '../../src/market/parse-holdings.js';
import { parsePricePanel } from '../../src/market/parse-price-panel.js';
import { snapshotForHoldings } from '../../src/market/snapshot-for-holdings.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';
import { policyFrom } from '../support/policy-fixtures.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('rulesForRuns', () => {
  const policy = policyFrom('rules:\n  - id: slow_bleed\n    conditions: { all: [{ fact: days_held, operator: greaterThan, value: 1 }] }\n    event: { type: exit }\n');
  it('should expand sections and prefix custom rules', () => {
    expect(rulesForRuns(policy, ['all'])).toBeUndefined();
    expect(rulesForRuns(policy, ['take_profit', 'cut_loss'])).toEqual(['take_profit', 'cut_loss']);
    expect(rulesForRuns(policy, ['rules', 'stale'])).toEqual(['custom:slow_bleed', 'stale']);
    expect(rulesForRuns(policy, ['exits', 'cut_loss'])).toEqual(['cut_loss', 'take_profit', 'concentration', 'stale']);
    expect(rulesForRuns(policy, ['slow_bleed', 'nope'])).toEqual(['custom:slow_bleed']);
  });
});

describe('evaluate with only', () => {
  it('should evaluate only the listed rules and leave the full evaluation unchanged', async () => {
    const validation = validatePolicy({ file: 'policies/dee-bot.yaml', text: read('policies/dee-bot.yaml') });
    if (!validation.ok) throw new Error('dee-bot.yaml should be valid');
    const policy = validation.policy;
    const panel = parsePricePanel('dow30.csv', read('examples/prices/dow30-daily-1991-2000.csv'));
    const holdings = parseHoldings('h.csv', read('examples/holdings/dee-bot.csv'));
    const market = snapshotForHoldings(panel, holdings, '2001-01-02');
    const now = asOfInstant('2001-01-02', policy.time_zone);
    const all = await evaluate(policy, holdings.holdings, market, now);
    const same = await evaluate(policy, holdings.holdings, market, now, { recentExits: [] }, {});
    expect(same).toEqual(all);
    const guards = await evaluate(policy, holdings.holdings, market, now, { recentExits: [] }, { only: ['take_profit'] });
    const fired = [...guards.proposals, ...guards.dropped.map((d) => d.proposal)];
    expect(fired.length).toBeGreaterThan(0);
    expect(new Set(fired.map((p) => p.ruleId))).toEqual(new Set(['take_profit']));
    expect(all.proposals.map((p) => p.ruleId)).toContain('cut_loss');
  });
});
