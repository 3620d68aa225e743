/**
 * The LMS learner as a profile of this browser, and what of the LMS's resume data to merge into
 * it. Pure.
 */
import type { ActivityRecord } from '$lib/progress/api.ts';
import { fitName } from '$lib/values/name.ts';
import type { ProgressData } from './suspend-data.ts';

/**
 * The profile id for an LMS learner id: readable when the id is short and plain, a hash otherwise.
 * Always the same for the same learner, so every launch opens the same progress.
 */
export function lmsProfileId(learnerId: string): string {
  const id = learnerId.trim();
  if (/^[\w.@-]{1,56}$/.test(id)) return `lms-${id}`;
  return hashedProfileId(id);
}

/** Two FNV-1a passes (forwards, backwards) make 64 bits: no clash among one browser's learners. */
function hashedProfileId(id: string): string {
  const fnv = (bytes: Iterable<number>) => {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const utf8 = new TextEncoder().encode(id);
  return `lms-h${fnv(utf8)}${fnv([...utf8].reverse())}`;
}

/** A profile id holds 64 characters (record-schemas.ts). */
const MAX_PROFILE_ID = 64;

/**
 * The profile of a later LMS attempt of the same learner: the learner's id, `~` and when the
 * attempt began. A new attempt gets its own, so what this browser kept of an earlier attempt
 * is set aside (kept, never merged into the new one).
 */
export function lmsAttemptProfileId(learnerId: string, startedAt: number): string {
  const tag = `~${Math.max(0, Math.floor(startedAt)).toString(36)}`;
  const base = lmsProfileId(learnerId);
  return base.length + tag.length <= MAX_PROFILE_ID ? base + tag : hashedProfileId(learnerId.trim()) + tag;
}

/** Whether a profile id is one of this LMS learner's attempts (the first, or a later one). */
export function isLmsProfileOf(learnerId: string, profileId: string): boolean {
  const base = lmsProfileId(learnerId);
  return profileId === base || profileId.startsWith(`${base}~`) || profileId.startsWith(`${hashedProfileId(learnerId.trim())}~`);
}

/** The learner's most recently used profile in this browser, or their first one's id when none. */
export function latestLmsProfile(learnerId: string, profiles: readonly { id: string; lastActiveAt: number }[]): { id: string; exists: boolean } {
  const latest = profiles.filter((p) => isLmsProfileOf(learnerId, p.id)).sort((a, b) => b.lastActiveAt - a.lastActiveAt)[0];
  return latest ? { id: latest.id, exists: true } : { id: lmsProfileId(learnerId), exists: false };
}

/**
 * A name to show from the LMS's `student_name` / `learner_name`, which LMSs usually write as
 * «Фамилия, Имя»: turned into «Имя Фамилия» and made fit by the one name rule (values/name.ts):
 * hidden, bidi and control characters become spaces, cut to 80 visible characters. A name with
 * nothing visible left falls back to the learner id (made fit the same way), then to «LMS».
 */
export function displayName(lmsName: string, fallback: string): string {
  const parts = lmsName.split(',').map((p) => p.trim());
  const name = parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : lmsName;
  return fitName(name, fitName(fallback, 'LMS'));
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
