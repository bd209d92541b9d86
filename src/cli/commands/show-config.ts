import { resolve } from 'node:path';
import { orderBySchema } from '../../policy/order-by-schema.js';
import { validPolicy } from '../../run/valid-policy.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { formatEffectivePolicy } from '../../text/format-effective-policy.js';

/** Options of `ballast show-config`. */
export interface ShowConfigOptions {
  readonly policy: string;
  readonly json: boolean;
}

/**
 * `ballast show-config <policy>`: prints the effective policy, every default filled in, keys in the schema's order,
 * as YAML (values left to their default marked `# default`, the file's `$schema` modeline kept) or as JSON.
 * What the engine evaluates, so a reader sees what a short file really means (Freqtrade's `show-config`).
 * Throws `InvalidPolicyError` (exit 1) for an invalid policy.
 */
export async function showConfigCommand(options: ShowConfigOptions, io: CliIo): Promise<number> {
  const loaded = await loadPolicyFile(resolve(io.cwd, options.policy), io.cwd);
  const effective = orderBySchema(validPolicy(loaded));
  if (options.json) {
    io.stdout(JSON.stringify(effective, null, 2));
  } else {
    const header = `effective policy of ${loaded.file} @ ${loaded.revision.revision}: every default filled in (\`# default\`: not written in the file)`;
    io.stdout(formatEffectivePolicy(effective, loaded.text, header));
  }
  return EXIT.ok;
}
