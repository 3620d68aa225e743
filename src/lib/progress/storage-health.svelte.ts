/**
 * The one open database of this page and how it is doing: where records live, what is wrong with
 * storage now, the records set aside as damaged, and what could not be written back after the
 * database was deleted under the page. Every store (roster, learner progress, manager) writes
 * through `write()`, so a failure anywhere shows in the one banner; changes made by other tabs
 * (and records found when a late database opens) are handed to the store that owns the key.
 */
import { isWatched, openKeyValue, RecordStore, StorageWriteError, type DamagedRecord, type KeyValue, type StorageMode, type StorageProblem } from './storage.ts';

/** The database was deleted under the page and written back from what the page held. */
export interface Restored {
  /** Learners (profile ids) whose progress was stored but not open in this page: it is gone. */
  lostLearners: string[];
  /** Manager assignments and reports stored but not read in this page: gone. */
  lostManager: number;
}

export class StorageHealth {
  /** Where records live now. */
  mode = $state<StorageMode>('indexeddb');
  /** What is wrong with storage now (shown in the banner), or null. */
  problem = $state<StorageProblem | null>(null);
  /** Records that could not be read and were set aside. */
  damaged = $state<DamagedRecord[]>([]);
  /** Set when the database was deleted under the page and written back (until dismissed). */
  restored = $state<Restored | null>(null);

  readonly db: RecordStore;
  #listeners: ((key: string) => void)[] = [];
  /** The problem storage itself reports (a refused write of one record clears with the next success). */
  #standing: StorageProblem | null = null;

  constructor(kv: KeyValue, mode: StorageMode, problem: StorageProblem | null = mode === 'memory' ? 'refused' : null) {
    this.mode = mode;
    this.problem = this.#standing = problem;
    this.db = new RecordStore(kv, {
      onDamaged: (d) => (this.damaged = [...this.damaged, d]),
      onRemoteChange: (key) => this.#tell(key),
    });
    if (isWatched(kv)) {
      kv.listen({
        status: ({ mode, problem }) => {
          this.mode = mode;
          this.problem = this.#standing = problem;
        },
        restored: (lost) => (this.restored = { lostLearners: lost.learners, lostManager: lost.manager }),
        // The device settings are not read again: they name who is open in another session, and
        // this tab's learner (signed in while waiting) would be closed under them.
        reopened: (keys) => keys.filter((key) => key !== 'device/settings').forEach((key) => this.#tell(key)),
      });
    }
  }

  /** Opens IndexedDB (or memory when refused or not answering); `kv` is for tests. */
  static async open(kv?: KeyValue): Promise<StorageHealth> {
    if (kv) return isWatched(kv) ? new StorageHealth(kv, kv.status.mode, kv.status.problem) : new StorageHealth(kv, 'indexeddb');
    const opened = await openKeyValue();
    return isWatched(opened.kv) ? new StorageHealth(opened.kv, opened.kv.status.mode, opened.kv.status.problem) : new StorageHealth(opened.kv, opened.mode);
  }

  /** Calls `listen` with the key of every record another tab changed. */
  onRemoteChange(listen: (key: string) => void): void {
    this.#listeners.push(listen);
  }

  /** The learner has read what could not be restored. */
  dismissRestored(): void {
    this.restored = null;
  }

  /** Runs a write; a failure becomes `problem` (and `undefined`), a success puts back storage's own state. */
  async write<R>(task: () => Promise<R>): Promise<R | undefined> {
    try {
      const result = await task();
      this.problem = this.#standing;
      return result;
    } catch (error) {
      this.problem = error instanceof StorageWriteError ? error.problem : 'write-failed';
      console.warn('Progress not saved', error);
      return undefined;
    }
  }

  #tell(key: string): void {
    this.#listeners.forEach((listen) => listen(key));
  }
}
