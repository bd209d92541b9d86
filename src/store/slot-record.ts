/**
 * What the store keeps about one scheduled slot (the daemon's exactly-once ledger). Written with `state: 'started'`
 * before the run and updated to `finished` (with the run id) or `failed` after it; a key that is present in any state
 * never runs again.
 */
export interface SlotRecord {
  /** Slot key `policyId/scheduleId/at` (see `slotKey`). */
  readonly key: string;
  readonly policyId: string;
  readonly scheduleId: string;
  /** Slot instant, ISO 8601 UTC without milliseconds. */
  readonly at: string;
  /** `on_time` for a regular tick, `caught_up` when run on start after downtime. */
  readonly reason: 'on_time' | 'caught_up';
  /** Policy revision that ran: file, git revision and content hash. */
  readonly revision: { readonly file: string; readonly revision: string; readonly contentHash: string };
  /** Clock instant the run started, ISO 8601 UTC. */
  readonly startedAt: string;
  readonly state: 'started' | 'finished' | 'failed';
  readonly finishedAt?: string;
  readonly runId?: string;
  /** Why a failed slot failed. */
  readonly error?: string;
}
