/**
 * Coalesces writes of one document: `changed()` asks for a write, and every change asked for while a write is in
 * flight goes out together in the next one (a burst of a thousand changes costs two writes, not a thousand).
 * `flushed()` resolves once everything changed before the call is written, and rejects if that write failed; a
 * later change retries. The first write starts after the current synchronous code, so changes made together are
 * written together.
 */
export class WriteBehind {
  readonly #write: () => Promise<void>;
  #requested = 0;
  #written = 0;
  #running: Promise<void> | undefined;
  #failure: { readonly upTo: number; readonly error: unknown } | undefined;

  /** `write` writes the whole document as it is when called. */
  constructor(write: () => Promise<void>) {
    this.#write = write;
  }

  /** Asks for a write of the document as it will be once the current synchronous code has run. */
  changed(): void {
    this.#requested += 1;
    this.#failure = undefined;
    this.#running ??= Promise.resolve().then(() => this.#drain());
  }

  /** Resolves once every change requested so far is written; rejects with the write's error when it failed. */
  async flushed(): Promise<void> {
    const target = this.#requested;
    while (this.#written < target) {
      if (this.#failure !== undefined && this.#failure.upTo >= target) throw this.#failure.error;
      if (this.#running === undefined) this.#running = this.#drain();
      await this.#running;
    }
  }

  async #drain(): Promise<void> {
    try {
      while (this.#written < this.#requested) {
        const upTo = this.#requested;
        try {
          await this.#write();
        } catch (error) {
          this.#failure = { upTo, error };
          return;
        }
        this.#written = upTo;
      }
    } finally {
      this.#running = undefined;
    }
  }
}
