import type { ProposalStatus } from '../approval/proposal-record.js';

/**
 * Colours for text meant for people, by what the text means rather than by colour name, so every command colours
 * the same idea the same way: `heading` (a bot, a table's header row), `id` (proposal and run ids people copy),
 * `gain` / `loss` (money and percent moves), `good` / `bad` / `waiting` (where a proposal stands), `quiet` (what
 * matters less: times, file names). Each returns its text unchanged when colour is off ({@link PLAIN}).
 */
export interface Paint {
  readonly heading: (text: string) => string;
  readonly id: (text: string) => string;
  readonly gain: (text: string) => string;
  readonly loss: (text: string) => string;
  readonly good: (text: string) => string;
  readonly bad: (text: string) => string;
  readonly waiting: (text: string) => string;
  readonly quiet: (text: string) => string;
}

const same = (text: string): string => text;

/** No colour: for pipes, files, `NO_COLOR`, Telegram and tests. */
export const PLAIN: Paint = { heading: same, id: same, gain: same, loss: same, good: same, bad: same, waiting: same, quiet: same };

/**
 * An ANSI SGR style: `open` before the text, `close` after. Written out rather than through `util.styleText` or a
 * colour library, which decide on their own from the process's streams and environment (and differently across
 * Node 20 releases); here the caller decides, once ({@link paintFor}).
 */
function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

/** ANSI colours, for a terminal. */
export const COLORED: Paint = {
  heading: sgr(1, 22),
  id: sgr(36, 39),
  gain: sgr(32, 39),
  loss: sgr(31, 39),
  good: sgr(32, 39),
  bad: sgr(31, 39),
  waiting: sgr(33, 39),
  quiet: sgr(2, 22),
};

/** `gain` for a positive figure, `loss` for a negative one, nothing for zero. */
export function byDirection(paint: Paint, value: number, text: string): string {
  return value > 0 ? paint.gain(text) : value < 0 ? paint.loss(text) : text;
}

/** Where a proposal stands, coloured: `waiting` for pending, `good` approved or executed, `bad` rejected, stale or failed, `quiet` expired. */
export function byStatus(paint: Paint, status: ProposalStatus, text: string): string {
  switch (status) {
    case 'pending':
      return paint.waiting(text);
    case 'approved':
    case 'executed':
      return paint.good(text);
    case 'expired':
      return paint.quiet(text);
    case 'rejected':
    case 'stale':
    case 'failed':
      return paint.bad(text);
  }
}
