import { describe, expect, it } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import type { ActivityRecord } from '$lib/progress/api.ts';
import { decodeSuspendData, encodeSuspendData, keptAttempts, LATEST_KEPT, stepsFingerprint, SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004, type ProgressData } from './suspend-data.ts';
import { activity, attempt, lessonRecord, testCourse } from '../../../tests/lms/test-course.ts';
import { fullestLearner } from '../../../tests/lms/worst-case.ts';

const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;

const worstCase = (options: Parameters<typeof fullestLearner>[1] = {}) => fullestLearner(courseIndex, options);

describe('suspend data: the 4000-character limit of SCORM 2004 (2nd Edition, still enforced by some LMSs)', () => {
  it('is 4000, and under the 1.2 limit', () => {
    expect(SUSPEND_LIMIT_2004).toBe(4000);
    expect(SUSPEND_LIMIT_2004).toBeLessThan(SUSPEND_LIMIT_12);
  });

  // Encoding the fullest learner is CPU-bound (about 2–3 s alone): 30 s each for a busy 2-core machine.
  // A record id holds 64 UTF-16 units: 3-byte characters make the longest in UTF-8 (192 bytes).
  it.each([
    ['64 Cyrillic characters', 'ж'],
    ['64 three-byte characters, the longest a record allows', '€'],
  ])('the fullest learner with ids of %s fits, keeping what decides the result', (_name, pad) => {
    const data = worstCase({ pad });
    const text = encodeSuspendData(courseIndex.steps, data, SUSPEND_LIMIT_2004);
    console.info(`suspend_data for SCORM 2004, worst case (${_name}): ${text.length} characters`);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT_2004);
    expect(encodeSuspendData(courseIndex.steps, data, SUSPEND_LIMIT_12).length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
    const back = decodeSuspendData(courseIndex.steps, text)!;
    const deciding = (a: ActivityRecord) => keptAttempts(a, 2).map((t) => [t.id, Math.round(t.score), t.passed]);
    expect(back.activities.map(deciding)).toEqual(data.activities.map(deciding));
    expect(back.lessons).toHaveLength(data.lessons.length);
  }, 30_000);
});

describe('suspend data: the 4096-character limit of SCORM 1.2', () => {
  /** The attempts that decide status, score and «пройден»: the earliest best and the first pass. */
  const deciding = (a: ActivityRecord) => keptAttempts(a, 2).map((t) => [t.id, Math.round(t.score), t.passed]);

  it('holds a learner who has done everything, 1000 times each, with store-made ids: nothing given up to fit', () => {
    const data = worstCase({ longIds: false });
    const text = encodeSuspendData(courseIndex.steps, data);
    console.info(`suspend_data, everything done 1000 times (UUID ids): ${text.length} characters`);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
    const back = decodeSuspendData(courseIndex.steps, text)!;
    expect(back.lessons).toHaveLength(data.lessons.length);
    expect(back.activities.map((a) => a.attempts.map((t) => t.id))).toEqual(data.activities.map((a) => keptAttempts(a, 0).map((t) => t.id)));
    expect(back.activities.map((a) => a.attempts.length)).toEqual(data.activities.map(() => 2 + LATEST_KEPT - 1)); // the best is among the latest
    expect(back.meta?.location).toBe(data.meta!.location);
  }, 30_000);

  it('holds it with the longest ids a record allows (64 Cyrillic characters each), keeping what decides the result', () => {
    const data = worstCase();
    const text = encodeSuspendData(courseIndex.steps, data);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
    const back = decodeSuspendData(courseIndex.steps, text)!;
    console.info(`suspend_data, worst case (64-character Cyrillic ids): ${text.length} characters; what it carries, as JSON: ${JSON.stringify(back).length}`);
    expect(back.lessons.map((l) => [l.lessonId, l.finishedAt !== null])).toEqual(data.lessons.map((l) => [l.lessonId, true]));
    expect(back.activities.map(deciding)).toEqual(data.activities.map(deciding));
    expect(back.activities.map((a) => [a.key, a.best, a.passed])).toEqual(data.activities.map((a) => [a.key, 100, true]));
    expect(back.meta?.location).toBe(data.meta!.location);
  }, 30_000);

  it('gives up the location’s query last, and never the best score or the pass', () => {
    const data = worstCase();
    // Each step down gives something up: the latest five → the latest one → none → the query.
    const sizes = [encodeSuspendData(courseIndex.steps, data, Infinity)];
    for (let i = 0; i < 3; i++) sizes.push(encodeSuspendData(courseIndex.steps, data, sizes[i]!.length - 1));
    expect(sizes.map((t) => t.length)).toEqual([...sizes.map((t) => t.length)].sort((a, b) => b - a));
    expect(new Set(sizes.map((t) => t.length)).size).toBe(4);
    expect(sizes[0]!.length).toBeGreaterThan(SUSPEND_LIMIT_12);
    const tight = sizes[3]!;
    const back = decodeSuspendData(courseIndex.steps, tight)!;
    expect(back.lessons).toHaveLength(data.lessons.length);
    expect(back.activities.map(deciding)).toEqual(data.activities.map(deciding));
    expect(back.meta?.location).toBe(data.meta!.location!.split('?')[0]);
  }, 30_000);
});

describe('suspend data round trip', () => {
  const index = testCourse();
  const best = attempt(95, true, 30);
  const data: ProgressData = {
    lessons: [lessonRecord('a1', true, 0), lessonRecord('b1', false, 45)],
    activities: [
      activity('quiz:a', attempt(40, false, 10), attempt(85, true, 20), best, ...[60, 61, 62, 63, 64].map((score, i) => attempt(score, false, 40 + i))),
      activity('final', attempt(70, false, 50, 'imported-attempt-7')),
    ],
    meta: { location: '#/quiz/a?q=3', updatedAt: Date.UTC(2026, 2, 10, 10, 0, 30) },
  };
  const back = decodeSuspendData(index.steps, encodeSuspendData(index.steps, data))!;

  it('restores lessons to the minute, finished or not', () => {
    expect(back.lessons).toEqual(data.lessons.map((l) => ({ ...l, firstVisitedAt: minuteOf(l.firstVisitedAt), lastVisitedAt: minuteOf(l.lastVisitedAt), finishedAt: l.finishedAt && minuteOf(l.finishedAt) })));
  });

  it('restores the earliest best, the first pass and the latest five with their ids, scores and times', () => {
    const quiz = back.activities.find((a) => a.key === 'quiz:a')!;
    const original = data.activities[0]!;
    expect(quiz.attempts.map((a) => [a.id, a.score, a.passed])).toEqual(keptAttempts(original, 0).map((a) => [a.id, a.score, a.passed]));
    expect(quiz.attempts.map((a) => a.score)).toEqual([85, 95, 60, 61, 62, 63, 64]); // the first try, 40, stays behind
    expect(quiz).toMatchObject({ best: 95, passed: true, draft: null });
    expect(quiz.attempts[1]).toEqual({ ...best, mistakes: [], finishedAt: minuteOf(best.finishedAt), startedAt: minuteOf(best.finishedAt) - 95_000 });
    expect(back.activities.find((a) => a.key === 'final')!.attempts[0]!.id).toBe('imported-attempt-7');
  });

  it('restores the location with its query, and when it was set', () => {
    expect(back.meta).toEqual({ location: '#/quiz/a?q=3', updatedAt: minuteOf(data.meta!.updatedAt) });
  });

  it('leaves out activities never attempted and records of steps the course does not have', () => {
    const text = encodeSuspendData(index.steps, {
      lessons: [lessonRecord('gone')],
      activities: [activity('exercise:chain'), activity('quiz:gone', attempt(100, true))],
      meta: { location: '#/lesson/gone', updatedAt: 1 },
    });
    expect(decodeSuspendData(index.steps, text)).toEqual({ lessons: [], activities: [], meta: null });
  });

  it('encodes nothing as almost nothing', () => {
    const text = encodeSuspendData(index.steps, { lessons: [], activities: [], meta: null });
    expect(text.length).toBeLessThan(20);
    expect(decodeSuspendData(index.steps, text)).toEqual({ lessons: [], activities: [], meta: null });
  });
});

describe('suspend data from elsewhere', () => {
  const index = testCourse();
  const text = encodeSuspendData(index.steps, { lessons: [lessonRecord('a1')], activities: [activity('quiz:a', attempt(90, true))], meta: null });

  it('is ignored when written for a course with other steps', () => {
    expect(stepsFingerprint(testCourse({ final: false }).steps)).not.toBe(stepsFingerprint(index.steps));
    expect(decodeSuspendData(testCourse({ final: false }).steps, text)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['another course’s format', 'viewed=1,2,3|lastviewedslide=3'],
    ['cut short', text.slice(0, -4)],
    ['with extra bytes', `${text}AAAA`],
    ['not base64url', `${text.slice(0, 8)}*${text.slice(9)}`],
  ])('is null when %s', (_name, value) => {
    expect(decodeSuspendData(index.steps, value)).toBeNull();
  });
});

describe('suspend data out of bounds', () => {
  const index = testCourse();
  const T = Date.UTC(2026, 2, 10, 9, 0);
  const lesson = (lastVisitedAt: number, finishedAt: number | null = null) => ({ lessonId: 'a1', firstVisitedAt: T, lastVisitedAt, finishedAt });
  const withAttempt = (finishedAt: number, startedAt = finishedAt - 60_000, id: string = crypto.randomUUID()) =>
    activity('quiz:a', { id, startedAt, finishedAt, score: 90, passed: true, mistakes: [] });

  it.each<[string, ProgressData]>([
    ['a visit in the year 275760 (8.64e15)', { lessons: [lesson(8.64e15)], activities: [], meta: null }],
    ['a lesson finished in 3000', { lessons: [lesson(T + 60_000, Date.UTC(3000, 0, 1))], activities: [], meta: null }],
    ['an attempt two days ahead of now', { lessons: [], activities: [withAttempt(Date.now() + 2 * 86_400_000)], meta: null }],
    ['an attempt id longer than a record holds', { lessons: [], activities: [withAttempt(T, T - 1000, 'я'.repeat(65))], meta: null }],
  ])('is null (damaged) for %s', (_name, data) => {
    expect(decodeSuspendData(index.steps, encodeSuspendData(index.steps, data))).toBeNull();
  });

  it('brings a start before 2020 (a crafted duration) up to 2020, so every record loads', () => {
    const back = decodeSuspendData(index.steps, encodeSuspendData(index.steps, { lessons: [], activities: [withAttempt(T, Date.UTC(2001, 0, 1))], meta: null }))!;
    expect(back.activities[0]!.attempts[0]!.startedAt).toBe(Date.UTC(2020, 0, 1));
  });

  it('keeps moments up to a day ahead (another device’s clock)', () => {
    const soon = Date.now() + 3_600_000;
    const back = decodeSuspendData(index.steps, encodeSuspendData(index.steps, { lessons: [], activities: [withAttempt(soon)], meta: null }))!;
    expect(back.activities[0]!.attempts[0]!.finishedAt).toBe(Math.floor(soon / 60_000) * 60_000);
  });
});
