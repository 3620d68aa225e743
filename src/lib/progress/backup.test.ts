import { describe, expect, it } from 'vitest';
import type { ActivityRecord, AttemptRecord } from './api.ts';
import { backupFileName, backupText, makeBackup, MAX_BACKUP_BYTES, parseBackup, pinGuardFor, previewImport, profileFromBackup, type Backup } from './backup.ts';
import { fnv1a64Hex } from '../encoding/checksum.ts';
import { mergeActivity, type LessonRecord, type Profile } from './records.ts';

const NOW = Date.UTC(2025, 4, 15, 9, 30);
const ANNA = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const OTHER = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const profile: Profile = {
  id: ANNA,
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
  activities: [activity('quiz:m1', [attempt('a1', 60), attempt('a2', 90)]), activity('exercise:chain', [attempt('a3', 100)], { chosen: 1, wrong: ['l2'], startedAt: NOW - 2000 })],
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
  it('writes a versioned document with the learner and every record, and no PIN nor PIN hash', () => {
    const backup = good();
    expect(backup).toMatchObject({ format: 'silnoe-zveno-backup', version: 2, exportedAt: '2025-05-15T09:30:00.000Z' });
    expect(backup.profile).toEqual({ id: ANNA, name: 'Анна К.', createdAt: profile.createdAt, pinProtected: true });
    const text = backupText(backup);
    for (const secret of [profile.pin!.hash, profile.pin!.salt, '"pin"', 'iterations']) expect(text).not.toContain(secret);
    expect(backup.lessons).toHaveLength(2);
    expect(backup.activities).toHaveLength(2);
    expect(backup.meta).toEqual(data.meta);
    expect(backup.checksum).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(backup.profile)).not.toContain('lastActiveAt');
  });

  it('keeps a learner without a PIN without one', () => {
    expect(makeBackup({ ...profile, pin: null }, data, NOW).profile.pinProtected).toBe(false);
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
    ['version 3', () => backupText(good()).replace('"version": 2', '"version": 3'), 'newer-version'],
    ['a profile id that is a prefix path', () => resealed((b) => ((b.profile as Profile).id = `${OTHER}/lesson`)), 'invalid'],
    ['a profile id in another format', () => resealed((b) => ((b.profile as Profile).id = 'p-anna')), 'invalid'],
    ['a time of 8.64e15', () => resealed((b) => ((b.lessons as LessonRecord[])[0]!.finishedAt = 8.64e15)), 'invalid'],
    ['a time of 1e300', () => resealed((b) => ((b.activities as ActivityRecord[])[0]!.attempts[0]!.finishedAt = 1e300)), 'invalid'],
    ['a time before 2020', () => resealed((b) => ((b.profile as Profile).createdAt = Date.UTC(2019, 0, 1))), 'invalid'],
    ['a time next year', () => resealed((b) => ((b.meta as { updatedAt: number }).updatedAt = Date.now() + 400 * 86_400_000)), 'invalid'],
    ['an export time Date cannot parse', () => resealed((b) => (b.exportedAt = '2024-01-01T23:59:59+05')), 'invalid'],
    ['an export time in year 275760', () => resealed((b) => (b.exportedAt = '+275760-09-13T00:00:00.000Z')), 'invalid'],
    ['a fractional score', () => resealed((b) => ((b.activities as ActivityRecord[])[0]!.attempts[0]!.score = 60.5)), 'invalid'],
    ['a bidi override in the name', () => resealed((b) => ((b.profile as Profile).name = 'Анна\u202Eвонави')), 'invalid'],
    ['a name of zero-width characters', () => resealed((b) => ((b.profile as Profile).name = '\u200B\u200B')), 'invalid'],
    ['version "1" as text', () => resealed((b) => (b.version = '1')), 'invalid'],
    ['a score of 170', () => resealed((b) => ((b.activities as ActivityRecord[])[0]!.attempts[0]!.score = 170)), 'invalid'],
    ['a negative time', () => resealed((b) => ((b.lessons as LessonRecord[])[0]!.firstVisitedAt = -5)), 'invalid'],
    ['an empty name', () => resealed((b) => ((b.profile as Profile).name = '   ')), 'invalid'],
    ['no lessons list', () => resealed((b) => delete b.lessons), 'invalid'],
    ['a score edited by hand (checksum)', () => backupText(good()).replace('"score": 60', '"score": 95'), 'invalid'],
    ['a finished lesson added by hand (checksum)', () => backupText(good()).replace('"finishedAt": null', `"finishedAt": ${NOW}`), 'invalid'],
    ['no checksum', () => JSON.stringify({ ...good(), checksum: undefined }), 'invalid'],
    ['a 3 MB file', () => backupText(makeBackup(profile, { ...data, meta: { location: 'x'.repeat(3 * 1024 * 1024), updatedAt: NOW } }, NOW)), 'too-large'],
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
      profileId: ANNA,
      name: 'Анна К.',
      isNew: true,
      targetName: 'Анна К.',
      pinProtected: false,
      needsNewPin: true,
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
    const stranger = makeBackup({ ...profile, id: OTHER }, data, NOW);
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
  it('recreates the learner with the same id and name, and the PIN chosen here (never one from the file)', () => {
    expect(profileFromBackup(good(), NOW + 5)).toEqual({ ...profile, pin: null, lastActiveAt: NOW + 5 });
    const chosen = { salt: 'ef'.repeat(16), hash: '01'.repeat(32), iterations: 100_000 as const };
    expect(profileFromBackup(good(), NOW + 5, chosen)).toEqual({ ...profile, pin: chosen, lastActiveAt: NOW + 5 });
  });
});

describe('a file from before (version 1, with the PIN hash)', () => {
  const v1 = (pin: unknown) => {
    const body = { ...JSON.parse(JSON.stringify(good())), version: 1 } as Record<string, unknown>;
    delete body.checksum;
    body.profile = { id: ANNA, name: 'Анна К.', createdAt: profile.createdAt, pin };
    return JSON.stringify({ ...body, checksum: fnv1a64Hex(JSON.stringify(body)) });
  };

  it('is still read; its PIN hash only says the learner had a PIN, and is not kept', () => {
    const backup = parsed(v1(profile.pin));
    expect(backup.profile).toEqual({ id: ANNA, name: 'Анна К.', createdAt: profile.createdAt, pinProtected: true });
    expect(JSON.stringify(backup)).not.toContain(profile.pin!.hash);
    expect(parsed(v1(null)).profile.pinProtected).toBe(false);
  });

  it('cannot choose the key-derivation settings: whatever it says is dropped', () => {
    const backup = parsed(v1({ salt: 'ab', hash: 'cd', iterations: 1e300 }));
    expect(JSON.stringify(backup)).not.toContain('iterations');
  });
});

describe('pinGuardFor: a backup touching a protected learner needs their PIN', () => {
  const annaHere = { ...profile };
  const otherHere = { ...profile, id: OTHER, name: 'Борис', pin: null };
  it('finds the protected learner with exactly the backup\'s id', () => {
    expect(pinGuardFor(good(), [otherHere, annaHere])).toBe(annaHere);
    expect(pinGuardFor(good(), [{ ...annaHere, pin: null }])).toBeNull();
    expect(pinGuardFor(makeBackup({ ...profile, id: OTHER }, data, NOW), [annaHere])).toBeNull();
  });

  it('a crafted file with a prefix id never reaches the comparison', () => {
    const crafted = resealed((b) => ((b.profile as Profile).id = `${ANNA}/lesson`));
    expect(parseBackup(crafted).ok).toBe(false);
  });
});
