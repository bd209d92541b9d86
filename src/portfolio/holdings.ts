/**
 * One open position as the evaluation core sees it.
 *
 * Units: `quantity` in shares, `averageCost` in base currency per share, `openedDate` as `YYYY-MM-DD`
 * (the date of the first lot still held; days held count from it).
 */
export interface Position {
  readonly symbol: string;
  readonly quantity: number;
  readonly averageCost: number;
  readonly openedDate: string;
}

/**
 * An account's holdings at one moment: cash in base currency and its open positions (one per symbol).
 * The evaluation core reads nothing else about the account.
 */
export interface Holdings {
  readonly cash: number;
  readonly positions: readonly Position[];
}
