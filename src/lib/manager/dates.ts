/**
 * Calendar days `YYYY-MM-DD` as the manager area uses them: due dates have no time zone (the day
 * is the day), so they are shown and counted in UTC, never shifted by the device's offset. Pure.
 */
import { isIsoDay } from '../exchange/schema.ts';

const parts = (day: string): [number, number, number] => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m, d];
};

/** A day as the reader writes it, e.g. «20 мая 2025 г.» or “May 20, 2025”; the text itself if it is not a day. */
export function formatDay(day: string, locale: string): string {
  if (!isIsoDay(day)) return day;
  const [y, m, d] = parts(day);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** A moment (ms) as the reader writes a date and time, in the device's time zone. */
export function formatMoment(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** The day `days` after `day` (negative goes back), across months and years. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
