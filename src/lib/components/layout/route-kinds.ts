/** Which routes need a signed-in learner, and which are places worth resuming to. */

/** The manager area and the storage-free pages work without a learner. */
export function needsLearner(location: string): boolean {
  return !/^\/manager(\/|$)/.test(location);
}

/** Lessons, modules, exercises and tests: where «Продолжить» may take the learner back. */
export function isLearningRoute(location: string): boolean {
  return /^\/(lesson|module|exercise|quiz)\/[^/]+$|^\/final$/.test(location);
}
