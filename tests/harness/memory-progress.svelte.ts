/**
 * A progress store that lives in memory only: for component tests and harnesses. The app uses the
 * persistent store; both honour the same ProgressApi.
 */
import { withAttempt, type ActivityKey, type ActivityRecord, type AttemptRecord, type NewAttempt, type ProgressApi } from '$lib/progress/api.ts';

export class MemoryProgress implements ProgressApi {
  #activities = $state<Record<ActivityKey, ActivityRecord>>({});
  #location = $state<string | null>(null);

  /** The last place set with setLocation. */
  get location(): string | null {
    return this.#location;
  }

  activity(key: ActivityKey): ActivityRecord | undefined {
    return this.#activities[key];
  }

  async saveDraft(key: ActivityKey, draft: unknown): Promise<void> {
    const current = this.#activities[key];
    this.#activities[key] = { key, attempts: [], best: 0, passed: false, ...current, draft: $state.snapshot(draft), updatedAt: Date.now() };
  }

  async recordAttempt(key: ActivityKey, attempt: NewAttempt): Promise<AttemptRecord> {
    const stored: AttemptRecord = { ...attempt, id: crypto.randomUUID() };
    this.#activities[key] = withAttempt(this.#activities[key], key, stored);
    return stored;
  }

  setLocation(hash: string): void {
    this.#location = hash;
  }
}
