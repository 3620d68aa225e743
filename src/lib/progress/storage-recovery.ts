/**
 * What a page holds of the database, so nothing it knows is lost when storage fails: the last value
 * of every key it read or wrote, which changes are not yet on the device, and which keys it saw
 * listed but never read. Plain logic (no IndexedDB): the healing store (healing-store.ts) decides
 * with it what to write back after a failed write, a late open, or a deleted database.
 */

/** A key removed by this page (kept so a write-back does not bring it back). */
const GONE: unique symbol = Symbol('gone');
type Held = unknown | typeof GONE;

/** Waits between tries to reach storage again: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(attempt, 15)));
}

/** One change not yet confirmed on the device: a value, or `null` for a removal. */
export interface PendingChange {
  key: string;
  value: unknown;
  removed: boolean;
  seq: number;
}

export class Mirror {
  #values = new Map<string, Held>();
  #pending = new Map<string, number>();
  #listed = new Set<string>();
  #seq = 0;

  /** Notes a value read from the device (ignored while this page has a newer change of its own). */
  remember(key: string, value: unknown): void {
    if (this.#pending.has(key)) return;
    this.#values.set(key, value === null || value === undefined ? GONE : structuredClone(value));
  }

  /** True when this page changed the key and the device does not have the change yet. */
  isPending(key: string): boolean {
    return this.#pending.has(key);
  }

  /** The value this page holds for a key (a copy), or null. */
  value(key: string): unknown {
    const held = this.#values.get(key);
    return held === undefined || held === GONE ? null : structuredClone(held);
  }

  /** Records a change (value, or removal when `removed`) as pending; returns its sequence number. */
  change(key: string, value: unknown, removed = false): number {
    this.#values.set(key, removed ? GONE : structuredClone(value));
    const seq = ++this.#seq;
    this.#pending.set(key, seq);
    return seq;
  }

  /** The device has the change `seq` of `key` (a later change stays pending). */
  confirm(key: string, seq: number): void {
    if (this.#pending.get(key) === seq) this.#pending.delete(key);
  }

  /** Changes not yet on the device, oldest first. */
  pending(): PendingChange[] {
    return [...this.#pending]
      .sort((a, b) => a[1] - b[1])
      .map(([key, seq]) => {
        const held = this.#values.get(key);
        return { key, seq, removed: held === GONE, value: held === GONE ? null : structuredClone(held) };
      });
  }

  /** Notes the keys the device listed (they exist, though this page may never read them). */
  noteListed(keys: readonly string[]): void {
    for (const key of keys) this.#listed.add(key);
  }

  /**
   * The keys as this page sees them: the device's (when it answered) with this page's pending
   * changes laid over; without the device, every key this page holds a value for.
   */
  keys(device: readonly string[] | null): string[] {
    const result = new Set(device ?? [...this.#values].filter(([, v]) => v !== GONE).map(([k]) => k));
    for (const key of this.#pending.keys()) {
      if (this.#values.get(key) === GONE) result.delete(key);
      else result.add(key);
    }
    return [...result];
  }

  /**
   * The database is gone: every value this page holds becomes pending again (to be written back),
   * and the keys it only saw listed are returned as lost (and forgotten, so they are told once).
   */
  resendAll(): string[] {
    for (const [key, held] of this.#values) if (held !== GONE) this.#pending.set(key, ++this.#seq);
    const lost = [...this.#listed].filter((key) => !this.#values.has(key));
    this.#listed.clear();
    return lost;
  }

  /**
   * A database this page never saw opened late: a pending change is written only where the device
   * holds nothing yet (what is stored there wins, e.g. a manager PIN set before). Drops the others.
   */
  keepOnlyNew(storedKeys: readonly string[]): void {
    const stored = new Set(storedKeys);
    for (const key of [...this.#pending.keys()]) {
      if (!stored.has(key)) continue;
      this.#pending.delete(key);
      this.#values.delete(key);
    }
  }
}

/** What could not be written back after the database was deleted, for the banner. */
export interface LostSummary {
  /** Learners (profile ids) whose progress was stored but never opened in this page. */
  learners: string[];
  /** Manager records (assignments, reports) stored but never read in this page. */
  manager: number;
}

/** Sorts lost keys into what the banner names; bookkeeping records (damaged, probes, PIN waits) are not named. */
export function summariseLost(keys: readonly string[]): LostSummary {
  const learners = new Set<string>();
  let manager = 0;
  for (const key of keys) {
    const learner = /^learner\/([^/]+)\//.exec(key)?.[1];
    if (learner) learners.add(learner);
    else if (key.startsWith('manager/assignment/') || key.startsWith('manager/report/')) manager++;
  }
  return { learners: [...learners], manager };
}
