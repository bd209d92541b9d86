import { COLORED, PLAIN, type Paint } from './paint.js';

/**
 * Whether output for people may use colour: only on a terminal, and never when `NO_COLOR` is set to a non-empty
 * value (no-color.org).
 */
export function useColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && !env.NO_COLOR;
}

/** The {@link Paint} for a stream: colours on a terminal without `NO_COLOR` ({@link useColor}), none otherwise. */
export function paintFor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): Paint {
  return useColor(isTTY, env) ? COLORED : PLAIN;
}
