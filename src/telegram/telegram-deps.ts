import type { Context } from 'grammy';
import type { ApprovalService, QuoteSource } from '../approval/approval-service.js';
import type { Actor } from '../approval/proposal-record.js';
import type { ActivePolicy } from '../serve/policy-registry.js';
import type { ScheduleRow } from '../serve/schedule-overview.js';
import type { Store } from '../store/store.js';
import type { Role, TelegramConfig } from './telegram-config.js';

/** What the Telegram composers use: the settings, the approval service, the store to read, quotes, the clock, the schedules and policies in force, a log. */
export interface TelegramDeps {
  readonly config: TelegramConfig;
  readonly service: ApprovalService;
  readonly store: Store;
  readonly quotes: QuoteSource;
  readonly now: () => Date;
  /** Last and next run of every schedule of every policy in force, for /next (the daemon's, or read from `policies/`). */
  readonly nextRuns: () => Promise<readonly ScheduleRow[]>;
  /** The policies in force, each at its revision (the daemon's, or read from `policies/`), for /policy. */
  readonly policiesInForce: () => Promise<readonly ActivePolicy[]>;
  /** Where operational problems are written (never the token or the secret). */
  readonly log: (line: string) => void;
  /** How long a stranger is answered and stored only once (ms); default one minute (`FLOOD_WINDOW_MS`). */
  readonly floodWindowMs?: number;
}

/** grammY's context with the allowlisted user's role and actor, set by `authorizedOnly`. */
export type BallastContext = Context & { ballast?: { readonly role: Role; readonly actor: Actor } };
