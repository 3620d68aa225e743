/**
 * One run through an exercise as the progress store sees it: the draft saved on every change, and
 * the finished attempt recorded like a quiz result. A refused write becomes visible state.
 */
import type { ActivityRecord, AttemptRecord, ProgressApi } from '$lib/progress/api.ts';

/** What an exercise reports when the learner finishes it. */
export interface ExerciseOutcome {
  score: number;
  mistakes: string[];
}

export class ExerciseSession {
  /** True when the last draft or attempt could not be saved. */
  saveFailed = $state(false);
  /** The attempt recorded for this run, once finished. */
  finished = $state<AttemptRecord | null>(null);
  /** When this run began (kept across reloads through the draft). */
  startedAt: number;

  readonly #progress: ProgressApi;
  readonly key: string;
  readonly passMark: number;

  /**
   * @param key `exercise:<id>`
   * @param passMark share of 100 needed to pass, as for quizzes (0.8 → 80)
   */
  constructor(progress: ProgressApi, key: string, passMark: number) {
    this.#progress = progress;
    this.key = key;
    this.passMark = passMark;
    const draft = progress.activity(key)?.draft as { startedAt?: unknown } | null | undefined;
    this.startedAt = typeof draft?.startedAt === 'number' ? draft.startedAt : Date.now();
  }

  /** The learner's record of this exercise (best score, attempts, draft). */
  get record(): ActivityRecord | undefined {
    return this.#progress.activity(this.key);
  }

  /** The draft of an unfinished run, as saved by `save`. */
  draft(): unknown {
    return this.record?.draft ?? null;
  }

  /** Saves the run's state so a reload or a crash resumes it. */
  save(draft: object): void {
    this.#progress.saveDraft(this.key, { ...draft, startedAt: this.startedAt }).then(
      () => (this.saveFailed = false),
      () => (this.saveFailed = true),
    );
  }

  /** Records the finished run; the store keeps the best score and clears the draft. */
  async finish(outcome: ExerciseOutcome): Promise<void> {
    const attempt = {
      startedAt: this.startedAt,
      finishedAt: Date.now(),
      score: outcome.score,
      passed: outcome.score >= Math.round(this.passMark * 100),
      mistakes: [...new Set(outcome.mistakes)],
    };
    try {
      this.finished = await this.#progress.recordAttempt(this.key, attempt);
      this.saveFailed = false;
    } catch {
      this.finished = { ...attempt, id: 'unsaved' };
      this.saveFailed = true;
    }
  }

  /** Starts a new run after a finished one. */
  restart(): void {
    this.finished = null;
    this.startedAt = Date.now();
  }
}
