import { Settings } from 'luxon';

/**
 * Makes luxon throw on invalid input (unknown zone, impossible date) instead of returning an invalid DateTime
 * silently (TECH-NOTES, luxon 3). Every module that builds DateTimes imports this file first; the type augmentation
 * below tells TypeScript that DateTimes are therefore always valid (`toISO()` returns `string`, not `string | null`).
 */
Settings.throwOnInvalid = true;

declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}

/** True once this module has run; exported so importing it is never elided as unused. */
export const luxonStrict: boolean = Settings.throwOnInvalid;
