import { ReplayError, UsageError } from '../errors.js';

/**
 * Parses `--risk-free` (`2`, `4.5`): an annual rate in percent, above −100. Throws `UsageError` for anything else
 * (exit 2).
 */
export function readRiskFree(text: string): number {
  const pct = Number(text.trim().replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(pct) || pct <= -100) throw new UsageError(`--risk-free ${text} is not an annual rate`, 'write it in percent a year, e.g. --risk-free 2.5');
  return pct;
}

/** Parses `--capital` (`100000`, `100_000`): a positive amount in base currency. Throws `ReplayError` `REPLAY_BAD_CAPITAL`. */
export function readCapital(text: string): number {
  const capital = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(capital) || capital <= 0) throw new ReplayError('REPLAY_BAD_CAPITAL', `--capital ${text} is not an amount`, 'write the starting cash in base currency, e.g. --capital 100000');
  return capital;
}
