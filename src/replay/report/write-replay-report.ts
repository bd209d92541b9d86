import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReplayMetrics } from '../metrics/index.js';
import type { ReplayResult } from '../replay-result.js';
import { replayReportHtml } from './replay-report-html.js';

/** The files {@link writeReplayReport} wrote, as absolute or `dir`-relative paths as given. */
export interface ReplayReportFiles {
  readonly metricsJson: string;
  readonly reportHtml: string;
}

/**
 * Writes `DIR/metrics.json` (the {@link ReplayMetrics}, pretty-printed) and `DIR/report.html` (see
 * `replayReportHtml`), creating `dir` if needed. Errors of the file system are thrown as Node reports them.
 */
export async function writeReplayReport(dir: string, result: ReplayResult, metrics: ReplayMetrics): Promise<ReplayReportFiles> {
  await mkdir(dir, { recursive: true });
  const files = { metricsJson: join(dir, 'metrics.json'), reportHtml: join(dir, 'report.html') };
  await writeFile(files.metricsJson, `${JSON.stringify(metrics, null, 2)}\n`);
  await writeFile(files.reportHtml, await replayReportHtml(result, metrics));
  return files;
}
