import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
}

describe('examples/ci/policy-review.yml', () => {
  it('should run check, test and diff --markdown against the pull request base, then post the Markdown', async () => {
    const workflow = parse(await readFile(join(ROOT, 'examples/ci/policy-review.yml'), 'utf8')) as {
      on: { pull_request: unknown };
      permissions: Record<string, string>;
      jobs: { review: { steps: Step[] } };
    };
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.permissions['pull-requests']).toBe('write');
    const steps = workflow.jobs.review.steps;
    const runs = steps.map((s) => s.run ?? '');
    const at = (pattern: RegExp): number => runs.findIndex((r) => pattern.test(r));
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(at(/^npx ballast check$/)).toBeGreaterThan(0);
    expect(at(/npx ballast test --junit/)).toBeGreaterThan(at(/ballast check/));
    const diff = at(/npx ballast diff --markdown --base "origin\/\$\{\{ github\.base_ref \}\}" > policy-diff\.md/);
    expect(diff).toBeGreaterThan(at(/ballast test/));
    expect(runs[diff]).toMatch(/test "\$code" -ne 1/);
    expect(at(/gh pr comment "\$PR" .*--body-file policy-diff\.md/)).toBeGreaterThan(diff);
  });
});
