/**
 * Spaced review («Повторение»): 2, 7 and 21 days after a module is done, a three-question
 * refresher from that module's quiz, the questions the learner first got wrong coming first.
 * Reviews are stored as activity records `review:<moduleId>:<round>`, so they travel with the
 * learner's progress (backup, reports) like every other attempt. Pure. Which questions a review
 * asks is review-questions.ts, with the review screen (every screen's next step reads this file).
 */
import type { CourseIndex, ModuleEntry } from '../course/types.ts';
import type { ActivityRecord } from '../progress/api.ts';
import { activityKey, stepDone } from '../progress/status.ts';
import type { JourneyState } from './next-step.ts';

/** Days after a module is done when its review rounds fall due. */
export const REVIEW_DAYS = [2, 7, 21] as const;
/** Questions in one review. */
export const REVIEW_SIZE = 3;
const DAY = 24 * 60 * 60 * 1000;

/** The storage key of a review round (1-based). */
export const reviewKey = (moduleId: string, round: number) => `review:${moduleId}:${round}`;

/** Reads `review:<moduleId>:<round>` back; null for any other key. */
export function parseReviewKey(key: string): { moduleId: string; round: number } | null {
  const match = /^review:(.+):([1-9])$/.exec(key);
  return match?.[1] && match[2] ? { moduleId: match[1], round: Number(match[2]) } : null;
}

/** A review round the learner can take now. */
export interface DueReview {
  moduleId: string;
  /** 1, 2 or 3 (the 2-, 7- and 21-day review). */
  round: number;
  dueAt: number;
}

const finishedAt = (record: ActivityRecord | undefined, passedOnly: boolean) => {
  const times = record?.attempts.filter((a) => !passedOnly || a.passed).map((a) => a.finishedAt) ?? [];
  return times.length ? Math.min(...times) : null;
};

/** When a module became done (the last of its steps to be done), or null while it is not. */
export function moduleDoneAt(module: ModuleEntry, state: JourneyState): number | null {
  const times: number[] = [];
  for (const lesson of module.lessons) {
    const at = state.lessons[lesson.id]?.finishedAt;
    if (!at) return null;
    times.push(at);
  }
  for (const activity of module.activities) {
    if (!stepDone(activity, state.lessons, state.activities)) return null;
    const at = finishedAt(state.activities[activityKey(activity.kind, activity.id)], activity.kind === 'quiz');
    if (at !== null) times.push(at);
  }
  return times.length ? Math.max(...times) : null;
}

/** Whether round `round` (or a later one, which covers it) of a module's review was taken. */
const roundTaken = (moduleId: string, round: number, activities: JourneyState['activities']) =>
  REVIEW_DAYS.some((_, i) => i + 1 >= round && (activities[reviewKey(moduleId, i + 1)]?.attempts.length ?? 0) > 0);

/**
 * The reviews due at `now`, oldest first: per done module with a quiz, the latest round whose day
 * has come and that was not taken (a learner back after a month gets one review, not three).
 */
export function reviewsDue(index: CourseIndex, state: JourneyState, now: number): DueReview[] {
  const due: DueReview[] = [];
  for (const module of index.modules) {
    if (!module.activities.some((a) => a.kind === 'quiz')) continue;
    const doneAt = moduleDoneAt(module, state);
    if (doneAt === null) continue;
    for (let round = REVIEW_DAYS.length; round >= 1; round--) {
      const dueAt = doneAt + (REVIEW_DAYS[round - 1] ?? 0) * DAY;
      if (now < dueAt) continue;
      if (!roundTaken(module.id, round, state.activities)) due.push({ moduleId: module.id, round, dueAt });
      break;
    }
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
}

/** When the next review of any module falls due after `now` (for «следующее повторение …»), or null. */
export function nextReviewAt(index: CourseIndex, state: JourneyState, now: number): number | null {
  const times: number[] = [];
  for (const module of index.modules) {
    if (!module.activities.some((a) => a.kind === 'quiz')) continue;
    const doneAt = moduleDoneAt(module, state);
    if (doneAt === null) continue;
    REVIEW_DAYS.forEach((days, i) => {
      const at = doneAt + days * DAY;
      if (at > now && !roundTaken(module.id, i + 1, state.activities)) times.push(at);
    });
  }
  return times.length ? Math.min(...times) : null;
}

/** Every review taken, for the report to the manager: module, round, when, score. */
export function reviewsTaken(activities: JourneyState['activities']): { moduleId: string; round: number; at: number; score: number }[] {
  const out: { moduleId: string; round: number; at: number; score: number }[] = [];
  for (const [key, record] of Object.entries(activities)) {
    const parsed = parseReviewKey(key);
    const last = record?.attempts.at(-1);
    if (parsed && last) out.push({ ...parsed, at: last.finishedAt, score: last.score });
  }
  return out.sort((a, b) => a.at - b.at);
}
