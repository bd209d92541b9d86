import { resolve } from 'node:path';
import { ApprovalService } from '../../approval/approval-service.js';
import type { ProposalRecord } from '../../approval/proposal-record.js';
import { Daemon } from '../../serve/daemon.js';
import { ExpiryTimer } from '../../serve/expiry-timer.js';
import { exampleInputs } from '../../serve/inputs-provider.js';
import { combineNotifiers, consoleNotifier } from '../../serve/run-notifier.js';
import { scheduleOverview } from '../../serve/schedule-overview.js';
import { runServeConsole } from '../../serve/serve-console.js';
import { SERVE_DECIDE_HINT } from '../../text/format-submission.js';
import { Store } from '../../store/store.js';
import { redact } from '../../telegram/redact.js';
import { serveTelegram } from '../../telegram/serve-telegram.js';
import { readTelegramConfig } from '../../telegram/telegram-config.js';
import { findPolicyFiles } from '../../workspace/find-policy-files.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatScheduleRows } from '../../text/format-schedule-rows.js';
import { userZone } from '../user-zone.js';
import { cliActor } from './decide.js';
import { processRuntime, type ServeRuntime } from './serve-runtime.js';
import { apiRootOf } from './telegram.js';

/** Options of `ballast serve`. */
export interface ServeOptions {
  readonly policies: string;
  readonly examples: string;
  readonly dataDir?: string;
  /** Off: read policies only at start. Default on. */
  readonly watch: boolean;
}

/**
 * `ballast serve`: owns the database (lock file; a second instance exits 1 naming the first's pid), loads every
 * policy in `policies/`, runs each schedule's slots exactly once (catching up once on start), puts each run's
 * proposals up for approval, reloads edited policies (an invalid edit is reported with file:line:col and the last
 * good revision keeps running), and on SIGINT/SIGTERM finishes the run in progress, writes state and releases the
 * lock. With `BALLAST_TELEGRAM_TOKEN` set it hosts the Telegram bot (proposals posted after each run, buttons,
 * /next, invalid edits reported in the chat); the console takes `approve`/`reject`/`pending`/`next` either way.
 * Throws `TelegramConfigError` (before taking the lock) for incomplete Telegram settings. Returns the exit code.
 */
export async function serveCommand(options: ServeOptions, io: CliIo, runtime: ServeRuntime = processRuntime(io.env)): Promise<number> {
  const telegram = readTelegramConfig(io.env);
  const store = await Store.open(dataDir(io, options.dataDir), 'serve');
  try {
    const { clock } = runtime;
    const now = (): Date => clock.now();
    const secretFree = (line: string): string => (telegram ? redact(line, telegram.token) : line);
    const log = (line: string): void => io.stdout(secretFree(`${now().toISOString()}  ${line}`));
    const inputs = runtime.inputs ?? (await exampleInputs(resolve(io.cwd, options.examples), io.cwd, store));
    const service = new ApprovalService(store, inputs.quotes);
    const zone = userZone(io);
    let daemon: Daemon | undefined;
    const overview = () => scheduleOverview(daemon?.registry.active() ?? [], store, now());
    const bot = telegram && serveTelegram({ config: telegram, service, store, quotes: inputs.quotes, now, log, nextRuns: overview, policiesInForce: async () => daemon?.registry.active() ?? [] }, apiRootOf(io.env));
    const refresh = async (records: readonly ProposalRecord[]): Promise<void> => bot?.refresh(records);
    const expiry = new ExpiryTimer({ store, service, clock, onExpired: refresh, log });
    const consoleOut = consoleNotifier(SERVE_DECIDE_HINT, log, (line) => io.stderr(secretFree(line)));
    const policies = resolve(io.cwd, options.policies);
    daemon = new Daemon({
      store,
      clock,
      inputs,
      env: io.env,
      notifier: combineNotifiers([consoleOut, ...(bot ? [bot.notifier] : []), expiry, ...(runtime.notifiers ?? [])], (error) => log(`notifier failed: ${(error as Error).message}`)),
      listPolicyFiles: () => findPolicyFiles(policies),
      loadPolicyFile: (path) => loadPolicyFile(path, io.cwd),
      ...(options.watch && runtime.watch ? { watch: runtime.watch(policies) } : {}),
      log,
    });
    log(`ballast serve (pid ${process.pid}) · database ${store.location} · approvals: ${telegram ? `Telegram chat ${telegram.chatId} and this console` : 'this console (type help)'}`);
    const report = await daemon.start();
    let input: ReturnType<NonNullable<ServeRuntime['console']>> | undefined;
    let consoleDone: Promise<void> | undefined;
    try {
      for (const d of report.decisions) if (d.reason === 'caught_up' || d.reason === 'missed_dropped') log(`${d.policyId}/${d.scheduleId}: ${d.reason === 'caught_up' ? `caught up once (${d.missed ?? '?'} older missed slots not replayed)` : `${d.missed ?? '?'} missed slots dropped (catch_up: none)`}`);
      await bot?.launch();
      expiry.arm();
      input = runtime.console?.();
      consoleDone = input && runServeConsole(input.lines, {
        service, store, now, actor: cliActor(io),
        next: async () => formatScheduleRows(await overview(), zone),
        decided: refresh,
        out: (text) => io.stdout(secretFree(text)),
        err: (text) => io.stderr(secretFree(text)),
      });
      log(daemon.nextWake ? `next slot at ${daemon.nextWake.toISOString()}; Ctrl-C stops` : 'no schedules in any policy; waiting for edits (Ctrl-C stops)');
      await runtime.onStarted?.(daemon);
      const signal = await runtime.waitForStop();
      log(`${signal}: finishing the run in progress`);
    } finally {
      // Also when the bot or the console fails to start: a timer left running would keep serve alive without them.
      await daemon.stop();
      expiry.stop();
      await bot?.stop();
      input?.close();
      await consoleDone;
    }
    log('stopped; state written');
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
