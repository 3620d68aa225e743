/**
 * The one module that talks to localforage. It forces the IndexedDB driver, falls back to memory
 * when the browser refuses storage, checks every record it reads (damaged ones are set aside, not
 * lost), serialises read-modify-write per key across tabs with Web Locks, and tells other tabs
 * what changed over a BroadcastChannel. Failures become `StorageProblem`s, never crashes.
 */
import { loadOnce } from '../app/load-once.ts';
import { checkDeviceRecord, checkDeviceRecordForWrite } from './device-records.ts';
import type { SchemaRecordType } from './record-schemas.ts';
import { isDeviceRecordType, seal, unseal, type DeviceRecordType, type RecordData, type RecordType, type RecordValidator } from './records.ts';

/** Where records live: the browser's database, or memory only (lost on reload). */
export type StorageMode = 'indexeddb' | 'memory';
/**
 * What went wrong with storage, for the banner: `refused` (no storage at all), `unavailable` (the
 * database did not open in time; the page goes on in memory and keeps waiting), `held` and `quota`
 * (the device refused writes; they are kept in memory and tried again), `write-failed` (one record
 * was not saved).
 */
export type StorageProblem = 'refused' | 'unavailable' | 'held' | 'quota' | 'write-failed';

/** A minimal async key-value store. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** The device's database as the healing store (healing-store.ts) uses it. */
export interface Backend extends KeyValue {
  /** Calls `suspect` once when the database may have been deleted or closed under the page. */
  watch?(suspect: () => void): void;
}

/** What the healing store tells StorageHealth. */
export interface StorageEvents {
  /** Where records live and what is wrong now. */
  status?(status: { mode: StorageMode; problem: StorageProblem | null }): void;
  /** The database was deleted under the page and written back from memory; `lost` could not be. */
  restored?(lost: { learners: string[]; manager: number }): void;
  /** The database opened late: these stored keys are to be read again. */
  reopened?(keys: string[]): void;
}

/** A key-value store that reports its health (the one openKeyValue gives). */
export interface WatchedKeyValue extends KeyValue {
  readonly status: { mode: StorageMode; problem: StorageProblem | null };
  listen(events: StorageEvents): void;
}

export const isWatched = (kv: KeyValue): kv is WatchedKeyValue => typeof (kv as Partial<WatchedKeyValue>).listen === 'function';

/** How long the database may take to open before the page goes on in memory. */
export const OPEN_TIMEOUT_MS = 4000;

/** A record that could not be read and was moved aside under `damaged/…`. */
export interface DamagedRecord {
  key: string;
  reason: string;
}

const DB_NAME = 'silnoe-zveno';
const CHANNEL = 'silnoe-zveno-records';

/** A store that keeps values in memory only (storage refused, or tests). */
export function memoryKeyValue(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => (map.has(key) ? structuredClone(map.get(key)) : null),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    remove: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
  };
}

/**
 * Opens IndexedDB through localforage (no silent fallback to another driver) and proves it can
 * write. Returns memory storage and the reason when the browser refuses (or the script that
 * talks to it cannot be loaded). A database that does not open within `timeoutMs` (a known iPad
 * Safari fault) is not waited for: the page goes on in memory and the store takes the database
 * when it opens. The store mirrors what it holds and writes it back after failures (healing-store.ts).
 */
export async function openKeyValue(name = DB_NAME, timeoutMs = OPEN_TIMEOUT_MS): Promise<{ kv: KeyValue; mode: StorageMode; reason?: string }> {
  try {
    if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('IndexedDB is not available');
    // Loaded on demand: it is a third of the first screen's script, and the page can paint without it.
    const { localforage, HealingKeyValue, keepTrying } = await import('./database-code.ts');
    const opening = openBackend(localforage, name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const backend = await Promise.race([opening, late]).finally(() => clearTimeout(timer));
    if (backend) return { mode: 'indexeddb', kv: new HealingKeyValue(backend) };
    const reason = `the database did not open within ${timeoutMs} ms`;
    console.warn(`Storage: ${reason}; going on in memory until it opens`);
    // localforage's open may never come back (its connection is shared, so it cannot be asked
    // again): the database is also asked directly, again and again with growing pauses.
    const retried = keepTrying(() => openDirect(name), timeoutMs);
    const later = Promise.any([opening, retried]);
    return { mode: 'memory', reason, kv: new HealingKeyValue(null, { later, problem: 'unavailable' }) };
  } catch (error) {
    return { kv: memoryKeyValue(), mode: 'memory', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function openBackend(localforage: LocalForage, name: string): Promise<Backend> {
  const lf = localforage.createInstance({ name, storeName: 'records', driver: localforage.INDEXEDDB });
  await lf.ready();
  if (lf.driver() !== localforage.INDEXEDDB) throw new Error(`unexpected driver ${lf.driver()}`);
  await lf.setItem('device/probe', Date.now());
  return {
    get: (key) => lf.getItem(key),
    set: async (key, value) => void (await lf.setItem(key, value)),
    remove: (key) => lf.removeItem(key),
    keys: () => lf.keys(),
    watch: (suspect) => watchDatabase(name, suspect),
  };
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = (event) => {
      event.preventDefault();
      reject(r.error);
    };
  });

/** Opens the database as localforage lays it out (one `records` store; its blob-check store too). */
function openDatabase(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const store of ['records', 'local-forage-detect-blob-support']) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
  };
  return request(open).then((db) => {
    // Never block a deletion or an upgrade: close, and open again on the next use.
    db.onversionchange = () => db.close();
    return db;
  });
}

/**
 * The database without localforage, for when localforage's open hangs: the same store and
 * values, its own connection (opened again when closed under it). Proves it can write.
 */
async function openDirect(name: string): Promise<Backend> {
  // Safari's stuck IndexedDB is known to wake up once `databases()` is asked.
  await Promise.resolve(indexedDB.databases?.()).catch(() => {});
  let db = await openDatabase(name);
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction('records', mode);
    } catch {
      db = await openDatabase(name); // closed under us (deleted, cleared): open (or create) it again
      tx = db.transaction('records', mode);
    }
    const result = request(work(tx.objectStore('records')));
    if (mode === 'readonly') return result;
    result.catch(() => {}); // told through the transaction below
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    return result;
  };
  const backend: Backend = {
    get: async (key) => (await run('readonly', (s) => s.get(key))) ?? null,
    set: async (key, value) => void (await run('readwrite', (s) => s.put(value, key))),
    remove: async (key) => void (await run('readwrite', (s) => s.delete(key))),
    keys: async () => (await run('readonly', (s) => s.getAllKeys())).map(String),
    watch: (suspect) => watchDatabase(name, suspect),
  };
  await backend.set('device/probe', Date.now());
  return backend;
}

/**
 * Holds a connection of its own to the database to hear of its deletion (`versionchange`, from
 * this page or another tab) or a forced close (the browser clearing site data). It closes at once
 * so a deletion is never blocked (localforage closes its own connection too), then calls `suspect`
 * once; the caller checks the database and watches again.
 */
function watchDatabase(name: string, suspect: () => void): void {
  let told = false;
  const tell = () => {
    if (told) return;
    told = true;
    suspect();
  };
  const request = indexedDB.open(name);
  // The database is gone already: never create it here (localforage makes it with its stores).
  request.onupgradeneeded = () => {
    request.transaction?.abort();
    tell();
  };
  request.onerror = (event) => event.preventDefault();
  request.onsuccess = () => {
    const db = request.result;
    db.onversionchange = () => {
      db.close();
      tell();
    };
    db.onclose = tell;
  };
}

/** True when an error means the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; code?: number; message?: string } | null;
  return !!e && (e.name === 'QuotaExceededError' || e.code === 22 || /quota/i.test(e.message ?? ''));
}

/** A write that failed; `problem` says why in the banner's terms. */
export class StorageWriteError extends Error {
  constructor(readonly problem: StorageProblem, cause: unknown) {
    super(`Could not save: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StorageWriteError';
  }
}

type LockManagerLike = { request<T>(name: string, cb: () => Promise<T>): Promise<T> };

type Checkers = { read: RecordValidator; write: RecordValidator };
/** The device's own records (all the roster reads) are checked by hand, with the first screen's code. */
const DEVICE_CHECKERS: Checkers = {
  read: (type, data) => checkDeviceRecord(type as DeviceRecordType, data),
  write: (type, data) => checkDeviceRecordForWrite(type as DeviceRecordType, data),
};
/** The record schemas' checkers, fetched once (a failed fetch is tried again by the next read or write). */
const schemaCheckers = loadOnce(() =>
  import('./record-schemas.ts').then((m): Checkers => ({ read: (t, data) => m.validateRecord(t as SchemaRecordType, data), write: (t, data) => m.validateForWrite(t as SchemaRecordType, data) })),
);
/** The manager's stored reports' checkers, fetched once when the first such record is read or written. */
const reportCheckers = loadOnce(() =>
  import('./report-records.ts').then((m): Checkers => ({ read: (_t, data) => m.validateReport(data), write: (_t, data) => m.validateReport(data) })),
);
/**
 * The checkers of a record type: the device's own records are checked by hand (device-records.ts);
 * the rest with the record schemas (valibot), fetched when such a record is first read or written
 * (a signed-in learner's), not with the first screen's script; the manager's reports with the
 * report schema (report-records.ts), which a learner's records never need.
 */
async function checkersFor(type: RecordType): Promise<Checkers> {
  if (isDeviceRecordType(type)) return DEVICE_CHECKERS;
  return type === 'managerReport' ? reportCheckers() : schemaCheckers();
}

/** A record refused before writing because it would not load again (a bug or a crafted value, never the disk). */
export class RecordRefusedError extends Error {
  constructor(readonly key: string, detail: string) {
    super(`Not saved: ${key} would not load again (${detail})`);
    this.name = 'RecordRefusedError';
  }
}

/** Without Web Locks, writers are at least serialised inside this page (shared by every store). */
const localLocks = new Map<string, Promise<unknown>>();

/** Typed records over a key-value store: checked on read, locked and broadcast on write. */
export class RecordStore {
  #kv: KeyValue;
  #channel: BroadcastChannel | null;
  #onDamaged: (d: DamagedRecord) => void;

  constructor(kv: KeyValue, options: { onDamaged?: (d: DamagedRecord) => void; onRemoteChange?: (key: string) => void; broadcast?: boolean } = {}) {
    this.#kv = kv;
    this.#onDamaged = options.onDamaged ?? (() => {});
    this.#channel = options.broadcast !== false && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
    if (this.#channel && options.onRemoteChange) {
      const notify = options.onRemoteChange;
      this.#channel.onmessage = (event: MessageEvent<{ key?: unknown }>) => {
        if (typeof event.data?.key === 'string') notify(event.data.key);
      };
    }
  }

  /** Reads and checks a record; a damaged one is moved aside, reported, and read as missing. */
  async read<T extends RecordType>(type: T, key: string): Promise<RecordData[T] | undefined> {
    const stored = await this.#kv.get(key);
    if (stored === null || stored === undefined) return undefined;
    const result = unseal(type, stored, (await checkersFor(type)).read);
    if (result.ok) return result.data;
    await this.#setAside(key, stored, `${result.reason}: ${result.detail}`);
    return undefined;
  }

  /** Starts fetching the checkers of a record type about to be read (a learner about to open), so the read does not wait for them. */
  prepare(type: RecordType): void {
    checkersFor(type).catch(() => undefined); // the read itself tries again and reports
  }

  /** Every key under a prefix. */
  async keys(prefix: string): Promise<string[]> {
    return (await this.#kv.keys()).filter((k) => k.startsWith(prefix));
  }

  /**
   * Read-modify-write of one record under a lock shared by all tabs, so two writers merge instead
   * of clobbering each other. Every record is checked before it is written, so what is saved
   * always loads. Returns what was written.
   * @throws StorageWriteError when the browser refuses the write.
   * @throws RecordRefusedError when the record would not load again (nothing is written).
   */
  async update<T extends RecordType>(type: T, key: string, change: (current: RecordData[T] | undefined) => RecordData[T]): Promise<RecordData[T]> {
    const check = (await checkersFor(type)).write;
    return this.#withLock(key, async () => {
      const next = change(await this.read(type, key));
      const verdict = check(type, next);
      if (!verdict.ok) throw new RecordRefusedError(key, verdict.detail);
      try {
        await this.#kv.set(key, seal(type, next));
      } catch (error) {
        throw new StorageWriteError(isQuotaError(error) ? 'quota' : 'write-failed', error);
      }
      this.#channel?.postMessage({ key });
      return next;
    });
  }

  /** Removes a record (and tells other tabs). */
  async remove(key: string): Promise<void> {
    await this.#withLock(key, async () => {
      await this.#kv.remove(key);
      this.#channel?.postMessage({ key });
    });
  }

  /** Stops listening to other tabs. */
  close(): void {
    this.#channel?.close();
  }

  async #setAside(key: string, value: unknown, reason: string): Promise<void> {
    try {
      await this.#kv.set(`damaged/${Date.now()}/${key}`, { key, reason, value });
      await this.#kv.remove(key);
    } catch {
      // Could not move it: leave it where it is; it is still reported and never overwritten blindly.
    }
    this.#onDamaged({ key, reason });
  }

  #withLock<R>(key: string, task: () => Promise<R>): Promise<R> {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    if (locks) return locks.request(`${DB_NAME}:${key}`, task);
    const previous = localLocks.get(key) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(task);
    localLocks.set(key, run);
    return run;
  }
}
