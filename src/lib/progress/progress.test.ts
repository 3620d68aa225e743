import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { openKeyValue, memoryKeyValue, RecordStore, type KeyValue } from './storage.ts';
import { ProgressStore } from './progress.svelte.ts';
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

describe('storage over IndexedDB (fake-indexeddb)', () => {
  it('keeps what was written for the next open', async () => {
    const a = await ProgressStore.open(kv);
    await a.createProfile('Анна', null);
    await a.visitLesson('l1', true);
    await a.recordAttempt('quiz:m1', { startedAt: 1, finishedAt: 2, score: 80, passed: true, mistakes: [] });
    a.setLocation('#/quiz/m1?q=3');
    await new Promise((r) => setTimeout(r, 20));

    const b = await ProgressStore.open((await openKeyValue(dbName)).kv);
    flushSync();
    expect(b.learner?.name).toBe('Анна');
    expect(b.lessons['l1']?.finishedAt).toBeGreaterThan(0);
    expect(b.activity('quiz:m1')).toMatchObject({ best: 80, passed: true });
    expect(b.meta.location).toBe('#/quiz/m1?q=3');
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
    const attempt = (id: string, score: number) => ({ id, startedAt: 0, finishedAt: score, score, passed: false, mistakes: [] });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? one : two).update('activity', 'learner/x/activity/quiz:a', (current) => ({
          key: 'quiz:a',
          attempts: [...(current?.attempts ?? []), attempt(`a${i}`, i)],
          best: 0,
          passed: false,
          draft: null,
          updatedAt: i,
        })),
      ),
    );
    const stored = await one.read('activity', 'learner/x/activity/quiz:a');
    expect(stored?.attempts.map((a) => a.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`).sort());
  });

  it('sets a damaged record aside, reports it, and loads everything else', async () => {
    const damaged: string[] = [];
    await kv.set('learner/x/lesson/good', seal('lesson', { lessonId: 'good', firstVisitedAt: 1, lastVisitedAt: 1, finishedAt: null }));
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
    const store = await ProgressStore.open(full);
    await store.createProfile('Борис', null);
    await store.recordAttempt('quiz:m1', { startedAt: 1, finishedAt: 2, score: 50, passed: false, mistakes: ['q1'] });
    expect(store.problem).toBe('quota');
    expect(store.activity('quiz:m1')?.attempts).toHaveLength(1);
  });
});

describe('profiles on a shared tablet', () => {
  it('opens a PIN-protected learner only with the right PIN', async () => {
    const store = await ProgressStore.open(kv);
    const anna = await store.createProfile('Анна', '1234');
    await store.visitLesson('l1');
    store.lock();
    expect(store.learner).toBeNull();
    expect(store.lessons).toEqual({});
    expect(await store.selectProfile(anna.id)).toBe('pin-required');
    expect(await store.selectProfile(anna.id, '9999')).toBe('wrong-pin');
    expect(store.learner).toBeNull();
    expect(await store.selectProfile(anna.id, '1234')).toBe('ok');
    expect(store.lessons['l1']).toBeDefined();
  });

  it('keeps learners apart', async () => {
    const store = await ProgressStore.open(kv);
    await store.createProfile('Анна', null);
    await store.visitLesson('l1', true);
    store.lock();
    await store.createProfile('Борис', null);
    expect(store.learner?.name).toBe('Борис');
    expect(store.lessons).toEqual({});
  });

  it('locks after the idle time and not before', async () => {
    const store = await ProgressStore.open(kv);
    await store.createProfile('Анна', null);
    const now = Date.now();
    store.touch(now);
    expect(store.lockIfIdle(now + 9 * 60_000)).toBe(false);
    expect(store.lockIfIdle(now + 10 * 60_000 + 1)).toBe(true);
    expect(store.learner).toBeNull();
  });

  it('does not reopen a locked learner on the next start', async () => {
    const store = await ProgressStore.open(kv);
    await store.createProfile('Анна', null);
    store.lock();
    await new Promise((r) => setTimeout(r, 20));
    const again = await ProgressStore.open((await openKeyValue(dbName)).kv);
    expect(again.learner).toBeNull();
    expect(again.profiles.map((p) => p.name)).toEqual(['Анна']);
  });
});
