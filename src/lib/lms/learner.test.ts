import { describe, expect, it } from 'vitest';
import { checkDeviceRecordForWrite } from '$lib/progress/device-records.ts';
import { displayName, isLmsProfileOf, latestLmsProfile, lmsAttemptProfileId, lmsProfileId, resumeRecords } from './learner.ts';
import { activity, attempt, lessonRecord } from '../../../tests/lms/test-course.ts';

describe('lmsProfileId', () => {
  it('is readable for a plain LMS id and the same on every launch', () => {
    expect(lmsProfileId('student-42')).toBe('lms-student-42');
    expect(lmsProfileId(' anna@example.org ')).toBe('lms-anna@example.org');
  });

  it('hashes ids that are long or have other characters, still fitting a profile id (64)', () => {
    const long = lmsProfileId('x'.repeat(4000));
    const odd = lmsProfileId('Иванова Анна/1');
    expect(long).toMatch(/^lms-h[0-9a-f]{16}$/);
    expect(odd).toMatch(/^lms-h[0-9a-f]{16}$/);
    expect(long).not.toBe(lmsProfileId('x'.repeat(3999)));
    expect(lmsProfileId('Иванова Анна/1')).toBe(odd);
  });

  it('keeps different learners apart', () => {
    const ids = new Set(Array.from({ length: 2000 }, (_, i) => lmsProfileId(`Ученик №${i}`)));
    expect(ids.size).toBe(2000);
  });
});

describe('displayName', () => {
  it('turns «Фамилия, Имя» into «Имя Фамилия»', () => {
    expect(displayName('Иванова, Анна', 'u1')).toBe('Анна Иванова');
    expect(displayName('Smith,  John ', 'u1')).toBe('John Smith');
  });

  it('leaves other names as they are, tidied', () => {
    expect(displayName('Анна  Иванова', 'u1')).toBe('Анна Иванова');
    expect(displayName('Ltd, Co, Inc', 'u1')).toBe('Ltd, Co, Inc');
  });

  it('falls back to the learner id, then to «LMS», and fits the profile schema', () => {
    expect(displayName('  ', 'student-42')).toBe('student-42');
    expect(displayName('', '')).toBe('LMS');
    const name = displayName('Я'.repeat(300), 'u');
    expect(name).toHaveLength(80);
    expect(checkDeviceRecordForWrite('profile', { id: lmsProfileId('u'), name, pin: null, createdAt: Date.UTC(2025, 0, 1), lastActiveAt: Date.UTC(2025, 0, 1) }).ok).toBe(true);
  });
});

describe('displayName under the one name rule', () => {
  const fits = (name: string) => checkDeviceRecordForWrite('profile', { id: 'lms-u', name, pin: null, createdAt: Date.UTC(2025, 0, 1), lastActiveAt: Date.UTC(2025, 0, 1) }).ok;
  it.each([
    ['a bidi override', 'Иванова,\u202E Анна', 'Анна Иванова'],
    ['an isolate and a zero-width space', 'Ан\u2066на\u200B Иванова', 'Ан на Иванова'],
    ['control characters and a newline', 'Анна\u0007\nИванова', 'Анна Иванова'],
    ['zero-width characters only', '\u200B\u200C\u200D', 'student-42'],
    ['a Hangul filler only', '\u3164', 'student-42'],
  ])('cleans a name with %s', (_, raw, shown) => {
    const name = displayName(raw, 'student-42');
    expect(name).toBe(shown);
    expect(fits(name)).toBe(true);
  });

  it('falls back to «LMS» when the learner id has nothing visible either', () => {
    expect(displayName('\u202E', '\u200B')).toBe('LMS');
  });

  it('cuts an overlong name within the limits, never an emoji in half', () => {
    expect([...new Intl.Segmenter().segment(displayName('Я'.repeat(300), 'u'))]).toHaveLength(80);
    const name = displayName('👩‍🍳'.repeat(100), 'u');
    expect(name).toBe('👩‍🍳'.repeat(64));
    expect(fits(name)).toBe(true);
  });
});

describe('resumeRecords', () => {
  const shared = attempt(60, false, 1);
  const here = { ...shared, mistakes: ['q1', 'q4'] };
  const fromLms = {
    lessons: [lessonRecord('a1'), lessonRecord('a2', false)],
    activities: [activity('quiz:a', { ...shared, mistakes: [] }, attempt(90, true, 2)), activity('quiz:b', attempt(100, true, 3)), activity('exercise:chain', { ...attempt(50, true, 4), id: 'known' })],
    meta: { location: '#/quiz/b', updatedAt: 5 },
  };
  const local = { activities: [activity('quiz:a', here), { ...activity('exercise:chain', { ...attempt(50, true, 4), id: 'known' }), draft: { step: 2 } }] };
  const merged = resumeRecords(fromLms, local);

  it('passes lessons and the location on as they are (the store merges them by time)', () => {
    expect(merged.lessons).toBe(fromLms.lessons);
    expect(merged.meta).toBe(fromLms.meta);
  });

  it('brings only attempts this browser does not have, so a local attempt keeps its mistakes', () => {
    const quiz = merged.activities.find((a) => a.key === 'quiz:a')!;
    expect(quiz.attempts.map((a) => a.score)).toEqual([90]);
    expect(merged.activities.find((a) => a.key === 'quiz:b')!.attempts).toHaveLength(1);
  });

  it('skips an activity with nothing new, and never replaces a local draft', () => {
    expect(merged.activities.map((a) => a.key)).toEqual(['quiz:a', 'quiz:b']);
    const withDraft = resumeRecords({ ...fromLms, activities: [activity('exercise:chain', attempt(70, true, 9))] }, local);
    expect(withDraft.activities[0]!.draft).toEqual({ step: 2 });
  });
});

describe('attempt profiles', () => {
  it('a later attempt has its own profile id, within 64 characters, recognised as the same learner', () => {
    const at = Date.UTC(2026, 5, 1);
    expect(lmsAttemptProfileId('student-42', at)).toBe(`lms-student-42~${at.toString(36)}`);
    const long = lmsAttemptProfileId('x'.repeat(56), at);
    expect(long).toMatch(/^lms-h[0-9a-f]{16}~[0-9a-z]+$/);
    for (const id of ['student-42', 'x'.repeat(56), 'Иванова Анна/1']) {
      const attempt = lmsAttemptProfileId(id, at);
      expect(checkDeviceRecordForWrite('profile', { id: attempt, name: 'A', pin: null, createdAt: at, lastActiveAt: at }).ok).toBe(true);
      expect(isLmsProfileOf(id, attempt)).toBe(true);
      expect(isLmsProfileOf(id, lmsProfileId(id))).toBe(true);
    }
    expect(isLmsProfileOf('student-4', lmsAttemptProfileId('student-42', at))).toBe(false);
    expect(isLmsProfileOf('student-4', 'lms-student-42')).toBe(false);
  });

  it('the latest is the one used last; with none, the learner’s usual id', () => {
    const profiles = [
      { id: 'lms-u-1', lastActiveAt: 5 },
      { id: 'lms-u-1~abc', lastActiveAt: 9 },
      { id: 'lms-u-10', lastActiveAt: 20 },
      { id: 'someone', lastActiveAt: 30 },
    ];
    expect(latestLmsProfile('u-1', profiles)).toEqual({ id: 'lms-u-1~abc', exists: true });
    expect(latestLmsProfile('u-2', profiles)).toEqual({ id: 'lms-u-2', exists: false });
  });
});
