import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Submission } from '../../src/run/submit-for-approval.js';
import type { Diagnostic } from '../../src/policy/diagnostic.js';
import { Daemon, type PolicyWatcher } from '../../src/serve/daemon.js';
import type { InputsProvider } from '../../src/run/run-inputs.js';
import { exampleInputs } from '../../src/serve/inputs-provider.js';
import type { RunNotifier } from '../../src/serve/run-notifier.js';
import type { RunRecord } from '../../src/store/run-record.js';
import { Store } from '../../src/store/store.js';
import { findPolicyFiles } from '../../src/workspace/find-policy-files.js';
import { loadPolicyFile } from '../../src/workspace/load-policy-file.js';
import { FakeClock } from '../support/fake-clock.js';

export const ROOT = join(import.meta.dirname, '../..');

/** A notifier that keeps what it was told. */
export function recordingNotifier(): RunNotifier & { runs: RunRecord[]; submissions: Submission[]; invalid: { file: string; diagnostics: readonly Diagnostic[] }[] } {
  const runs: RunRecord[] = [];
  const submissions: Submission[] = [];
  const invalid: { file: string; diagnostics: readonly Diagnostic[] }[] = [];
  return {
    runs,
    submissions,
    invalid,
    async runFinished(run, submission) {
      runs.push(run);
      submissions.push(submission);
    },
    async policyInvalid(file, diagnostics) {
      invalid.push({ file, diagnostics });
    },
  };
}

/** A watcher the test fires by hand. */
export function manualWatcher(): PolicyWatcher & { emit: (path: string) => void } {
  let listener: ((path: string) => void) | undefined;
  const watch = ((onChange: (path: string) => void) => {
    listener = onChange;
    return () => {
      listener = undefined;
    };
  }) as PolicyWatcher & { emit: (path: string) => void };
  watch.emit = (path) => listener?.(path);
  return watch;
}

/** Inputs that never change: one position up 40% since entry, one down 20%, one flat, held since 2026-01-02. */
export const fixedInputs: InputsProvider = {
  quotes: (symbol) => ({ UP: 140, DOWN: 80, FLAT: 101 })[symbol],
  async inputsFor(_policy, at) {
    return {
      holdings: { cash: 1000, positions: [
        { symbol: 'UP', quantity: 10, averageCost: 100, openedDate: '2026-01-02' },
        { symbol: 'DOWN', quantity: 10, averageCost: 100, openedDate: '2026-01-02' },
        { symbol: 'FLAT', quantity: 10, averageCost: 100, openedDate: '2026-01-02' },
      ] },
      market: { date: at.toISOString().slice(0, 10), prices: new Map([['UP', 140], ['DOWN', 80], ['FLAT', 101]]) },
      holdingsFile: 'fixed', pricesFile: 'fixed',
    };
  },
};

/** A temporary workspace: a copy of policies/ (or the given files), a data folder, and a daemon factory. */
export async function workspace(files?: Record<string, string>): Promise<{
  dir: string; policies: string; dataDir: string;
  write: (name: string, text: string) => Promise<string>;
  daemon: (clock: FakeClock, options?: { inputs?: InputsProvider; notifier?: RunNotifier; watch?: PolicyWatcher; store?: Store; env?: Record<string, string> }) => Promise<{ daemon: Daemon; store: Store }>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-serve-'));
  const policies = join(dir, 'policies');
  if (files) {
    await cp(join(ROOT, 'policies'), policies, { recursive: true, filter: (src) => !src.endsWith('.yaml') });
    for (const [name, text] of Object.entries(files)) await writeFile(join(policies, name), text);
  } else {
    await cp(join(ROOT, 'policies'), policies, { recursive: true });
  }
  const dataDir = join(dir, '.ballast');
  return {
    dir, policies, dataDir,
    write: async (name, text) => {
      const path = join(policies, name);
      await writeFile(path, text);
      return path;
    },
    daemon: async (clock, options = {}) => {
      const store = options.store ?? (await Store.open(dataDir, 'serve'));
      const daemon = new Daemon({
        store, clock, env: options.env ?? {},
        inputs: options.inputs ?? (await exampleInputs(join(ROOT, 'examples'), dir, store)),
        notifier: options.notifier ?? recordingNotifier(),
        listPolicyFiles: () => findPolicyFiles(policies),
        loadPolicyFile: (path) => loadPolicyFile(path, dir),
        ...(options.watch ? { watch: options.watch } : {}),
      });
      return { daemon, store };
    },
  };
}
