/**
 * The learner's journey as the screens read it: the next step (from the one rule in
 * next-step.ts), the steps done, the modules done and a due review — derived from the progress
 * store, so every screen that asks gets the same answer.
 */
import { courseIndex } from '$lib/course/course.ts';
import { locate } from '$lib/course/locate.ts';
import { courseSteps, modulesDone, nextStep, type From, type JourneyState } from '$lib/journey/next-step.ts';
import { reviewsDue } from '$lib/journey/review-schedule.ts';
import { describeNext, type ShownStep } from '$lib/journey/describe.ts';
import { courseCompletion } from '$lib/progress/status.ts';

/** The key under which opening the certificate is noted (an activity record with a draft only). */
export const CERTIFICATE_SEEN = 'certificate-seen';

/** What a screen needs to know about the journey, for the progress in `state`. */
export function journeyOf(state: JourneyState & { location?: string | null }, from: From = null, now = Date.now()) {
  const due = reviewsDue(courseIndex, state, now);
  const certificateSeen = !!state.activities[CERTIFICATE_SEEN];
  const resume = locate(courseIndex, state.location ?? null)?.step ?? null;
  const next = nextStep(courseIndex, state, from, { dueReview: due[0]?.moduleId ?? null, certificateSeen, resume });
  const shown: ShownStep = describeNext(courseIndex, next, state.location ?? null);
  return {
    next,
    shown,
    steps: courseSteps(courseIndex, state),
    done: modulesDone(courseIndex, state),
    due,
    complete: courseCompletion(courseIndex, state.lessons, state.activities).complete,
  };
}
