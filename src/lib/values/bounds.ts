/**
 * Bounds for every value read from a file, a link or the store, so a screen can always show it: a
 * moment between 2020 and a day after now, a due day up to a few years ahead, a whole percent, a
 * bounded count, an ISO 8601 string `Date` really parses. Pure; no Svelte. "Now" is read when a
 * value is checked (tests set it with a fake clock).
 */
import * as v from 'valibot';
import { isMoment, latestMoment, TIME_MIN } from './moment.ts';

export { FUTURE_SLACK_MS, isMoment, latestMoment, TIME_MIN } from './moment.ts';
/** How far ahead an assignment may be due. */
export const DUE_YEARS_AHEAD = 5;
/** Most attempts one activity keeps; the longest list a file may carry. */
export const ATTEMPTS_MAX = 1000;

/** A moment something happened (ms since the epoch): 2020-01-01 .. now + 1 day, whole. */
export const MomentSchema = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(TIME_MIN, 'must not be before 2020'),
  v.check((t) => t <= latestMoment(), 'must not be in the future'),
);

/** A moment, or 0 for "never" (fields whose default is 0). */
export const MomentOrZeroSchema = v.union([v.literal(0), MomentSchema]);

/** Latest due day acceptable now, `YYYY-MM-DD` (UTC). */
export function latestDueDay(now = Date.now()): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear() + DUE_YEARS_AHEAD, d.getUTCMonth(), d.getUTCDate())).toISOString().slice(0, 10);
}

/** True for a real calendar day `YYYY-MM-DD` (rejects 2025-02-30), 2020-01-01 .. a few years from now. */
export function isDueDay(s: unknown, now = Date.now()): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && s >= '2020-01-01' && s <= latestDueDay(now);
}

/** A due day `YYYY-MM-DD`. */
export const DueDaySchema = v.pipe(v.string(), v.check((s) => isDueDay(s), 'must be a real day YYYY-MM-DD from 2020 to a few years ahead'));

const ISO_MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * The moment of an ISO 8601 date-time string, or null: only the full form with a zone (`Z` or
 * `±hh:mm`) whose every field is in range, that `Date` parses, within the moment bounds.
 * `2024-01-01T23:59:59+05` (a zone without minutes) is refused.
 */
export function isoMoment(text: unknown, now = Date.now()): number | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const m = ISO_MOMENT.exec(text);
  if (!m) return null;
  const [mo, d, h, mi, s = '0', zh = '0', zm = '0'] = m.slice(2).map((x) => x ?? undefined) as string[];
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(zh) > 14 || Number(zm) > 59) return null;
  const t = Date.parse(text);
  if (!Number.isFinite(t)) return null;
  // Date.parse rolls 2025-02-30 over to March: the day must survive the round trip.
  const offset = (text.endsWith('Z') ? 0 : (text.at(-6) === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm))) * 60_000;
  if (new Date(t + offset).getUTCDate() !== Number(d)) return null;
  const ms = Math.floor(t);
  return isMoment(ms, now) ? ms : null;
}

/** An ISO 8601 moment string, normalised to `toISOString()` form (UTC, `Z`). */
export const IsoMomentSchema = v.pipe(
  v.string(),
  v.check((s) => isoMoment(s) !== null, 'must be an ISO 8601 date-time with a time zone, from 2020 to now'),
  v.transform((s) => new Date(isoMoment(s) ?? 0).toISOString()),
);

/** A whole percent 0..100. */
export const PercentSchema = v.pipe(v.number(), v.integer('must be a whole percent'), v.minValue(0), v.maxValue(100));

/** A whole count 0..max. */
export const countSchema = (max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(max));

/** A moment as a screen may safely format it: in bounds, else null. */
export const showableMoment = (value: unknown, now = Date.now()): number | null => (isMoment(value, now) ? value : null);
