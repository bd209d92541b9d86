import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** What luxon lets a process change for everyone: no module of Ballast may change it on import. */
function globalSettings(): Record<string, unknown> {
  return {
    throwOnInvalid: Settings.throwOnInvalid,
    defaultZone: Settings.defaultZone.name,
    defaultLocale: Settings.defaultLocale,
    defaultNumberingSystem: Settings.defaultNumberingSystem,
    defaultOutputCalendar: Settings.defaultOutputCalendar,
    twoDigitCutoffYear: Settings.twoDigitCutoffYear,
  };
}

describe("luxon's process-wide Settings", () => {
  it('should be as luxon ships them after the CLI entry and every other module of Ballast are imported', async () => {
    const before = globalSettings();
    expect(before.throwOnInvalid).toBeFalsy();
    await import('../../src/cli/main.js');
    const files = (await readdir(SRC, { recursive: true })).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) await import(pathToFileURL(join(SRC, file)).href);
    expect(globalSettings()).toEqual(before);
  });
});
