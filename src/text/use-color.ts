/**
 * Whether output for people may use colour: only on a terminal, and never when `NO_COLOR` is set to a non-empty
 * value (no-color.org).
 */
export function useColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && !env.NO_COLOR;
}
