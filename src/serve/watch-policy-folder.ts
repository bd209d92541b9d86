import { watch } from 'node:fs';
import { join } from 'node:path';
import type { PolicyWatcher } from './daemon.js';

/**
 * The real hot-reload watcher: `fs.watch` on the policy folder, reporting every `*.yaml`/`*.yml` name an event
 * mentions. Editors fire several events per save; the daemon's reload is idempotent (same content hash =
 * `unchanged`), so no debouncing is needed. Watch errors (folder removed) are passed to `onError`.
 */
export function watchPolicyFolder(dir: string, onError: (error: Error) => void = () => undefined): PolicyWatcher {
  return (onChange) => {
    const watcher = watch(dir, (_event, name) => {
      if (name && /\.ya?ml$/.test(name)) onChange(join(dir, name));
    });
    watcher.on('error', onError);
    return () => watcher.close();
  };
}
