#!/usr/bin/env node
// `npm start` runs this first: it compiles dist/ with tsc only when a source changed since the last build (a file or
// folder under src/, bench/ or schemas/, a tsconfig, package.json or the installed TypeScript is newer than
// dist/.tsbuildinfo), so starting the unchanged program costs no compile. Exits with tsc's code when it builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.tsbuildinfo');
const inputs = ['src', 'bench', 'schemas', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'node_modules/typescript/package.json'];

/** The newest modification time (ms) of `path` and, for a folder, of everything in it (a deletion changes the folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (inputs.some((input) => newest(join(root, input)) > built)) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  const now = new Date();
  utimesSync(stamp, now, now); // tsc leaves the file alone when nothing it emits changed
}
