import type { Update } from 'grammy/types';

/** An update body before the queue gives it an `update_id`. */
export type UpdateBody = Omit<Update, 'update_id'>;

/** Parameters of one `getUpdates` call, already parsed. */
export interface PollRequest {
  /** `offset`; 0 means "from the earliest unconfirmed update". Negative keeps only the last -offset updates. */
  readonly offset: number;
  /** 1..100, default 100. */
  readonly limit: number;
  /** Long-poll timeout in seconds; 0 answers at once. */
  readonly timeout: number;
  /** New `allowed_updates` setting, or undefined to keep the previous one. */
  readonly allowedUpdates?: readonly string[];
  /** Aborted when the client goes away; the poll then ends with `'aborted'`. */
  readonly signal: AbortSignal;
}

/** How a poll ended: with updates (maybe none), replaced by a newer poll (409), or abandoned by the client. */
export type PollOutcome =
  | { readonly kind: 'updates'; readonly updates: Update[] }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'aborted' };

interface Waiter {
  readonly finish: (outcome: PollOutcome) => void;
}

/**
 * The bot's update queue with `getUpdates` semantics (core.telegram.org/bots/api#getupdates): updates stay until
 * a call with a higher `offset` confirms them; a call with `timeout` is held until an update arrives or the
 * timeout passes; a newer call ends a held one with 409 Conflict, as Telegram does.
 */
export class UpdateQueue {
  readonly #updates: Update[] = [];
  readonly #secondMs: number;
  readonly #onChange: () => void;
  #nextId = 1;
  /** Empty means every type (Telegram's default). */
  #allowed: readonly string[] = [];
  #waiter: Waiter | undefined;

  /**
   * @param secondMs milliseconds one second of `timeout` lasts (1000 in real time).
   * @param onChange called when a held poll starts or ends.
   */
  constructor(secondMs: number, onChange: () => void) {
    this.#secondMs = secondMs;
    this.#onChange = onChange;
  }

  /** Number of polls being held (0 or 1). */
  get pendingPolls(): number {
    return this.#waiter === undefined ? 0 : 1;
  }

  /** Unconfirmed updates, oldest first. */
  pending(): Update[] {
    return [...this.#updates];
  }

  /**
   * Adds an update unless the current `allowed_updates` excludes its type (Telegram then never creates it).
   * Returns the update with its id, or undefined when filtered out. Wakes a held poll.
   */
  push(body: UpdateBody): Update | undefined {
    const type = Object.keys(body)[0] ?? '';
    if (this.#allowed.length > 0 && !this.#allowed.includes(type)) return undefined;
    const update = { update_id: this.#nextId++, ...body } as Update;
    this.#updates.push(update);
    this.#waiter?.finish({ kind: 'updates', updates: [] });
    return update;
  }

  /** Drops every pending update (`deleteWebhook` with `drop_pending_updates`). */
  dropAll(): void {
    this.#updates.length = 0;
  }

  /** Answers one `getUpdates` call, holding it up to `timeout` seconds while no update is pending. */
  poll(request: PollRequest): Promise<PollOutcome> {
    this.#waiter?.finish({ kind: 'conflict' });
    if (request.allowedUpdates !== undefined) this.#allowed = [...request.allowedUpdates];
    this.#confirm(request.offset);
    const ready = this.#take(request.limit);
    if (ready.length > 0 || request.timeout <= 0 || request.signal.aborted) {
      return Promise.resolve(request.signal.aborted ? { kind: 'aborted' } : { kind: 'updates', updates: ready });
    }
    return new Promise<PollOutcome>((resolve) => {
      const timer = setTimeout(() => waiter.finish({ kind: 'updates', updates: [] }), request.timeout * this.#secondMs);
      const onAbort = (): void => waiter.finish({ kind: 'aborted' });
      const waiter: Waiter = {
        finish: (outcome) => {
          clearTimeout(timer);
          request.signal.removeEventListener('abort', onAbort);
          if (this.#waiter === waiter) this.#waiter = undefined;
          // Updates are read when the poll ends, so an update that woke the poll is included.
          resolve(outcome.kind === 'updates' ? { kind: 'updates', updates: this.#take(request.limit) } : outcome);
          this.#onChange();
        },
      };
      request.signal.addEventListener('abort', onAbort);
      this.#waiter = waiter;
      this.#onChange();
    });
  }

  /** Ends a held poll as aborted (server shutdown). */
  abortAll(): void {
    this.#waiter?.finish({ kind: 'aborted' });
  }

  #confirm(offset: number): void {
    if (offset > 0) {
      const keepFrom = this.#updates.findIndex((u) => u.update_id >= offset);
      this.#updates.splice(0, keepFrom === -1 ? this.#updates.length : keepFrom);
    } else if (offset < 0) {
      this.#updates.splice(0, Math.max(0, this.#updates.length + offset));
    }
  }

  #take(limit: number): Update[] {
    return this.#updates.slice(0, limit);
  }
}
