import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { validatePolicy, type PolicyValidation, type ValidationContext } from '../policy/validate-policy.js';
import type { PolicyRevision } from '../store/run-record.js';
import { gitRevision } from './git-revision.js';

/** A policy file as read from disk: its text, the validation outcome, and the revision it came from. */
export interface LoadedPolicyFile {
  /** The path as shown to the user (relative to the working directory). */
  readonly file: string;
  /** The absolute path it was read from: files the policy names (signal files) are relative to its folder. */
  readonly path: string;
  readonly text: string;
  readonly validation: PolicyValidation;
  /** Revision data without the policy id (unknown when the file is invalid). */
  readonly revision: Omit<PolicyRevision, 'policyId'>;
}

/**
 * Reads and validates one policy file. A file that cannot be read becomes a single diagnostic, not an exception,
 * so that one bad file never stops the others. `context.knownSymbols` (the symbols of the prices it will run on) makes
 * a symbol without prices an error at its line, with a did-you-mean.
 */
export async function loadPolicyFile(path: string, cwd: string = process.cwd(), context: ValidationContext = {}): Promise<LoadedPolicyFile> {
  const file = relative(cwd, path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    const validation: PolicyValidation = {
      ok: false,
      warnings: [],
      errors: [{ code: 'UNREADABLE', severity: 'error', file, path: '', line: 1, col: 1, message: `cannot read the policy: ${reason}` }],
    };
    return { file, path: resolve(path), text: '', validation, revision: { file, revision: 'unversioned', contentHash: '' } };
  }
  const contentHash = createHash('sha256').update(text).digest('hex');
  const [validation, revision] = await Promise.all([Promise.resolve(validatePolicy({ file, text }, context)), gitRevision(path)]);
  return { file, path: resolve(path), text, validation, revision: { file, revision, contentHash } };
}
