/** Session time as each SCORM version spells it. Pure. */

/**
 * SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2–4 digits, hundredths). Capped at 9999:59:59.99,
 * the largest value the format can hold; negative or non-finite input counts as zero.
 */
export function scorm12Time(ms: number): string {
  const hundredths = Math.min(Math.max(0, Math.round(Number.isFinite(ms) ? ms / 10 : 0)), 9999 * 360_000 + 359_999);
  const h = Math.floor(hundredths / 360_000);
  const m = Math.floor((hundredths % 360_000) / 6000);
  const s = Math.floor((hundredths % 6000) / 100);
  const cs = hundredths % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(h).padStart(4, '0')}:${two(m)}:${two(s)}.${two(cs)}`;
}

/**
 * SCORM 2004 timeinterval: an ISO 8601 duration like `PT1H5M30.25S` (hours, minutes, seconds to the
 * hundredth; zero parts left out; `PT0S` for nothing).
 */
export function iso8601Duration(ms: number): string {
  const hundredths = Math.max(0, Math.round(Number.isFinite(ms) ? ms / 10 : 0));
  const h = Math.floor(hundredths / 360_000);
  const m = Math.floor((hundredths % 360_000) / 6000);
  const cs = hundredths % 6000;
  const seconds = cs % 100 === 0 ? String(cs / 100) : (cs / 100).toFixed(2).replace(/0$/, '');
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${cs ? `${seconds}S` : ''}`;
  return `PT${parts || '0S'}`;
}
