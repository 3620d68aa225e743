/**
 * The one open database of this page and how it is doing: where records live, the last write that
 * failed, and the records set aside as damaged. Every store (roster, learner progress, manager)
 * writes through `write()`, so a failure anywhere shows in the one banner; changes made by other
 * tabs are handed to the store that owns the key.
 */
import { openKeyValue, RecordStore, StorageWriteError, type DamagedRecord, type KeyValue, type StorageMode, type StorageProblem } from './storage.ts';

export class StorageHealth {
  /** Where records live now. */
  mode = $state<StorageMode>('indexeddb');
  /** The last storage failure, shown in the banner until the next successful write. */
  problem = $state<StorageProblem | null>(null);
  /** Records that could not be read and were set aside. */
  damaged = $state<DamagedRecord[]>([]);

  readonly db: RecordStore;
  #listeners: ((key: string) => void)[] = [];

  constructor(kv: KeyValue, mode: StorageMode) {
    this.mode = mode;
    if (mode === 'memory') this.problem = 'refused';
    this.db = new RecordStore(kv, {
      onDamaged: (d) => (this.damaged = [...this.damaged, d]),
      onRemoteChange: (key) => this.#listeners.forEach((listen) => listen(key)),
    });
  }

  /** Opens IndexedDB (or memory when refused); `kv` is for tests. */
  static async open(kv?: KeyValue): Promise<StorageHealth> {
    const opened = kv ? { kv, mode: 'indexeddb' as const } : await openKeyValue();
    return new StorageHealth(opened.kv, opened.mode);
  }

  /** Calls `listen` with the key of every record another tab changed. */
  onRemoteChange(listen: (key: string) => void): void {
    this.#listeners.push(listen);
  }

  /** Runs a write; a failure becomes `problem` (and `undefined`), a success clears it. */
  async write<R>(task: () => Promise<R>): Promise<R | undefined> {
    try {
      const result = await task();
      if (this.mode === 'indexeddb') this.problem = null;
      return result;
    } catch (error) {
      this.problem = error instanceof StorageWriteError ? error.problem : 'write-failed';
      console.warn('Progress not saved', error);
      return undefined;
    }
  }
}
