import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from '../store/store.js';
import type { CliIo } from './cli-io.js';

/** Where the database lives: `--data-dir`, else `BALLAST_DATA_DIR`, else `.ballast/` in the working directory. */
export function dataDir(io: CliIo, option: string | undefined): string {
  return resolve(io.cwd, option ?? io.env.BALLAST_DATA_DIR ?? DEFAULT_DATA_DIR);
}
