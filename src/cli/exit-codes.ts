/** Exit codes of every command: 0 success, 1 a problem in the inputs or policies, 2 a usage error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
