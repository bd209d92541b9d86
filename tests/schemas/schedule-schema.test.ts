import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/schedule.schema.json' with { type: 'json' };
import { EDITOR_KEYWORDS } from '../../src/policy/editor-keywords.js';
import { parseSchedule } from '../../src/schedule/parse-schedule.js';

const ajv = new Ajv.default({ allErrors: true, strict: true, useDefaults: true, keywords: [...EDITOR_KEYWORDS] });
const validate = ajv.compile(schema);

describe('schedule.schema.json', () => {
  it('should set $id and describe every property with its default', () => {
    expect(schema.$id).toMatch(/\/schedule\.schema\.json$/); // an identifier ajv resolves by; editors load the file beside the policy schema
    const objectBranch = schema.anyOf[1] as { additionalProperties: boolean; properties: Record<string, { description?: string }> };
    expect(objectBranch.additionalProperties).toBe(false);
    for (const [name, prop] of Object.entries(objectBranch.properties)) {
      expect(prop.description, name).toMatch(/default/i);
    }
  });

  it('should accept the entries the parser accepts', () => {
    const entries: unknown[] = [
      'daily at 16:30',
      { id: 'daily_guards', when: 'daily at 16:30', runs: ['take_profit', 'cut_loss'] },
      { id: 'weekly_review', when: 'weekly on saturday at 11:55' },
      { cron: '30 16 * * 1-5', roll: 'skip', catch_up: 'none' },
      { every: '14 days', at: '15:10', anchor: '2026-01-02' },
    ];
    for (const entry of entries) {
      const copy = structuredClone(entry);
      expect(validate(copy), JSON.stringify(validate.errors)).toBe(true);
      expect(() => parseSchedule(copy as never, { policyId: 'p', timeZone: 'America/New_York', calendar: 'XNYS' })).not.toThrow();
    }
  });

  it('should reject unknown keys, two forms, at without every and bad enums', () => {
    for (const bad of [
      { when: 'daily at 16:30', timezone: 'UTC' },
      { when: 'daily at 16:30', cron: '30 16 * * *' },
      { when: 'daily at 16:30', at: '16:30' },
      { when: 'daily at 16:30', roll: 'forward' },
      { when: 'daily at 16:30', runs: [] },
      { id: 'Daily Guards', when: 'daily at 16:30' },
      { runs: ['all'] },
      '',
    ]) {
      expect(validate(structuredClone(bad)), JSON.stringify(bad)).toBe(false);
    }
  });

  it('should be usable by $ref from a policy schema', () => {
    const policyAjv = new Ajv.default({ strict: true, keywords: [...EDITOR_KEYWORDS] });
    policyAjv.addSchema(schema);
    const policy = policyAjv.compile({
      type: 'object',
      properties: { schedules: { type: 'array', items: { $ref: schema.$id } } },
    });
    expect(policy({ schedules: ['daily at 16:30', { when: 'weekly on saturday at 11:55' }] })).toBe(true);
    expect(policy({ schedules: [{ when: 'daily at 16:30', bogus: 1 }] })).toBe(false);
  });
});
