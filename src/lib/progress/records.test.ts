import { describe, expect, it } from 'vitest';
import type { ActivityRecord, AttemptRecord } from './api.ts';
import { validateRecord, type SchemaRecordType } from './record-schemas.ts';
import { mergeActivity, mergeLesson, mergeMeta, RECORD_VERSION, seal, unseal as unsealWith, type Migration, type RecordType } from './records.ts';

const unseal = (type: SchemaRecordType, stored: unknown, options?: Parameters<typeof unsealWith>[3]) => unsealWith(type, stored, (t, data) => validateRecord(t as SchemaRecordType, data), options);
/** A moment in the records' range (2020 to now). */
const T = Date.UTC(2025, 4, 12);

const attempt = (id: string, score: number, finishedAt: number, passed = score >= 80): AttemptRecord => ({ id, startedAt: finishedAt - 10, finishedAt, score, passed, mistakes: [] });
const activity = (attempts: AttemptRecord[], draft: unknown = null, updatedAt = 0): ActivityRecord => ({
  key: 'quiz:a',
  attempts,
  best: Math.max(0, ...attempts.map((a) => a.score)),
  passed: attempts.some((a) => a.passed),
  draft,
  updatedAt,
});

describe('seal / unseal', () => {
  const lesson = { lessonId: 'x', firstVisitedAt: T + 1, lastVisitedAt: T + 2, finishedAt: null };

  it('round-trips a record of the current version', () => {
    expect(unseal('lesson', seal('lesson', lesson))).toEqual({ ok: true, data: lesson, migrated: false });
  });

  it.each([
    ['null', null, 'not-a-record'],
    ['a string', 'garbage', 'not-a-record'],
    ['a record of another type', seal('meta', { location: null, updatedAt: 0 }), 'not-a-record'],
    ['a version that is not a number', { v: 'x', type: 'lesson', data: lesson }, 'not-a-record'],
    ['a newer version', { v: RECORD_VERSION + 1, type: 'lesson', data: lesson }, 'newer-version'],
    ['a missing field', { v: 1, type: 'lesson', data: { lessonId: 'x' } }, 'invalid'],
    ['a negative time', { v: 1, type: 'lesson', data: { ...lesson, firstVisitedAt: -5 } }, 'invalid'],
    ['a score over 100', { v: 1, type: 'activity', data: activity([{ ...attempt('a', 100, 5), score: 170 }]) }, 'invalid'],
  ])('reports %s as damaged without throwing', (_name, stored, reason) => {
    const type = (stored as { type?: string } | null)?.type === 'activity' ? 'activity' : 'lesson';
    const result = unseal(type, stored);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('migrates an older record step by step through the migration chain', () => {
    // The runner is exercised with a pretend format 3, whose history is: v1 had `visited` only,
    // v2 renamed it, v3 added finishedAt.
    const migrations: Record<number, Migration> = {
      1: (_type, data) => ({ lessonId: (data as { id: string }).id, visitedAt: (data as { visited: number }).visited }),
      2: (_type, data) => {
        const d = data as { lessonId: string; visitedAt: number };
        return { lessonId: d.lessonId, firstVisitedAt: d.visitedAt, lastVisitedAt: d.visitedAt, finishedAt: null };
      },
    };
    const fromV1 = unseal('lesson', { v: 1, type: 'lesson', data: { id: 'x', visited: T + 7 } }, { migrations, current: 3 });
    const fromV2 = unseal('lesson', { v: 2, type: 'lesson', data: { lessonId: 'x', visitedAt: T + 7 } }, { migrations, current: 3 });
    const expected = { lessonId: 'x', firstVisitedAt: T + 7, lastVisitedAt: T + 7, finishedAt: null };
    expect(fromV1).toEqual({ ok: true, data: expected, migrated: true });
    expect(fromV2).toEqual({ ok: true, data: expected, migrated: true });
  });

  it('reports a gap in the migration chain instead of guessing', () => {
    const result = unseal('lesson', { v: 1, type: 'lesson', data: {} }, { migrations: {}, current: 2 });
    expect(result).toMatchObject({ ok: false, reason: 'no-migration' });
  });

  it('reports a migration that throws as damaged', () => {
    const migrations: Record<number, Migration> = {
      1: () => {
        throw new Error('bad');
      },
    };
    expect(unseal('lesson', { v: 1, type: 'lesson', data: {} }, { migrations, current: 2 })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('reports an old version with no migration step instead of guessing', () => {
    // Versions below 1 never existed; a version with no step must not be read as current.
    expect(unseal('lesson', { v: 0, type: 'lesson', data: lesson })).toMatchObject({ ok: false, reason: 'not-a-record' });
  });
});

describe('merge rules', () => {
  it('keeps the earliest first visit, the latest visit and the earliest finish of a lesson', () => {
    const a = { lessonId: 'x', firstVisitedAt: 10, lastVisitedAt: 20, finishedAt: 15 };
    const b = { lessonId: 'x', firstVisitedAt: 5, lastVisitedAt: 30, finishedAt: null };
    expect(mergeLesson(a, b)).toEqual({ lessonId: 'x', firstVisitedAt: 5, lastVisitedAt: 30, finishedAt: 15 });
    expect(mergeLesson(undefined, b)).toBe(b);
  });

  it('keeps every attempt of both sides once and never lowers the best score', () => {
    const mine = activity([attempt('1', 60, 100), attempt('2', 90, 200)]);
    const theirs = activity([attempt('2', 90, 200), attempt('3', 40, 300)]);
    const merged = mergeActivity(mine, theirs);
    expect(merged.attempts.map((a) => a.id)).toEqual(['1', '2', '3']);
    expect(merged.best).toBe(90);
    expect(merged.passed).toBe(true);
  });

  it('is the same whichever side comes first', () => {
    const a = activity([attempt('1', 60, 100)], { q1: 'a' }, 50);
    const b = activity([attempt('2', 85, 150)], null, 40);
    const ab = mergeActivity(a, b);
    const ba = mergeActivity(b, a);
    expect(ab.attempts).toEqual(ba.attempts);
    expect([ab.best, ab.passed]).toEqual([ba.best, ba.passed]);
  });

  it('keeps the newer draft of an unfinished attempt', () => {
    expect(mergeActivity(activity([], { q: 1 }, 10), activity([], { q: 2 }, 20)).draft).toEqual({ q: 2 });
    expect(mergeActivity(activity([], { q: 1 }, 30), activity([], { q: 2 }, 20)).draft).toEqual({ q: 1 });
  });

  it('keeps the most recent place to continue from', () => {
    expect(mergeMeta({ location: '#/a', updatedAt: 5 }, { location: '#/b', updatedAt: 3 })).toEqual({ location: '#/a', updatedAt: 5 });
  });
});
