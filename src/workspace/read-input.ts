import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/**
 * Reads a UTF-8 input file (holdings or prices CSV). Throws `InputError` naming `shown` (the path as the user gave
 * it) with `cannot read: no such file` or the system's reason.
 */
export async function readInput(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError([{ file: shown, message: `cannot read: ${reason}` }]);
  }
}
