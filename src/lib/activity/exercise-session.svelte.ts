/**
 * One run through an exercise: the draft saved on every change (with when the run began), and the
 * finished attempt recorded like a quiz result, passed once the right answer is reached (practice, see pass-rule.ts).
 */
import type { ActivityRecord, AttemptRecord, ProgressApi } from '$lib/progress/api.ts';
import { ActivitySession } from './activity-session.svelte.ts';
import { passes, type PassRule } from './pass-rule.ts';

/** What an exercise reports when the learner finishes it. */
export interface ExerciseOutcome {
  score: number;
  mistakes: string[];
}

export class ExerciseSession {
  /** The attempt recorded for this run, once finished. */
  finished = $state<AttemptRecord | null>(null);
  /** When this run began (kept across reloads through the draft). */
  startedAt: number;

  readonly #activity: ActivitySession;
  readonly key: string;
  readonly passMark: number;
  readonly rule: PassRule;

  /**
   * @param key `exercise:<id>`
   * @param passMark share of 100 needed to pass, as for quizzes (0.8 → 80)
   */
  constructor(progress: ProgressApi, key: string, passMark: number) {
    this.#activity = new ActivitySession(progress, key);
    this.key = key;
    this.passMark = passMark;
    // Exercises are practice: a run is recorded once the right answer is reached, and that is done.
    this.rule = { by: 'reached' };
    const draft = this.#activity.draft as { startedAt?: unknown } | null;
    this.startedAt = typeof draft?.startedAt === 'number' ? draft.startedAt : Date.now();
  }

  /** True when the last draft or attempt could not be saved. */
  get saveFailed(): boolean {
    return this.#activity.saveFailed;
  }

  /** The learner's record of this exercise (best score, attempts, draft). */
  get record(): ActivityRecord | undefined {
    return this.#activity.record;
  }

  /** The draft of an unfinished run, as saved by `save`. */
  draft(): unknown {
    return this.#activity.draft;
  }

  /** Saves the run's state so a reload or a crash resumes it. */
  save(draft: object): void {
    this.#activity.saveDraft({ ...draft, startedAt: this.startedAt });
  }

  /** Records the finished run; the store keeps the best score and clears the draft. */
  async finish(outcome: ExerciseOutcome): Promise<void> {
    this.finished = await this.#activity.finish({
      startedAt: this.startedAt,
      finishedAt: Date.now(),
      score: outcome.score,
      passed: passes(this.rule, outcome),
      mistakes: [...new Set(outcome.mistakes)],
    });
  }

  /** Starts a new run after a finished one. */
  restart(): void {
    this.finished = null;
    this.startedAt = Date.now();
  }
}
