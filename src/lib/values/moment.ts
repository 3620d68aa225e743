/**
 * The bounds of a moment (ms since the epoch) in any record, file or link: from 2020 to a day after
 * the device's clock. Apart from values/bounds.ts (which adds the valibot schemas) so a checker that
 * needs only these numbers does not fetch valibot. Pure; no Svelte. "Now" is read when a value is
 * checked (tests set it with a fake clock).
 */
const DAY_MS = 86_400_000;
/** No record of this course is older than this. */
export const TIME_MIN = Date.UTC(2020, 0, 1);
/** A moment may be up to this far ahead of the device's clock (clocks differ between devices). */
export const FUTURE_SLACK_MS = DAY_MS;

/** Latest acceptable moment now. */
export const latestMoment = (now = Date.now()): number => now + FUTURE_SLACK_MS;

/** True for a whole number of ms between 2020-01-01 and a day after `now`. */
export function isMoment(value: unknown, now = Date.now()): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= TIME_MIN && value <= latestMoment(now);
}

/**
 * A moment as a stored record is read: a whole number of ms from 2020, else why not; one ahead of
 * now (a clock that was put back) reads as now, so no record is lost to it.
 */
export function readStoredMoment(value: unknown): { ok: true; moment: number } | { ok: false; problem: string } {
  if (typeof value !== 'number' || Number.isNaN(value)) return { ok: false, problem: 'must be a number' };
  if (!Number.isInteger(value)) return { ok: false, problem: 'must be a whole number of milliseconds' };
  if (value < TIME_MIN) return { ok: false, problem: 'must not be before 2020' };
  if (value > 8.64e15) return { ok: false, problem: 'must be a moment' };
  return { ok: true, moment: Math.min(value, latestMoment()) };
}
