/**
 * The healing store over a fake device: refused writes stay in memory and are written back, a
 * database deleted under the page is written back from memory (and what could not be is named), a
 * database that opens late keeps what it stores. Then the same over fake IndexedDB with the app's
 * stores: a deleted database and an open that never answers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStoresWithManager } from '../../../tests/harness/open-stores.ts';
import { openStores } from '$lib/app/stores.ts';
import { HealingKeyValue, keepTrying, SENTINEL } from './healing-store.ts';
import { memoryKeyValue, openKeyValue, type Backend, type StorageEvents } from './storage.ts';

/** A device that can refuse writes, lose everything, and report a deletion to its watcher. */
function fakeDevice(initial: Record<string, unknown> = { [SENTINEL]: 1 }) {
  let map = new Map(Object.entries(initial));
  let suspect: (() => void) | null = null;
  const device = {
    refuse: null as Error | null,
    backend: {
      get: async (key: string) => (map.has(key) ? structuredClone(map.get(key)) : null),
      set: async (key: string, value: unknown) => {
        if (device.refuse) throw device.refuse;
        map.set(key, structuredClone(value));
      },
      remove: async (key: string) => {
        if (device.refuse) throw device.refuse;
        map.delete(key);
      },
      keys: async () => [...map.keys()],
      watch: (s: () => void) => void (suspect = s),
    } satisfies Backend,
    stored: (key: string) => map.get(key) ?? null,
    /** The database is deleted (and recreated empty, as localforage does on the next use). */
    delete() {
      map = new Map();
      const s = suspect;
      suspect = null;
      s?.();
    },
    watched: () => suspect !== null,
  };
  return device;
}

/** Timers run by hand: the test says when the next retry happens. */
function handTimers() {
  const due: (() => void)[] = [];
  return { setTimer: (run: () => void) => void due.push(run), runAll: () => due.splice(0).forEach((run) => run()), count: () => due.length };
}

function recorder(kv: HealingKeyValue) {
  const seen: { status: string[]; restored: { learners: string[]; manager: number }[]; reopened: string[][] } = { status: [], restored: [], reopened: [] };
  const events: StorageEvents = {
    status: (s) => seen.status.push(`${s.mode}:${s.problem}`),
    restored: (lost) => seen.restored.push(lost),
    reopened: (keys) => seen.reopened.push(keys),
  };
  kv.listen(events);
  return seen;
}

const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
afterEach(() => warn.mockClear());

describe('a refused write', () => {
  it('stays in memory, is read back from there, and is written once the device allows', async () => {
    const device = fakeDevice({ [SENTINEL]: 1, a: 'old' });
    const timers = handTimers();
    const kv = new HealingKeyValue(device.backend, { setTimer: timers.setTimer });
    const seen = recorder(kv);
    device.refuse = new Error('disk error');
    await kv.set('a', 'new');
    expect(await kv.get('a')).toBe('new');
    expect(device.stored('a')).toBe('old');
    expect(kv.status).toEqual({ mode: 'indexeddb', problem: 'held' });

    timers.runAll(); // still refused: the next try is planned
    await vi.waitFor(() => expect(timers.count()).toBe(1));
    expect(device.stored('a')).toBe('old');

    device.refuse = null;
    timers.runAll();
    await vi.waitFor(() => expect(device.stored('a')).toBe('new'));
    await vi.waitFor(() => expect(kv.status.problem).toBeNull());
    expect(seen.status).toEqual(['indexeddb:held', 'indexeddb:null']);
  });

  it('a full disk is told as such', async () => {
    const device = fakeDevice();
    const kv = new HealingKeyValue(device.backend, { setTimer: handTimers().setTimer });
    device.refuse = new DOMException('full', 'QuotaExceededError');
    await kv.set('a', 1);
    expect(kv.status.problem).toBe('quota');
  });

  it('a removal refused is kept too: the key stays gone here and is removed later', async () => {
    const device = fakeDevice({ [SENTINEL]: 1, a: 1 });
    const timers = handTimers();
    const kv = new HealingKeyValue(device.backend, { setTimer: timers.setTimer });
    device.refuse = new Error('no');
    await kv.remove('a');
    expect(await kv.get('a')).toBeNull();
    expect(await kv.keys()).not.toContain('a');
    device.refuse = null;
    timers.runAll();
    await vi.waitFor(() => expect(device.stored('a')).toBeNull());
  });
});

describe('a database deleted under the page', () => {
  it('is written back from what the page read and wrote, and what it never read is named', async () => {
    const device = fakeDevice({ [SENTINEL]: 1, 'profile/a': { n: 'A' }, 'learner/a/lesson/1': 1, 'learner/b/lesson/2': 2, 'manager/report/r': 3 });
    const kv = new HealingKeyValue(device.backend, { setTimer: handTimers().setTimer });
    const seen = recorder(kv);
    await kv.keys();
    await kv.get('profile/a');
    await kv.get('learner/a/lesson/1');
    await kv.set('learner/a/lesson/3', 'typed before');
    expect(device.watched()).toBe(true);

    device.delete();
    await vi.waitFor(() => expect(seen.restored).toEqual([{ learners: ['b'], manager: 1 }]));
    await vi.waitFor(() => expect(device.stored('learner/a/lesson/3')).toBe('typed before'));
    expect(device.stored('profile/a')).toEqual({ n: 'A' });
    expect(device.stored('learner/a/lesson/1')).toBe(1);
    expect(device.stored(SENTINEL)).not.toBeNull();
    expect(device.stored('learner/b/lesson/2')).toBeNull();
    // Watched again, and later work lands as usual.
    expect(device.watched()).toBe(true);
    await kv.set('learner/a/lesson/4', 'typed after');
    expect(device.stored('learner/a/lesson/4')).toBe('typed after');
  });

  it('is found by the check after a write even when no watcher told (the sentinel is gone)', async () => {
    let now = 0;
    const device = fakeDevice({ [SENTINEL]: 1, 'profile/a': 1 });
    const kv = new HealingKeyValue({ ...device.backend, watch: undefined }, { setTimer: handTimers().setTimer, now: () => now });
    const seen = recorder(kv);
    await kv.get('profile/a');
    device.delete();
    now = 10_000;
    await kv.set('learner/a/meta', 'x');
    await vi.waitFor(() => expect(seen.restored).toHaveLength(1));
    await vi.waitFor(() => expect(device.stored('profile/a')).toBe(1));
  });

  it('a check that finds the sentinel changes nothing', async () => {
    const device = fakeDevice({ [SENTINEL]: 1, a: 1 });
    const kv = new HealingKeyValue(device.backend, { setTimer: handTimers().setTimer });
    const seen = recorder(kv);
    await kv.check();
    expect(seen.restored).toEqual([]);
    expect(seen.status).toEqual([]);
  });
});

describe('a database that opens late', () => {
  it('the page goes on in memory; once open, what is stored there wins and what is new here is added', async () => {
    let open!: (b: Backend) => void;
    const later = new Promise<Backend>((resolve) => (open = resolve));
    const kv = new HealingKeyValue(null, { later, setTimer: handTimers().setTimer });
    const seen = recorder(kv);
    expect(kv.status).toEqual({ mode: 'memory', problem: 'unavailable' });
    await kv.set('manager/pin', 'typed while waiting');
    await kv.set('profile/new', { n: 'N' });
    expect(await kv.get('profile/new')).toEqual({ n: 'N' });
    expect((await kv.keys()).sort()).toEqual(['manager/pin', 'profile/new']);

    const device = fakeDevice({ [SENTINEL]: 1, 'manager/pin': 'stored before', 'profile/old': { n: 'O' } });
    open(device.backend);
    await vi.waitFor(() => expect(seen.reopened).toHaveLength(1));
    expect(seen.reopened[0]!.sort()).toEqual(['device/probe', 'manager/pin', 'profile/old']);
    expect(device.stored('manager/pin')).toBe('stored before');
    expect(device.stored('profile/new')).toEqual({ n: 'N' });
    expect(await kv.get('manager/pin')).toBe('stored before');
    expect(kv.status).toEqual({ mode: 'indexeddb', problem: null });
    expect(seen.status).toEqual(['indexeddb:null']);
  });
});

describe('keepTrying', () => {
  it('asks again with growing pauses until the database opens', async () => {
    const device = fakeDevice();
    const pauses: number[] = [];
    let tries = 0;
    const open = async () => {
      if (++tries < 3) throw new Error('not yet');
      return device.backend;
    };
    expect(await keepTrying(open, 100, 10, async (ms) => void pauses.push(ms))).toBe(device.backend);
    expect(pauses).toEqual([1000, 2000, 4000]);
  });

  it('a try that never answers counts as failed, and it gives up after its tries', async () => {
    await expect(keepTrying(() => new Promise<Backend>(() => {}), 5, 3, async () => {})).rejects.toThrow(/did not open in 3 tries/);
  });
});

describe('over IndexedDB with the app stores', () => {
  it('an open that never answers: memory within the time limit, and the app works', async () => {
    const open = indexedDB.open;
    // The iPad Safari fault: the request is made, and nothing ever fires.
    indexedDB.open = () => ({}) as IDBOpenDBRequest;
    try {
      const opened = await openKeyValue(`hang-${crypto.randomUUID()}`, 50);
      expect(opened.mode).toBe('memory');
      expect(opened.reason).toMatch(/did not open within 50 ms/);
      const stores = await openStoresWithManager(opened.kv);
      expect(stores.storage.mode).toBe('memory');
      expect(stores.storage.problem).toBe('unavailable');
      await stores.roster.createProfile('Анна', null);
      await stores.progress.visitLesson('l1', true);
      expect(stores.progress.lessons['l1']?.finishedAt).toBeGreaterThan(0);
      expect(stores.storage.problem).toBe('unavailable');
      stores.storage.db.close();
    } finally {
      indexedDB.open = open;
    }
  });

  it('a deleted database: the learner and the work before and after are there when opened again', async () => {
    const name = `deleted-${crypto.randomUUID()}`;
    const stores = await openStoresWithManager((await openKeyValue(name)).kv);
    await stores.roster.createProfile('Анна', null);
    await stores.progress.visitLesson('before', true);
    const deleted = new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    await deleted; // not blocked: every connection of the page closes
    await vi.waitFor(() => expect(stores.storage.restored).toEqual({ lostLearners: [], lostManager: 0 }));
    await stores.progress.visitLesson('after', true);
    stores.storage.db.close();

    const again = await openStoresWithManager((await openKeyValue(name)).kv);
    expect(again.roster.profiles.map((p) => p.name)).toEqual(['Анна']);
    const id = again.roster.profiles[0]!.id;
    expect((await again.progress.readLearner(id)).lessons.map((l) => l.lessonId).sort()).toEqual(['after', 'before']);
    again.storage.db.close();
  });

  it('a database that opens late: the stored learners and manager PIN appear, the learner signed in meanwhile stays in', async () => {
    const name = `late-${crypto.randomUUID()}`;
    const before = await openStoresWithManager((await openKeyValue(name)).kv);
    await before.roster.createProfile('Старый', null);
    expect(await before.managerStore.setPin('4821')).toBe(true);
    before.storage.db.close();

    let open!: (b: Backend) => void;
    const kv = new HealingKeyValue(null, { later: new Promise<Backend>((resolve) => (open = resolve)) });
    const stores = await openStoresWithManager(kv);
    expect(stores.roster.profiles).toEqual([]);
    await stores.roster.createProfile('Новый', null);
    await stores.progress.visitLesson('typed-while-waiting', true);

    open((await openKeyValue(name)).kv);
    await vi.waitFor(() => expect(stores.roster.profiles.map((p) => p.name).sort()).toEqual(['Новый', 'Старый']));
    await vi.waitFor(() => expect(stores.managerStore.pin).not.toBeNull());
    expect(stores.storage.mode).toBe('indexeddb');
    expect(stores.storage.problem).toBeNull();
    expect(stores.roster.learner?.name).toBe('Новый');
    stores.storage.db.close();

    const after = await openStoresWithManager((await openKeyValue(name)).kv);
    const id = after.roster.profiles.find((p) => p.name === 'Новый')!.id;
    expect((await after.progress.readLearner(id)).lessons.map((l) => l.lessonId)).toEqual(['typed-while-waiting']);
    expect(await after.managerStore.checkPin('4821')).toBe(true);
    after.storage.db.close();
  });

  it('an open that hangs once: the database is asked again directly, and what was typed meanwhile is written', async () => {
    const name = `hang-once-${crypto.randomUUID()}`;
    const open = indexedDB.open;
    let calls = 0;
    // The first open (localforage's) never answers; later ones do.
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      return ++calls === 1 ? ({} as IDBOpenDBRequest) : open.apply(this, args);
    };
    try {
      const opened = await openKeyValue(name, 50);
      expect(opened.mode).toBe('memory');
      const stores = await openStoresWithManager(opened.kv);
      await stores.roster.createProfile('Анна', null);
      await stores.progress.visitLesson('l1', true);
      await vi.waitFor(() => expect(stores.storage.mode).toBe('indexeddb'), { timeout: 8000, interval: 50 });
      expect(stores.storage.problem).toBeNull();
      await stores.progress.visitLesson('l2', true);
      stores.storage.db.close();
    } finally {
      indexedDB.open = open;
    }
    // Read straight from the database (this module's localforage still waits on the hung open).
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const r = db.transaction('records').objectStore('records').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    const lessons = keys.map(String).filter((k) => /^learner\/[^/]+\/lesson\//.test(k));
    expect(lessons.map((k) => k.split('/').pop()).sort()).toEqual(['l1', 'l2']);
    expect(keys.map(String).filter((k) => k.startsWith('profile/'))).toHaveLength(1);
  }, 15_000);
});
