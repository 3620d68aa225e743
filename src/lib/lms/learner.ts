/**
 * The LMS learner as a profile of this browser, and what of the LMS's resume data to merge into
 * it. Pure.
 */
import type { ActivityRecord } from '$lib/progress/api.ts';
import type { ProgressData } from './suspend-data.ts';

/**
 * The profile id for an LMS learner id: readable when the id is short and plain, a hash otherwise.
 * Always the same for the same learner, so every launch opens the same progress.
 */
export function lmsProfileId(learnerId: string): string {
  const id = learnerId.trim();
  if (/^[\w.@-]{1,56}$/.test(id)) return `lms-${id}`;
  // Two FNV-1a passes (forwards, backwards) make 64 bits: no clash among one browser's learners.
  const fnv = (bytes: Iterable<number>) => {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const utf8 = new TextEncoder().encode(id);
  return `lms-h${fnv(utf8)}${fnv([...utf8].reverse())}`;
}

/**
 * A name to show from the LMS's `student_name` / `learner_name`, which LMSs usually write as
 * «Фамилия, Имя»: turned into «Имя Фамилия», cut to the 80 characters a profile name holds.
 */
export function displayName(lmsName: string, fallback: string): string {
  const parts = lmsName.split(',').map((p) => p.trim());
  const name = (parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : lmsName).replace(/\s+/g, ' ').trim();
  return (name || fallback.trim() || 'LMS').slice(0, 80);
}

/**
 * What of the LMS's copy to merge into this browser's progress. Lessons and the location merge as
 * they are (the store keeps the earliest visit, the latest place). Of activities, only attempts
 * this browser does not have: an attempt it has keeps its mistakes, which suspend data leaves
 * out; and an unfinished draft here is never replaced.
 */
export function resumeRecords(fromLms: ProgressData, local: { activities: ActivityRecord[] }): ProgressData {
  const known = new Map(local.activities.map((a) => [a.key, a]));
  const activities: ActivityRecord[] = [];
  for (const record of fromLms.activities) {
    const here = known.get(record.key);
    const ids = new Set(here?.attempts.map((a) => a.id));
    const attempts = record.attempts.filter((a) => !ids.has(a.id));
    if (attempts.length === 0) continue;
    activities.push({ ...record, attempts, draft: here?.draft ?? null });
  }
  return { lessons: fromLms.lessons, activities, meta: fromLms.meta };
}
