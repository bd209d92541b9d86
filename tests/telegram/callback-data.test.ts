import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, signCallback, verifyCallback } from '../../src/telegram/callback-data.js';

const SECRET = 'test-secret-0123456789abcdef';

describe('signCallback / verifyCallback', () => {
  it('should sign within 64 bytes and read back what was signed', () => {
    const data = signCallback(SECRET, { op: 'A', target: 'run-0000001', nonce: 'Ab_9-xYz' });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(data).toMatch(/^A:run-0000001:Ab_9-xYz:[A-Za-z0-9_-]{16}$/);
    expect(verifyCallback(SECRET, data)).toEqual({ op: 'A', target: 'run-0000001', nonce: 'Ab_9-xYz' });
  });

  it('should refuse data with any part changed, another secret, or another shape', () => {
    const data = signCallback(SECRET, { op: 'a', target: 'p-000001-1', nonce: 'Ab_9-xYz' });
    expect(verifyCallback(SECRET, data.replace(/^a:/, 'r:'))).toBeUndefined();
    expect(verifyCallback(SECRET, data.replace('p-000001-1', 'p-000001-2'))).toBeUndefined();
    expect(verifyCallback(SECRET, data.replace('Ab_9-xYz', 'Ab_9-xYy'))).toBeUndefined();
    expect(verifyCallback('another-secret-0123456789', data)).toBeUndefined();
    expect(verifyCallback(SECRET, 'approve:p1')).toBeUndefined();
    expect(verifyCallback(SECRET, `${data}x`)).toBeUndefined();
  });

  it('should refuse to sign a target that does not fit the format', () => {
    expect(() => signCallback(SECRET, { op: 'a', target: 'x'.repeat(40), nonce: 'n' })).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it('should sign the confirmation of Approve all so a tapped "ask" cannot be turned into "approve all"', () => {
    const ask = signCallback(SECRET, { op: 'A', target: 'run-000001', nonce: 'Ab_9-xYz' });
    const yes = signCallback(SECRET, { op: 'Y', target: 'run-000001', nonce: 'Ab_9-xYz' });
    expect(verifyCallback(SECRET, yes)).toEqual({ op: 'Y', target: 'run-000001', nonce: 'Ab_9-xYz' });
    expect(verifyCallback(SECRET, signCallback(SECRET, { op: 'X', target: 'run-000001', nonce: 'Ab_9-xYz' }))?.op).toBe('X');
    expect(verifyCallback(SECRET, ask.replace(/^A:/, 'Y:'))).toBeUndefined();
    expect(verifyCallback(SECRET, ask.replace(/^A:/, 'N:'))).toBeUndefined();
  });
});
