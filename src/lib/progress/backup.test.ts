import { describe, expect, it } from 'vitest';
import type { ActivityRecord, AttemptRecord } from './api.ts';
import { backupFileName, backupText, makeBackup, MAX_BACKUP_BYTES, parseBackup, previewImport, profileFromBackup, type Backup } from './backup.ts';
import { fnv1a64Hex } from '../encoding/checksum.ts';
import { mergeActivity, type LessonRecord, type Profile } from './records.ts';

const NOW = Date.UTC(2025, 4, 15, 9, 30);
const profile: Profile = {
  id: 'p-anna',
  name: 'Анна К.',
  pin: { salt: 'ab'.repeat(16), hash: 'cd'.repeat(32), iterations: 100_000 },
  createdAt: NOW - 86_400_000,
  lastActiveAt: NOW,
};
const lesson = (lessonId: string, finishedAt: number | null, at = NOW - 3_600_000): LessonRecord => ({ lessonId, firstVisitedAt: at, lastVisitedAt: at, finishedAt });
const attempt = (id: string, score: number, passed = score >= 80, finishedAt = NOW - 1000): AttemptRecord => ({ id, startedAt: finishedAt - 60_000, finishedAt, score, passed, mistakes: passed ? [] : ['q2'] });
const activity = (key: string, attempts: AttemptRecord[], draft: unknown = null): ActivityRecord => ({
  key,
  attempts,
  best: Math.max(0, ...attempts.map((a) => a.score)),
  passed: attempts.some((a) => a.passed),
  draft,
  updatedAt: Math.max(0, ...attempts.map((a) => a.finishedAt)),
});
const data = {
  lessons: [lesson('l1', NOW - 3_000_000), lesson('l2', null)],
  activities: [activity('quiz:m1', [attempt('a1', 60), attempt('a2', 90)]), activity('exercise:chain', [attempt('a3', 100)], { order: ['склад', 'повар'] })],
  meta: { location: '#/lesson/l2', updatedAt: NOW - 500 },
};
const good = () => makeBackup(profile, data, NOW);
/** Parses a backup's text, failing the test with the verdict when it is refused. */
const parsed = (text: string): Backup => {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(`${result.error}: ${result.detail}`);
  return result.backup;
};
/** Edits a good backup and recomputes its checksum, to reach the checks behind it. */
const resealed = (edit: (b: Record<string, unknown>) => void): string => {
  const { checksum: _, ...body } = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
  edit(body);
  return JSON.stringify({ ...body, checksum: fnv1a64Hex(JSON.stringify(body)) });
};

describe('makeBackup', () => {
  it('writes a versioned document with the learner, every record, and the PIN only as its hash', () => {
    const backup = good();
    expect(backup).toMatchObject({ format: 'silnoe-zveno-backup', version: 1, exportedAt: '2025-05-15T09:30:00.000Z' });
    expect(backup.profile).toEqual({ id: 'p-anna', name: 'Анна К.', createdAt: profile.createdAt, pin: profile.pin });
    expect(backup.lessons).toHaveLength(2);
    expect(backup.activities).toHaveLength(2);
    expect(backup.meta).toEqual(data.meta);
    expect(backup.checksum).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(backup.profile)).not.toContain('lastActiveAt');
  });

  it('keeps a learner without a PIN without one', () => {
    expect(makeBackup({ ...profile, pin: null }, data, NOW).profile.pin).toBeNull();
  });
});

describe('parseBackup', () => {
  it('round-trips: the file read back is the backup written', () => {
    const backup = good();
    expect(parsed(backupText(backup))).toEqual(backup);
    expect(parsed(JSON.stringify(backup))).toEqual(backup); // indentation does not matter
    expect(parsed(`\uFEFF${backupText(backup)}`)).toEqual(backup); // nor a byte-order mark
  });

  it('keeps a name with markup as plain text', () => {
    const name = '<script>alert(1)</script> Анна';
    const backup = parsed(backupText(makeBackup({ ...profile, name }, data, NOW)));
    expect(backup.profile.name).toBe(name);
  });

  it.each<[string, () => string, string]>([
    ['truncated JSON', () => backupText(good()).slice(0, 300), 'not-json'],
    ['an empty file', () => '', 'not-json'],
    ['plain text', () => 'Анна прошла курс', 'not-json'],
    ['another app’s JSON', () => JSON.stringify({ name: 'my-app', version: '1.0.0', dependencies: {} }), 'foreign'],
    ['a JSON array', () => JSON.stringify([good()]), 'foreign'],
    ['JSON null', () => 'null', 'foreign'],
    ['a manager report file', () => JSON.stringify({ format: 'silnoe-zveno-report', version: 1 }), 'foreign'],
    ['version 2', () => backupText(good()).replace('"version": 1', '"version": 2'), 'newer-version'],
    ['version "1" as text', () => resealed((b) => (b.version = '1')), 'invalid'],
    ['a score of 170', () => resealed((b) => ((b.activities as ActivityRecord[])[0]!.attempts[0]!.score = 170)), 'invalid'],
    ['a negative time', () => resealed((b) => ((b.lessons as LessonRecord[])[0]!.firstVisitedAt = -5)), 'invalid'],
    ['an empty name', () => resealed((b) => ((b.profile as Profile).name = '   ')), 'invalid'],
    ['no lessons list', () => resealed((b) => delete b.lessons), 'invalid'],
    ['a score edited by hand (checksum)', () => backupText(good()).replace('"score": 60', '"score": 95'), 'invalid'],
    ['a finished lesson added by hand (checksum)', () => backupText(good()).replace('"finishedAt": null', `"finishedAt": ${NOW}`), 'invalid'],
    ['no checksum', () => JSON.stringify({ ...good(), checksum: undefined }), 'invalid'],
    ['a 3 MB file', () => backupText(makeBackup(profile, { ...data, meta: { location: 'x'.repeat(3 * 1024 * 1024), updatedAt: 1 } }, NOW)), 'too-large'],
  ])('refuses %s', (_, make, error) => {
    const result = parseBackup(make());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.detail.length).toBeGreaterThan(0);
    }
  });

  it('names the field that is wrong', () => {
    const result = parseBackup(resealed((b) => ((b.activities as ActivityRecord[])[0]!.attempts[0]!.score = 170)));
    expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(/^activities\.0\.attempts\.0\.score:/) });
  });

  it('counts bytes, not characters: 2 MB of Cyrillic is over the limit at half the characters', () => {
    const cyrillic = `"${'я'.repeat(MAX_BACKUP_BYTES / 2 + 10)}"`;
    expect(cyrillic.length).toBeLessThan(MAX_BACKUP_BYTES);
    expect(parseBackup(cyrillic)).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('never throws, whatever it is given', () => {
    const texts = ['{', '}', '"', '1', 'true', '{"format":"silnoe-zveno-backup"}', '{"format":"silnoe-zveno-backup","version":1}', '\u0000', '{"__proto__":{"x":1}}'];
    for (const text of texts) expect(() => parseBackup(text)).not.toThrow();
    expect(texts.every((t) => parseBackup(t).ok === false)).toBe(true);
  });
});

describe('previewImport', () => {
  it('describes a new learner: everything in the backup is new', () => {
    const preview = previewImport(good(), { lessons: [], activities: [] });
    expect(preview).toMatchObject({
      profileId: 'p-anna',
      name: 'Анна К.',
      isNew: true,
      targetName: 'Анна К.',
      pinProtected: true,
      lessonsVisited: 2,
      lessonsFinished: 1,
      attemptsAdded: 3,
      passesGained: ['quiz:m1', 'exercise:chain'],
      nothingNew: false,
    });
    expect(preview.bestRaised).toEqual([
      { key: 'quiz:m1', from: null, to: 90 },
      { key: 'exercise:chain', from: null, to: 100 },
    ]);
  });

  it('merges into the existing learner: counts only what is new here', () => {
    const here = {
      profile: { ...profile, name: 'Аня', pin: null },
      lessons: [lesson('l1', null), lesson('l3', NOW - 10)],
      activities: [activity('quiz:m1', [attempt('a1', 60), attempt('h1', 70)]), activity('final', [attempt('h2', 85)])],
    };
    const preview = previewImport(good(), here);
    expect(preview).toMatchObject({
      isNew: false,
      targetName: 'Аня',
      pinProtected: false,
      lessonsVisited: 1, // l2
      lessonsFinished: 1, // l1 finished on the other device
      attemptsAdded: 2, // a2 and a3; a1 is already here
      passesGained: ['quiz:m1', 'exercise:chain'],
      nothingNew: false,
    });
    expect(preview.bestRaised).toEqual([
      { key: 'quiz:m1', from: 70, to: 90 },
      { key: 'exercise:chain', from: null, to: 100 },
    ]);
  });

  it('says so when the same backup is imported twice', () => {
    const backup = good();
    const preview = previewImport(backup, { profile, lessons: backup.lessons, activities: backup.activities });
    expect(preview).toMatchObject({ lessonsVisited: 0, lessonsFinished: 0, attemptsAdded: 0, bestRaised: [], passesGained: [], nothingNew: true });
  });

  it('a worse backup changes no best score and takes no pass away, but its attempts are kept', () => {
    const worse = makeBackup(profile, { lessons: [lesson('l1', null)], activities: [activity('quiz:m1', [attempt('w1', 20)])], meta: null }, NOW);
    const here = { profile, lessons: [lesson('l1', NOW - 9)], activities: [activity('quiz:m1', [attempt('b1', 95)])] };
    const preview = previewImport(worse, here);
    expect(preview).toMatchObject({ lessonsFinished: 0, attemptsAdded: 1, bestRaised: [], passesGained: [], nothingNew: false });
  });

  it('matches by profile id, not by name', () => {
    const stranger = makeBackup({ ...profile, id: 'p-other' }, data, NOW);
    expect(previewImport(stranger, { lessons: [], activities: [] }).isNew).toBe(true);
  });
});

describe('merge rule (records.ts, as the import applies it)', () => {
  it('never lowers a best score, whichever side is better and in whichever order', () => {
    const scores = [0, 15, 40, 79, 80, 99, 100];
    for (const a of scores) {
      for (const b of scores) {
        const left = activity('quiz:m1', [attempt(`l${a}`, a)]);
        const right = activity('quiz:m1', [attempt(`r${b}`, b)]);
        for (const merged of [mergeActivity(left, right), mergeActivity(right, left)]) {
          expect(merged.best).toBe(Math.max(a, b));
          expect(merged.passed).toBe(a >= 80 || b >= 80);
          expect(merged.attempts).toHaveLength(2);
        }
      }
    }
  });

  it('ignores a best score that the attempts do not support', () => {
    const claimed = { ...activity('quiz:m1', [attempt('x', 40, false)]), best: 100, passed: true };
    expect(mergeActivity(undefined, claimed)).toMatchObject({ best: 40, passed: false });
  });
});

describe('file names', () => {
  it('transliterates the name and adds the local date', () => {
    const at = new Date(2025, 4, 15, 12).getTime();
    expect(backupFileName('Анна К.', at)).toBe('silnoe-zveno-anna-k-2025-05-15.json');
    expect(backupFileName('Щукин Юрий', at)).toBe('silnoe-zveno-shchukin-yuriy-2025-05-15.json');
    expect(backupFileName('José Ñandú', at)).toBe('silnoe-zveno-jose-nandu-2025-05-15.json');
    expect(backupFileName('<script>/../..', at)).toBe('silnoe-zveno-script-2025-05-15.json');
    expect(backupFileName('😀 李', at)).toBe('silnoe-zveno-learner-2025-05-15.json');
  });
});

describe('profileFromBackup', () => {
  it('recreates the learner with the same id, name and PIN hash', () => {
    expect(profileFromBackup(good(), NOW + 5)).toEqual({ ...profile, lastActiveAt: NOW + 5 });
  });
});
