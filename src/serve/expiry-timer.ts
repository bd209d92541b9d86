import type { ApprovalService } from '../approval/approval-service.js';
import { describeTrade } from '../text/describe-record.js';
import type { ProposalRecord } from '../approval/proposal-record.js';
import type { Store } from '../store/store.js';
import type { RunNotifier } from './run-notifier.js';
import type { SchedulerClock } from './scheduler-clock.js';

/** What the expiry timer needs: the store to read expiries, the service that expires, the clock, and who to tell. */
export interface ExpiryTimerDeps {
  readonly store: Store;
  readonly service: ApprovalService;
  readonly clock: SchedulerClock;
  /** Receives the records that just expired (e.g. to edit their Telegram messages); its errors are logged. */
  readonly onExpired: (records: readonly ProposalRecord[]) => Promise<void>;
  readonly log: (line: string) => void;
}

/**
 * Expires pending proposals at their `expiresAt` while `ballast serve` runs, so a trader sees "expired" on the
 * message instead of live buttons (a decision after expiry is refused either way). One wake-up at the earliest
 * pending expiry; re-armed after every run (it is the daemon's notifier for that) and after each expiry.
 */
export class ExpiryTimer implements RunNotifier {
  readonly #d: ExpiryTimerDeps;
  #cancel: (() => void) | undefined;
  #stopped = false;

  constructor(deps: ExpiryTimerDeps) {
    this.#d = deps;
  }

  /** Sets the wake-up at the earliest expiry among pending proposals (none when nothing is pending). */
  arm(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    if (this.#stopped) return;
    const pending = this.#d.store.proposalRecords({ statuses: ['pending'] });
    if (pending.length === 0) return;
    const earliest = Math.min(...pending.map((r) => Date.parse(r.expiresAt)));
    this.#cancel = this.#d.clock.wakeAt(new Date(earliest), () => void this.#fire());
  }

  /** Cancels the wake-up for good. */
  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  async runFinished(): Promise<void> {
    this.arm();
  }

  async policyInvalid(): Promise<void> {}

  async #fire(): Promise<void> {
    try {
      const expired = await this.#d.service.expireDue(this.#d.clock.now());
      for (const record of expired) this.#d.log(`${record.proposal.id} expired undecided (never executed): ${record.policyId} ${describeTrade(record)}`);
      if (expired.length > 0) await this.#d.onExpired(expired);
    } catch (error) {
      this.#d.log(`expiring proposals failed: ${(error as Error).message}`);
    }
    this.arm();
  }
}
