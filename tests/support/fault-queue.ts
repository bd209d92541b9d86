import type { FaultSpec } from './bot-api-types.js';

/** An HTTP answer a fault sends instead of (or after) the real one; `drop` sends nothing. */
export type FaultAnswer =
  | { readonly kind: 'drop' }
  | { readonly kind: 'respond'; readonly status: number; readonly contentType: string; readonly body: string; readonly description: string };

interface Entry {
  readonly spec: FaultSpec;
  remaining: number;
}

/**
 * Injected faults in injection order. A call takes the first entry whose method matches (or `'*'`); the entry
 * is removed once it has hit `times` calls.
 */
export class FaultQueue {
  readonly #entries: Entry[] = [];

  /** Adds a fault; `times` defaults to 1 and must be a positive integer. Throws `RangeError` otherwise. */
  inject(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`Fault times must be a positive integer, got ${times}.`);
    if (spec.retryAfter !== undefined && !(spec.retryAfter >= 0)) {
      throw new RangeError(`Fault retryAfter must be >= 0 seconds, got ${spec.retryAfter}.`);
    }
    this.#entries.push({ spec, remaining: times });
  }

  /** The fault that hits a call of `method` (canonical name), consuming one use; undefined when none. */
  take(method: string): FaultSpec | undefined {
    const index = this.#entries.findIndex((e) => e.spec.method === '*' || e.spec.method.toLowerCase() === method.toLowerCase());
    const entry = this.#entries[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#entries.splice(index, 1);
    return entry.spec;
  }
}

/** The answer of a fault, in the shape Telegram (or its proxy) sends it. `retryAfter` defaults to 1 second. */
export function faultAnswer(spec: FaultSpec): FaultAnswer {
  switch (spec.kind) {
    case 'drop':
      return { kind: 'drop' };
    case '429': {
      const retryAfter = spec.retryAfter ?? 1;
      const description = `Too Many Requests: retry after ${retryAfter}`;
      return json(429, { ok: false, error_code: 429, description, parameters: { retry_after: retryAfter } }, description);
    }
    case '500':
      return json(500, { ok: false, error_code: 500, description: 'Internal Server Error' }, 'Internal Server Error');
    case '502':
      if (spec.htmlBody) {
        const body = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
        return { kind: 'respond', status: 502, contentType: 'text/html', body, description: 'Bad Gateway' };
      }
      return json(502, { ok: false, error_code: 502, description: 'Bad Gateway' }, 'Bad Gateway');
  }
}

function json(status: number, envelope: object, description: string): FaultAnswer {
  return { kind: 'respond', status, contentType: 'application/json', body: JSON.stringify(envelope), description };
}
