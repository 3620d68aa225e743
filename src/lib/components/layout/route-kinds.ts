/** Which routes need a signed-in learner, and which are places worth resuming to. */

/**
 * The manager area and the storage-free pages work without a learner; so does a learner's report
 * link (`/report/<payload>`), which the manager opens (the learner's own `/report` needs them).
 */
export function needsLearner(location: string): boolean {
  return !/^\/manager(\/|$)|^\/report\/./.test(location);
}

/**
 * Lessons, exercises and tests: where «Продолжить» may take the learner back. A module's overview
 * is not a place to resume, so glancing at it keeps the exact lesson or question.
 */
export function isLearningRoute(location: string): boolean {
  return /^\/(lesson|exercise|quiz)\/[^/]+$|^\/final$/.test(location);
}
