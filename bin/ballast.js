#!/usr/bin/env node
// Entry point for `npx ballast`: runs the compiled CLI (built by `npm ci` through the `prepare` script).
let runProcess;
try {
  ({ runProcess } = await import('../dist/src/cli/run-process.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('error: ballast is not built yet; run `npm run build` (or `npm ci`) in its folder first\n');
  process.exit(1);
}
await runProcess(process.argv.slice(2));
