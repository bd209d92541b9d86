import { describe, expect, it } from 'vitest';
import { WriteBehind } from '../../src/store/write-behind.js';

describe('WriteBehind', () => {
  it('should write a burst of changes in two writes, and resolve flushed only after the write that holds them', async () => {
    const written: number[] = [];
    let value = 0;
    const writer = new WriteBehind(async () => {
      const snapshot = value;
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(snapshot);
    });
    for (let i = 0; i < 1000; i++) {
      value += 1;
      writer.changed();
      if (i === 0) await Promise.resolve().then(() => undefined); // let the first write start
    }
    await writer.flushed();
    expect(written.length).toBeLessThanOrEqual(2);
    expect(written.at(-1)).toBe(1000);
  });

  it('should reject flushed when the write fails, and retry on the next change', async () => {
    let fail = true;
    let writes = 0;
    const writer = new WriteBehind(async () => {
      writes += 1;
      if (fail) throw new Error('disk full');
    });
    writer.changed();
    await expect(writer.flushed()).rejects.toThrow('disk full');
    fail = false;
    writer.changed();
    await writer.flushed();
    expect(writes).toBe(2);
  });
});
