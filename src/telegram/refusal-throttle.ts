/**
 * Limits how often one stranger is answered and how many refusals their flood stores: per key (an actor and a
 * reason), the first event of a window is `admit`ted (store it, reply), the rest of the window are only counted,
 * and when the window ends the count is handed to `flush` (store one refusal standing for all of them). So a
 * thousand messages in a second cost one reply and two stored refusals instead of a thousand of each.
 */
export class RefusalThrottle {
  readonly #windowMs: number;
  readonly #flush: (key: string, suppressed: number, windowMs: number) => void;
  readonly #windows = new Map<string, { suppressed: number }>();

  /** `windowMs`: how long after an admitted event the same key is only counted. */
  constructor(windowMs: number, flush: (key: string, suppressed: number, windowMs: number) => void) {
    this.#windowMs = windowMs;
    this.#flush = flush;
  }

  /** True for the first event of a key's window (store it and reply); false while the window is open (counted). */
  admit(key: string): boolean {
    const open = this.#windows.get(key);
    if (open !== undefined) {
      open.suppressed += 1;
      return false;
    }
    const window = { suppressed: 0 };
    this.#windows.set(key, window);
    setTimeout(() => {
      this.#windows.delete(key);
      if (window.suppressed > 0) this.#flush(key, window.suppressed, this.#windowMs);
    }, this.#windowMs).unref();
    return true;
  }
}
