/**
 * The one rule that says what the learner should do next: the next unread lesson, then the
 * module's exercises, then its quiz, then the next module, then the final test, then the
 * certificate, then spaced review. Home's main button, the module screens and the end of every
 * lesson, exercise and quiz all ask this module, so they never disagree. Pure.
 */
import type { CourseIndex, StepRef } from '../course/types.ts';
import type { ActivityRecord } from '../progress/api.ts';
import type { LessonRecord } from '../progress/records.ts';
import { courseCompletion, stepDone } from '../progress/status.ts';

type Lessons = Record<string, LessonRecord | undefined>;
type Activities = Record<string, ActivityRecord | undefined>;

/** What the learner has done so far, as the rule reads it. */
export interface JourneyState {
  lessons: Lessons;
  activities: Activities;
}

/** The next thing to do: a step of the course path, the certificate, or (with nothing left) review. */
export type NextStep =
  | { kind: 'step'; step: StepRef; /** True when the step opens a module nothing of which is done yet. */ startsModule: boolean }
  | { kind: 'certificate' }
  | { kind: 'review'; moduleId: string };

/** Where to look from: the start of the course, the start of a module, or just after a step. */
export type From = { module: string } | { after: StepRef } | null;

const sameStep = (a: StepRef, b: StepRef) => a.kind === b.kind && a.id === b.id;

/** Steps done of all steps of the course path (lessons, exercises, quizzes, the final test). */
export function courseSteps(index: CourseIndex, state: JourneyState): { done: number; total: number } {
  const done = index.steps.filter((s) => stepDone(s, state.lessons, state.activities)).length;
  return { done, total: index.steps.length };
}

/**
 * The next step for the learner. Looks forward from `from` (the course's start by default), then
 * wraps to the start, so a step skipped earlier is never lost. From a step (`after`), that step
 * itself comes first while it is not done: a quiz not yet passed waits before the next module. With every step done: the certificate, or a
 * review that is due (`dueReview`, from review-schedule.ts) once the certificate has been seen.
 * Without `from`, the place the learner stopped (`resume`) comes first while its step is open.
 */
export function nextStep(
  index: CourseIndex,
  state: JourneyState,
  from: From = null,
  options: { dueReview?: string | null; certificateSeen?: boolean; resume?: StepRef | null } = {},
): NextStep {
  const steps = index.steps;
  // Where the learner stopped, if that step is still open (a lesson half read, a quiz mid-way): back there.
  const resume = options.resume ? steps.find((s) => sameStep(s, options.resume as StepRef)) : undefined;
  if (!from && resume && !stepDone(resume, state.lessons, state.activities)) return { kind: 'step', step: resume, startsModule: startsModule(index, state, resume) };
  let start = 0;
  if (from && 'after' in from) {
    const at = steps.findIndex((s) => sameStep(s, from.after));
    start = at === -1 ? 0 : at;
  } else if (from && 'module' in from) {
    const at = steps.findIndex((s) => s.moduleId === from.module);
    start = at === -1 ? 0 : at;
  }
  const order = [...steps.slice(start), ...steps.slice(0, start)];
  const step = order.find((s) => !stepDone(s, state.lessons, state.activities));
  if (step) return { kind: 'step', step, startsModule: startsModule(index, state, step) };
  if (options.dueReview && options.certificateSeen) return { kind: 'review', moduleId: options.dueReview };
  if (courseCompletion(index, state.lessons, state.activities).complete) return { kind: 'certificate' };
  // Every step is done but the course is not complete: cannot happen with a consistent index.
  return options.dueReview ? { kind: 'review', moduleId: options.dueReview } : { kind: 'certificate' };
}

function startsModule(index: CourseIndex, state: JourneyState, step: StepRef): boolean {
  if (!step.moduleId) return false;
  return index.steps.filter((s) => s.moduleId === step.moduleId).every((s) => !stepDone(s, state.lessons, state.activities));
}

/** The modules done, in course order (the links of the learner's chain on home). */
export function modulesDone(index: CourseIndex, state: JourneyState): string[] {
  return index.modules
    .filter((m) => index.steps.filter((s) => s.moduleId === m.id).every((s) => stepDone(s, state.lessons, state.activities)))
    .map((m) => m.id);
}
