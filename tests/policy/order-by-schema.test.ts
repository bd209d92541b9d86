import { describe, expect, it } from 'vitest';
import { orderBySchema } from '../../src/policy/order-by-schema.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';

describe('orderBySchema', () => {
  it('should put a schedule entry\'s keys in the schedule schema\'s order (followed by its relative $ref)', () => {
    const text = ['version: 1', 'id: x', 'account: paper-x', 'schedules:', '  - runs: [take_profit]', '    when: daily at 16:30', '    id: guards', ''].join('\n');
    const result = validatePolicy({ file: 'x.yaml', text });
    if (!result.ok) throw new Error(result.errors.map(({ message }) => message).join('\n'));
    const ordered = orderBySchema(result.policy) as { schedules: object[] };
    expect(Object.keys(ordered.schedules[0]!)).toEqual(['id', 'when', 'runs']);
  });
});
