import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { openKeyValue, memoryKeyValue, RecordStore, type KeyValue } from './storage.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { seal } from './records.ts';

let dbName: string;
let kv: KeyValue;

beforeEach(async () => {
  dbName = `test-${crypto.randomUUID()}`;
  const opened = await openKeyValue(dbName);
  expect(opened.mode).toBe('indexeddb');
  kv = opened.kv;
});

afterEach(() => {
  localStorage.clear();
});

/** Waits (no fixed sleep) until the record stored under the key ending with `suffix` passes `check`. */
async function waitForStored(type: 'meta' | 'settings', suffix: string, check: (data: unknown) => void): Promise<void> {
  const reader = new RecordStore(kv, { broadcast: false });
  await vi.waitFor(async () => {
    const key = (await kv.keys()).find((k) => k.endsWith(suffix));
    expect(key, `a stored key ending with ${suffix}`).toBeDefined();
    check(await reader.read(type, key!));
  }, { timeout: 5_000, interval: 10 });
}
/** A moment in the records' range (2020 to now). */
const T = Date.UTC(2025, 4, 12);

describe('storage over IndexedDB (fake-indexeddb)', () => {
  it('keeps what was written for the next open', async () => {
    const a = await openStores(kv);
    await a.roster.createProfile('Анна', null);
    await a.progress.visitLesson('l1', true);
    await a.progress.recordAttempt('quiz:m1', { startedAt: Date.now() - 60_000, finishedAt: Date.now(), score: 80, passed: true, mistakes: [] });
    a.progress.setLocation('#/quiz/m1?q=3');
    await waitForStored('meta', '/meta', (meta) => expect(meta).toMatchObject({ location: '#/quiz/m1?q=3' }));

    const b = await openStores((await openKeyValue(dbName)).kv);
    flushSync();
    expect(b.roster.learner?.name).toBe('Анна');
    expect(b.progress.lessons['l1']?.finishedAt).toBeGreaterThan(0);
    expect(b.progress.activity('quiz:m1')).toMatchObject({ best: 80, passed: true });
    expect(b.progress.meta.location).toBe('#/quiz/m1?q=3');
  });

  it('falls back to memory and says so when IndexedDB is refused', async () => {
    const original = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const opened = await openKeyValue(`refused-${crypto.randomUUID()}`);
      expect(opened.mode).toBe('memory');
      expect(opened.reason).toMatch(/not available/);
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: original, configurable: true });
    }
  });

  it('two writers of the same record both land (read-modify-write under a lock)', async () => {
    const one = new RecordStore(kv, { broadcast: false });
    const two = new RecordStore(kv, { broadcast: false });
    const attempt = (id: string, score: number) => ({ id, startedAt: T, finishedAt: T + score, score, passed: false, mistakes: [] });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? one : two).update('activity', 'learner/x/activity/quiz:a', (current) => ({
          key: 'quiz:a',
          attempts: [...(current?.attempts ?? []), attempt(`a${i}`, i)],
          best: 0,
          passed: false,
          draft: null,
          updatedAt: T + i,
        })),
      ),
    );
    const stored = await one.read('activity', 'learner/x/activity/quiz:a');
    expect(stored?.attempts.map((a) => a.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`).sort());
  });

  it('sets a damaged record aside, reports it, and loads everything else', async () => {
    const damaged: string[] = [];
    await kv.set('learner/x/lesson/good', seal('lesson', { lessonId: 'good', firstVisitedAt: T, lastVisitedAt: T, finishedAt: null }));
    await kv.set('learner/x/lesson/bad', { v: 1, type: 'lesson', data: { lessonId: 42 } });
    const store = new RecordStore(kv, { broadcast: false, onDamaged: (d) => damaged.push(d.key) });
    expect(await store.read('lesson', 'learner/x/lesson/good')).toMatchObject({ lessonId: 'good' });
    expect(await store.read('lesson', 'learner/x/lesson/bad')).toBeUndefined();
    expect(damaged).toEqual(['learner/x/lesson/bad']);
    const keys = await kv.keys();
    expect(keys.some((k) => k.startsWith('damaged/') && k.endsWith('learner/x/lesson/bad'))).toBe(true);
    expect(keys).not.toContain('learner/x/lesson/bad');
  });

  it('turns a full disk into a visible problem and keeps the answer in memory', async () => {
    const full: KeyValue = { ...memoryKeyValue(), set: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const store = await openStores(full);
    await store.roster.createProfile('Борис', null);
    await store.progress.recordAttempt('quiz:m1', { startedAt: Date.now() - 60_000, finishedAt: Date.now(), score: 50, passed: false, mistakes: ['q1'] });
    expect(store.storage.problem).toBe('quota');
    expect(store.progress.activity('quiz:m1')?.attempts).toHaveLength(1);
  });
});

describe('profiles on a shared tablet', () => {
  it('opens a PIN-protected learner only with the right PIN', async () => {
    const store = await openStores(kv);
    const anna = await store.roster.createProfile('Анна', '1234');
    await store.progress.visitLesson('l1');
    store.roster.lock();
    expect(store.roster.learner).toBeNull();
    expect(store.progress.lessons).toEqual({});
    expect(await store.roster.selectProfile(anna.id)).toBe('pin-required');
    expect(await store.roster.selectProfile(anna.id, '9999')).toBe('wrong-pin');
    expect(store.roster.learner).toBeNull();
    expect(await store.roster.selectProfile(anna.id, '1234')).toBe('ok');
    expect(store.progress.lessons['l1']).toBeDefined();
  });

  it('keeps learners apart', async () => {
    const store = await openStores(kv);
    await store.roster.createProfile('Анна', null);
    await store.progress.visitLesson('l1', true);
    store.roster.lock();
    await store.roster.createProfile('Борис', null);
    expect(store.roster.learner?.name).toBe('Борис');
    expect(store.progress.lessons).toEqual({});
  });

  it('locks after the idle time and not before', async () => {
    const store = await openStores(kv);
    await store.roster.createProfile('Анна', null);
    const now = Date.now();
    store.roster.touch(now);
    expect(store.roster.lockIfIdle(now + 9 * 60_000)).toBe(false);
    expect(store.roster.lockIfIdle(now + 10 * 60_000 + 1)).toBe(true);
    expect(store.roster.learner).toBeNull();
  });

  it('does not reopen a locked learner on the next start', async () => {
    const store = await openStores(kv);
    await store.roster.createProfile('Анна', null);
    store.roster.lock();
    await waitForStored('settings', 'device/settings', (settings) => expect(settings).toMatchObject({ currentProfileId: null }));
    const again = await openStores((await openKeyValue(dbName)).kv);
    expect(again.roster.learner).toBeNull();
    expect(again.roster.profiles.map((p) => p.name)).toEqual(['Анна']);
  });
});
