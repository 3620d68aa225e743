/**
 * A key-value store that keeps going when the device's storage does not: every value the page
 * reads or writes is mirrored in memory, a write the device refuses stays in memory and is tried
 * again (1 s, 2 s, 4 s … 30 s), a database that opens late takes what was written meanwhile, and a
 * database deleted under the page (watched, and checked by its `device/probe` record) is written
 * back from memory. What it cannot write back it says (`LostSummary`). It never touches IndexedDB
 * itself: storage.ts hands it a `Backend`. Loaded with the database code, not the first screen.
 */
import { isQuotaError, type Backend, type KeyValue, type StorageEvents, type StorageProblem } from './storage.ts';
import { Mirror, retryDelay, summariseLost } from './storage-recovery.ts';

/** The record whose absence means the database was deleted or cleared. */
export const SENTINEL = 'device/probe';
/** A write is followed by a check of the sentinel at most this often. */
const CHECK_EVERY_MS = 2000;

/**
 * Tries `open` again and again (each try given `timeoutMs`, pauses 1 s, 2 s … 30 s between) until
 * one opens; gives up (rejects) after `tries`.
 */
export async function keepTrying(open: () => Promise<Backend>, timeoutMs: number, tries = 30, wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<Backend> {
  for (let attempt = 0; attempt < tries; attempt++) {
    await wait(retryDelay(attempt));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const opened = await Promise.race([open().catch(() => null), gaveUp]).finally(() => clearTimeout(timer));
    if (opened) return opened;
  }
  throw new Error(`the database did not open in ${tries} tries`);
}

export interface HealingOptions {
  /** The database when it opens later (the first open timed out); `problem` is shown until then. */
  later?: Promise<Backend>;
  problem?: StorageProblem;
  /** Timers, for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  now?: () => number;
}

export class HealingKeyValue implements KeyValue {
  #backend: Backend | null;
  #mirror = new Mirror();
  #problem: StorageProblem | null;
  #events: StorageEvents[] = [];
  #attempt = 0;
  #retrying = false;
  #checking: Promise<void> | null = null;
  #lastCheck = 0;
  #setTimer: (run: () => void, ms: number) => unknown;
  #now: () => number;

  constructor(backend: Backend | null, options: HealingOptions = {}) {
    this.#backend = backend;
    this.#problem = backend ? null : (options.problem ?? 'unavailable');
    this.#setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.#now = options.now ?? (() => Date.now());
    this.#lastCheck = this.#now();
    this.#told = `${this.status.mode}:${this.#problem}`;
    if (backend) this.#watch(backend);
    options.later?.then(
      (late) => void this.#attachLate(late),
      () => {},
    );
  }

  /** Where records live now and what is wrong, for StorageHealth. */
  get status() {
    return { mode: this.#backend ? ('indexeddb' as const) : ('memory' as const), problem: this.#problem };
  }

  /** Tells `events` of every change of status, write-back and late open. */
  listen(events: StorageEvents): void {
    this.#events.push(events);
  }

  async get(key: string): Promise<unknown> {
    const backend = this.#backend;
    if (!backend || this.#mirror.isPending(key)) return this.#mirror.value(key);
    try {
      const value = await backend.get(key);
      this.#mirror.remember(key, value);
      // A change made here while reading is newer than what was read.
      return this.#mirror.isPending(key) ? this.#mirror.value(key) : value;
    } catch (error) {
      this.#failed(error);
      return this.#mirror.value(key);
    }
  }

  set(key: string, value: unknown): Promise<void> {
    return this.#change(key, value, false);
  }

  remove(key: string): Promise<void> {
    return this.#change(key, null, true);
  }

  async keys(): Promise<string[]> {
    const backend = this.#backend;
    if (!backend) return this.#mirror.keys(null);
    try {
      const listed = await backend.keys();
      this.#mirror.noteListed(listed);
      return this.#mirror.keys(listed);
    } catch (error) {
      this.#failed(error);
      return this.#mirror.keys(null);
    }
  }

  /** Checks now that the database is still the one this page wrote to (tests, and the watcher). */
  check(): Promise<void> {
    return (this.#checking ??= this.#checkSentinel().finally(() => (this.#checking = null)));
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  async #change(key: string, value: unknown, removed: boolean): Promise<void> {
    const seq = this.#mirror.change(key, value, removed);
    const backend = this.#backend;
    if (!backend || this.#retrying) return; // kept in memory; the retry writes it with the rest
    try {
      if (removed) await backend.remove(key);
      else await backend.set(key, value);
      this.#mirror.confirm(key, seq);
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (this.#now() - this.#lastCheck >= CHECK_EVERY_MS) void this.check();
  }

  /** A read or write failed: the value stays in memory, the banner says so, a retry is planned. */
  #failed(error: unknown): void {
    console.warn('Storage failed; kept in memory', error);
    this.#setProblem(isQuotaError(error) ? 'quota' : 'held');
    this.#planRetry();
  }

  #planRetry(): void {
    if (this.#retrying) return;
    this.#retrying = true;
    this.#setTimer(() => void this.#retry(), retryDelay(this.#attempt++));
  }

  /**
   * Writes every pending change; on success the problem is gone (and, unless `check` is false,
   * the sentinel is checked: a database that came back may be a new, empty one), else the next
   * try is planned.
   */
  async #retry(check = true): Promise<void> {
    const backend = this.#backend;
    if (!backend) {
      this.#retrying = false;
      return; // waiting for the database to open (see #attachLate)
    }
    try {
      await this.#flush(backend);
      this.#retrying = false;
      this.#attempt = 0;
      this.#setProblem(null);
      if (check) void this.check();
    } catch (error) {
      console.warn('Storage still failing', error);
      this.#setProblem(isQuotaError(error) ? 'quota' : 'held');
      this.#retrying = false;
      this.#planRetry();
    }
  }

  /** Writes pending changes until none is left (changes made meanwhile join in). */
  async #flush(backend: Backend): Promise<void> {
    for (let round = 0; round < 100; round++) {
      const pending = this.#mirror.pending();
      if (pending.length === 0) return;
      for (const change of pending) {
        if (change.removed) await backend.remove(change.key);
        else await backend.set(change.key, change.value);
        this.#mirror.confirm(change.key, change.seq);
      }
    }
  }

  /** Reads the sentinel; gone means the database was deleted or cleared: write back what is held. */
  async #checkSentinel(): Promise<void> {
    const backend = this.#backend;
    if (!backend) return;
    this.#lastCheck = this.#now();
    let mark: unknown;
    try {
      mark = await backend.get(SENTINEL);
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (mark === null || mark === undefined) {
      const lost = summariseLost(this.#mirror.resendAll());
      this.#mirror.change(SENTINEL, this.#now());
      console.warn('The database was deleted or cleared under the page; writing back what it holds');
      this.#events.forEach((e) => e.restored?.(lost));
      this.#retrying = true; // writes now join the write-back instead of racing it
      this.#attempt = 0;
      await this.#retry(false);
    }
    this.#watch(backend);
  }

  /** The database opened after the page went on in memory: keep what it stores, add what is new here. */
  async #attachLate(backend: Backend): Promise<void> {
    if (this.#backend) return;
    let stored: string[];
    try {
      stored = await backend.keys();
    } catch (error) {
      console.warn('The late database cannot be read', error);
      return;
    }
    this.#mirror.keepOnlyNew(stored);
    this.#backend = backend;
    this.#mirror.noteListed(stored);
    this.#retrying = true;
    this.#attempt = 0;
    await this.#retry(false);
    this.#events.forEach((e) => e.reopened?.(stored));
    this.#watch(backend);
  }

  #watching: Backend | null = null;

  /** Watches the database for deletion or a forced close; either leads to a check. */
  #watch(backend: Backend): void {
    if (!backend.watch || this.#watching === backend) return;
    this.#watching = backend;
    backend.watch(() => {
      this.#watching = null;
      void this.check();
    });
  }

  #told = '';

  #setProblem(problem: StorageProblem | null): void {
    this.#problem = problem;
    const told = `${this.status.mode}:${problem}`;
    if (told === this.#told) return;
    this.#told = told;
    const status = this.status;
    this.#events.forEach((e) => e.status?.(status));
  }
}
