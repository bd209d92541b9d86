import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../support/build-dist.js';

const ROOT = join(import.meta.dirname, '../..');

/** A module hook that writes every file module Node loads to stderr, one `LOADED <url>` line each. */
const RECORDER = `export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.startsWith('file:')) (await import('node:fs')).writeSync(2, 'LOADED ' + url + '\\n');
  return result;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(RECORDER)}`)});`;

/** Runs `bin/ballast.js` with `args` as a user does and returns the modules it loaded: `src/…` paths and package names. */
async function modulesLoadedBy(args: readonly string[]): Promise<{ ours: string[]; packages: string[] }> {
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, join(ROOT, 'bin/ballast.js'), ...args], { cwd: ROOT });
  const urls = stderr.split('\n').filter((line) => line.startsWith('LOADED ')).map((line) => line.slice('LOADED '.length));
  const ours = urls.flatMap((url) => /\/dist\/(src\/.+)\.js$/.exec(url)?.[1] ?? []);
  const packages = [...new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))];
  return { ours, packages };
}

describe('the command registry', () => {
  beforeAll(async () => {
    await buildDist();
  }, 180_000);

  it('should load no command and none of the engine, store, Telegram or chart libraries for ballast --help', async () => {
    const { ours, packages } = await modulesLoadedBy(['--help']);
    expect(ours).toContain('src/cli/main');
    expect(ours.filter((path) => path.startsWith('src/cli/commands/'))).toEqual([]);
    expect(packages).toEqual(['commander']);
  });

  it('should load the module of the command that runs, and not the others', async () => {
    const { ours } = await modulesLoadedBy(['history', '--help']);
    expect(ours.filter((path) => path.startsWith('src/cli/commands/'))).toEqual([]);
    const ran = await modulesLoadedBy(['show-config', 'policies/dee-bot.yaml']);
    expect(ran.ours.filter((path) => path.startsWith('src/cli/commands/'))).toEqual(['src/cli/commands/show-config']);
    expect(ran.packages).not.toContain('grammy');
    expect(ran.packages).not.toContain('echarts');
  });
});
