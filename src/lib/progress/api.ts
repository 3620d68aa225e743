/**
 * What quizzes, exercises and screens may ask of the learner's progress. Components get it with
 * `getProgress()` (context); they never touch storage themselves.
 */
import { getContext, setContext } from 'svelte';

/** Key of an activity: `quiz:<moduleId>`, `exercise:<exerciseId>` or `final`. */
export type ActivityKey = string;

/** One finished attempt at a quiz, the final test or an exercise. */
export interface AttemptRecord {
  /** Random id, so the same attempt imported twice is recognised. */
  id: string;
  startedAt: number;
  finishedAt: number;
  /** Percent, 0..100, whole number. */
  score: number;
  passed: boolean;
  /** Ids of questions (or hand-offs, links…) answered wrongly, for «что повторить». */
  mistakes: string[];
}

/** Everything stored for one activity of one learner. */
export interface ActivityRecord {
  key: ActivityKey;
  attempts: AttemptRecord[];
  /** Best score over all attempts, 0..100 (0 with no attempts). */
  best: number;
  /** True once any attempt passed. */
  passed: boolean;
  /** Answers of an unfinished attempt (shape owned by the activity), or null. */
  draft: unknown;
  updatedAt: number;
}

/** A finished attempt as an activity reports it; the store assigns the id. */
export type NewAttempt = Omit<AttemptRecord, 'id'>;

export interface ProgressApi {
  /** The current learner's record of an activity; reactive when read inside `$derived`/markup. */
  activity(key: ActivityKey): ActivityRecord | undefined;
  /** Saves the answers given so far; call on every answer so nothing is lost mid-quiz. */
  saveDraft(key: ActivityKey, draft: unknown): Promise<void>;
  /** Stores a finished attempt (and clears the draft); best score and passed are kept up to date. */
  recordAttempt(key: ActivityKey, attempt: NewAttempt): Promise<AttemptRecord>;
  /** Remembers the learner's place (a hash route like `#/quiz/x?q=3`) for «Продолжить». */
  setLocation(hash: string): void;
}

const KEY = Symbol('progress');

/** Makes the progress store available to every component below. */
export function setProgress(api: ProgressApi): ProgressApi {
  return setContext(KEY, api);
}

/** The progress store set by the app shell (or a test harness). */
export function getProgress(): ProgressApi {
  const api = getContext<ProgressApi | undefined>(KEY);
  if (!api) throw new Error('getProgress() called outside the app shell: no progress store in context');
  return api;
}

/** Records an attempt into an activity record (pure: used by every store and by backup merge). */
export function withAttempt(record: ActivityRecord | undefined, key: ActivityKey, attempt: AttemptRecord): ActivityRecord {
  const attempts = [...(record?.attempts ?? []).filter((a) => a.id !== attempt.id), attempt].sort((a, b) => a.finishedAt - b.finishedAt);
  return {
    key,
    attempts,
    best: Math.max(0, ...attempts.map((a) => a.score)),
    passed: attempts.some((a) => a.passed),
    draft: null,
    updatedAt: Math.max(record?.updatedAt ?? 0, attempt.finishedAt),
  };
}
