/**
 * The keys of a learner's records: `learner/<id>/lesson/<lessonId>`, `…/activity/<key>`, `…/meta`
 * and `…/assignment/<assignmentId>`. The progress store and the intake (learner-intake.ts) build
 * them here, the one place that spells them.
 */
import { checkedProfileId } from '../values/profile-id.ts';
import type { ActivityKey } from './api.ts';

/** Every key is built from a checked profile id: `<id>/lesson` or any other path is refused (throws). */
export const learnerPrefix = (id: string) => `learner/${checkedProfileId(id)}/`;
export const lessonKey = (id: string, lessonId: string) => `${learnerPrefix(id)}lesson/${lessonId}`;
export const activityStoreKey = (id: string, key: ActivityKey) => `${learnerPrefix(id)}activity/${key}`;
export const metaKey = (id: string) => `${learnerPrefix(id)}meta`;
export const assignmentKey = (id: string, assignmentId: string) => `${learnerPrefix(id)}assignment/${assignmentId}`;
