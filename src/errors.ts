/**
 * Every error Ballast shows a user. Each has a `code` to test and branch on, a message that says what to do,
 * and the original error as `cause` when there was one. The CLI prints `message` (never a stack trace) and maps
 * the class to an exit code; nothing else calls `process.exit`.
 */
export class BallastError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BallastError';
    this.code = code;
  }
}

/** The command line was wrong: unknown option, missing argument. Exit code 2. */
export class UsageError extends BallastError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

/** One problem in an input file, at a 1-based row (the line number in the file) and, where known, a column name. */
export interface InputProblem {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

/**
 * Input files (holdings, prices) are unusable. Carries every problem found, each with its file and row,
 * so the user fixes them all in one pass.
 */
export class InputError extends BallastError {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super('BAD_INPUT', problems.map(formatInputProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Formats an input problem as `file:row  column  message`. */
export function formatInputProblem(problem: InputProblem): string {
  const where = problem.row === undefined ? problem.file : `${problem.file}:${problem.row}`;
  return `${where}  ${problem.column ? `${problem.column}  ` : ''}${problem.message}`;
}
