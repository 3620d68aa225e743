import { describe, expect, it } from 'vitest';
import { validateForWrite, validateRecord } from './record-schemas.ts';
import { RecordRefusedError, RecordStore, memoryKeyValue } from './storage.ts';
import { seal } from './records.ts';

const T = Date.UTC(2025, 4, 12);
const ANNA = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const attempt = { id: 'a1', startedAt: T, finishedAt: T + 1000, score: 80, passed: true, mistakes: [] };
const activity = (over: Record<string, unknown> = {}) => ({ key: 'exercise:chain', attempts: [attempt], best: 80, passed: true, draft: null, updatedAt: T, ...over });

describe('stored records are bounded', () => {
  it.each<[string, Parameters<typeof validateRecord>[0], unknown]>([
    ['a time before 2020', 'lesson', { lessonId: 'x', firstVisitedAt: 5, lastVisitedAt: T, finishedAt: null }],
    ['a time of 8.64e15', 'lesson', { lessonId: 'x', firstVisitedAt: T, lastVisitedAt: T, finishedAt: 8.64e15 + 1 }],
    ['a time of 1e300', 'lesson', { lessonId: 'x', firstVisitedAt: T, lastVisitedAt: 1e300, finishedAt: null }],
    ['NaN', 'meta', { location: null, updatedAt: Number.NaN }],
    ['a fractional score', 'activity', activity({ attempts: [{ ...attempt, score: 80.5 }] })],
    ['a best of 1e300', 'activity', activity({ best: 1e300 })],
  ])('refuses %s', (_, type, data) => {
    expect(validateRecord(type, data).ok).toBe(false);
  });

  it('brings a moment ahead of the clock back to now instead of losing the record', () => {
    const result = validateRecord('lesson', { lessonId: 'x', firstVisitedAt: T, lastVisitedAt: Date.now() + 10 * 86_400_000, finishedAt: null });
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.data as { lastVisitedAt: number }).lastVisitedAt).toBeLessThanOrEqual(Date.now() + 86_400_000);
  });
});

describe('nothing is written that would not load again', () => {
  it('refuses a draft with a 300-character entry (names: device-records.test.ts)', () => {
    expect(validateForWrite('activity', activity({ draft: { phase: 'order', arrangement: { chain: [], aside: [] }, marks: {}, firstOrder: null, firstRoles: null, mistakes: ['я'.repeat(300)], startedAt: T } })).ok).toBe(false);
    expect(validateForWrite('activity', activity()).ok).toBe(true);
  });

  it('the store refuses to write it, and keeps what was there', async () => {
    const kv = memoryKeyValue();
    const store = new RecordStore(kv, { broadcast: false });
    const key = `learner/${ANNA}/activity/exercise:chain`;
    await store.update('activity', key, () => activity() as never);
    const bad = activity({ draft: { chosen: 1, wrong: ['я'.repeat(300)], startedAt: T } });
    await expect(store.update('activity', key, () => bad as never)).rejects.toBeInstanceOf(RecordRefusedError);
    expect(await kv.get(key)).toEqual(seal('activity', activity() as never));
    expect(await store.read('activity', key)).toMatchObject({ attempts: [attempt] });
  });
});
