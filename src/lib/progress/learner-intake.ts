/**
 * What reaches a learner's records from outside their own learning: an assignment accepted from a
 * link, an assignment the manager gives on this tablet, and records merged from a backup file.
 * Fetched when first used (the assignment screen, the manager area, a backup import), not with
 * the first screen; the progress store (learner.svelte.ts) keeps its methods and hands in access.
 */
import { matchAssignment } from '../exchange/identity.ts';
import type { Assignment } from '../exchange/types.ts';
import type { AcceptResult, LearnerRecords } from './learner.svelte.ts';
import { activityStoreKey, assignmentKey, lessonKey, metaKey } from './learner-keys.ts';
import { mergeActivity, mergeLesson, mergeMeta, type AcceptedAssignment } from './records.ts';
import type { StorageHealth } from './storage-health.svelte.ts';

/** What the progress store lets the intake touch. */
export interface LearnerAccess {
  db(): StorageHealth['db'];
  /** Runs writes the way the store does (a failure shows through StorageHealth: undefined then). */
  write<R>(task: () => Promise<R>): Promise<R | undefined>;
  /** The learner whose progress is open, or null. */
  learnerId(): string | null;
  /** The open learner's accepted assignments (the store's state, changed in place). */
  assignments(): Record<string, AcceptedAssignment>;
  /** Reads the open learner's records again: all of them, or only their assignments. */
  reload(id: string, only?: 'assignments'): Promise<void>;
}

/** Merges a backup's records (plain data) into a learner's; keeps the best of both. */
export async function mergeRecords(access: LearnerAccess, profileId: string, data: LearnerRecords): Promise<void> {
  const db = access.db();
  await access.write(async () => {
    for (const lesson of data.lessons) await db.update('lesson', lessonKey(profileId, lesson.lessonId), (c) => mergeLesson(c, lesson));
    for (const activity of data.activities) await db.update('activity', activityStoreKey(profileId, activity.key), (c) => mergeActivity(c, activity));
    const meta = data.meta;
    if (meta) await db.update('meta', metaKey(profileId), (c) => mergeMeta(c, meta));
  });
  if (profileId === access.learnerId()) await access.reload(profileId);
}

/** Accepts an assignment (plain data) into the open learner's records; the same assignment twice is kept once. */
export async function acceptAssignment(access: LearnerAccess, assignment: Assignment): Promise<AcceptResult> {
  const id = access.learnerId();
  if (!id) return 'no-learner';
  const assignments = access.assignments();
  const known = matchAssignment(assignments[assignment.id]?.assignment, assignment);
  if (known !== 'new') return known === 'same' ? 'already' : 'conflict';
  let match: ReturnType<typeof matchAssignment> = 'new';
  const accepted: AcceptedAssignment = { assignment, acceptedAt: Date.now() };
  const stored = await access.write(() =>
    access.db().update('assignment', assignmentKey(id, assignment.id), (current) => {
      // Compared by content: another assignment reusing this id is neither kept nor shown as accepted.
      match = matchAssignment(current?.assignment, accepted.assignment);
      return current ?? accepted;
    }),
  );
  assignments[assignment.id] = stored ?? accepted;
  return match === 'new' ? 'accepted' : match === 'same' ? 'already' : 'conflict';
}

/** Gives an assignment (plain data) to learners on this tablet; returns how many got it now. */
export async function giveAssignment(access: LearnerAccess, assignment: Assignment, profileIds: readonly string[]): Promise<number> {
  let added = 0;
  await access.write(async () => {
    for (const profileId of profileIds) {
      await access.db().update('assignment', assignmentKey(profileId, assignment.id), (current) => {
        if (!current) added++;
        return current ?? { assignment, acceptedAt: Date.now() };
      });
    }
  });
  const learner = access.learnerId();
  if (learner && profileIds.includes(learner)) await access.reload(learner, 'assignments');
  return added;
}
