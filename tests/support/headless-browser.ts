import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's chromium, installed by `.ci/run` (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** A headless chromium with a fresh profile, and how to close it and delete the profile. */
export interface HeadlessBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts Debian's chromium through puppeteer-core, headless, sandbox off (tests run as root), with every background
 * service that could reach the network switched off and a throwaway `--user-data-dir`.
 */
export async function launchHeadlessBrowser(): Promise<HeadlessBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'ballast-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
