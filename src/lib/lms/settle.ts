/**
 * When a change goes to the LMS: once the learner has been quiet for a moment (a burst of answers
 * is one commit), but never later than a bounded wait after the first change not yet sent, so a
 * learner who keeps working still reaches the LMS. No Svelte, no DOM.
 */
import type { Schedule } from './session.ts';

/** Quiet time after a change before it is sent. */
export const SETTLE_MS = 1500;
/** The longest a change waits, however busy the learner is. */
export const MAX_WAIT_MS = 10_000;

export class Settle<T> {
  #send: (value: T) => void;
  #schedule: Schedule;
  #now: () => number;
  #quietMs: number;
  #maxWaitMs: number;
  #pending: { value: T } | null = null;
  #firstAt = 0;
  #cancel: (() => void) | null = null;

  constructor(send: (value: T) => void, { schedule, now = () => Date.now(), quietMs = SETTLE_MS, maxWaitMs = MAX_WAIT_MS }: { schedule: Schedule; now?: () => number; quietMs?: number; maxWaitMs?: number }) {
    this.#send = send;
    this.#schedule = schedule;
    this.#now = now;
    this.#quietMs = quietMs;
    this.#maxWaitMs = maxWaitMs;
  }

  /** A new value: sent after the quiet time, or sooner when the first unsent change is getting old. */
  push(value: T): void {
    if (!this.#pending) this.#firstAt = this.#now();
    this.#pending = { value };
    this.#cancel?.();
    const wait = Math.max(0, Math.min(this.#quietMs, this.#firstAt + this.#maxWaitMs - this.#now()));
    this.#cancel = this.#schedule(() => this.flush(), wait);
  }

  /** Sends what is waiting now, if anything. */
  flush(): void {
    this.#cancel?.();
    this.#cancel = null;
    const pending = this.#pending;
    this.#pending = null;
    if (pending) this.#send(pending.value);
  }

  /** Drops what is waiting. */
  cancel(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#pending = null;
  }
}
