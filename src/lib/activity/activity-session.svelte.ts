/**
 * What every activity (quiz, exercise) does with the learner's progress, in one place: read its
 * record and draft, save the draft as the learner goes, record a finished attempt, and make a
 * refused write visible (`saveFailed`) instead of losing it silently. The activity keeps its own
 * steps; this keeps the bookkeeping.
 */
import type { ActivityRecord, AttemptRecord, NewAttempt, ProgressApi } from '$lib/progress/api.ts';

export class ActivitySession {
  /** True when the last draft or attempt could not be saved; the next successful save clears it. */
  saveFailed = $state(false);

  readonly key: string;
  readonly #progress: ProgressApi;

  /** @param key `quiz:<moduleId>`, `exercise:<id>` or `final` */
  constructor(progress: ProgressApi, key: string) {
    this.#progress = progress;
    this.key = key;
  }

  /** The learner's record of this activity (best score, attempts, draft). */
  get record(): ActivityRecord | undefined {
    return this.#progress.activity(this.key);
  }

  /** The draft of an unfinished run, or null. */
  get draft(): unknown {
    return this.record?.draft ?? null;
  }

  /** Saves the run so far, so a reload or a crash resumes it. */
  saveDraft(draft: unknown): void {
    this.#progress.saveDraft(this.key, draft).then(
      () => (this.saveFailed = false),
      (error: unknown) => {
        console.warn('Draft not saved', error);
        this.saveFailed = true;
      },
    );
  }

  /** Records a finished attempt (the store clears the draft); an unsaved one comes back with id `unsaved`. */
  async finish(attempt: NewAttempt): Promise<AttemptRecord> {
    try {
      const stored = await this.#progress.recordAttempt(this.key, attempt);
      this.saveFailed = false;
      return stored;
    } catch (error) {
      console.warn('Attempt not saved', error);
      this.saveFailed = true;
      return { ...attempt, id: 'unsaved' };
    }
  }
}
