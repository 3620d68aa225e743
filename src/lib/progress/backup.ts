/**
 * A learner's progress as a file: made on one device, checked and merged on another. Pure: the
 * settings panel does the reading, downloading and storing.
 *
 * The file is JSON with a format name, a version and a checksum (FNV-1a 64 of the rest). It
 * carries no PIN and no PIN hash: only whether the learner had a PIN, so a tablet that does not
 * know the learner asks for a new PIN when restoring. Every value in it is bounded (dates between
 * 2020 and now, whole percents, ids in the app's format, names by the one name rule). Reading
 * never throws: a file that is too big, not JSON, another program's, from a newer course or
 * damaged/edited gets a verdict and nothing is merged. Merging keeps the best of both sides
 * (records.ts): every attempt, the best score, the earliest finish — never worse over better.
 */
import * as v from 'valibot';
import { IsoMomentSchema, MomentSchema } from '../values/bounds.ts';
import { PersonNameSchema, ProfileIdSchema } from '../values/schemas.ts';
import type { ActivityRecord } from './api.ts';
import { fnv1a64Hex } from '../encoding/checksum.ts';
import { FileRecordSchemas } from './record-schemas.ts';
import { mergeActivity, mergeLesson, type LearnerMeta, type LessonRecord, type PinHash, type Profile } from './records.ts';

export const BACKUP_FORMAT = 'silnoe-zveno-backup';
/** 2: the profile carries `pinProtected` instead of the PIN hash (version 1 files are still read). */
export const BACKUP_VERSION = 2;
/** Bigger than any real learner's progress by far, small enough to read on a cheap tablet. */
export const MAX_BACKUP_BYTES = 2 * 1024 * 1024;

/** The learner as a backup carries them: never the PIN nor its hash, only whether there was one. */
export interface BackupProfile {
  id: string;
  name: string;
  createdAt: number;
  pinProtected: boolean;
}

/** Everything one learner has on one device, as written to a backup file. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1 | 2;
  /** When the file was made, ISO 8601. */
  exportedAt: string;
  profile: BackupProfile;
  lessons: LessonRecord[];
  activities: ActivityRecord[];
  meta: LearnerMeta | null;
  /** FNV-1a 64 (hex) of the JSON of every field above, in this order: catches damage and hand edits. */
  checksum: string;
}

/** What the learner's store holds, as `readLearner` returns it. */
export interface LearnerData {
  lessons: readonly LessonRecord[];
  activities: readonly ActivityRecord[];
  meta: LearnerMeta | null;
}

/** A backup's learner; a version 1 file's PIN hash is read only as "had a PIN" and never kept. */
const BackupProfileSchema = v.pipe(
  v.object({
    id: ProfileIdSchema,
    name: PersonNameSchema,
    createdAt: MomentSchema,
    pinProtected: v.optional(v.boolean()),
    pin: v.optional(v.unknown()),
  }),
  v.transform(({ id, name, createdAt, pinProtected, pin }): BackupProfile => ({ id, name, createdAt, pinProtected: pinProtected ?? (pin !== null && pin !== undefined) })),
);

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.union([v.literal(1), v.literal(2)]),
  exportedAt: IsoMomentSchema,
  profile: BackupProfileSchema,
  lessons: v.pipe(v.array(FileRecordSchemas.lesson), v.maxLength(2000)),
  activities: v.pipe(v.array(FileRecordSchemas.activity), v.maxLength(2000)),
  meta: v.nullable(FileRecordSchemas.meta),
  checksum: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
});

const checksumOf = (body: Omit<Backup, 'checksum'>): string => fnv1a64Hex(JSON.stringify(body));

/**
 * Makes the backup of one learner. The data is copied through JSON first, so what is
 * checksummed is exactly what the file will hold (no reactive proxies, no `undefined`).
 */
export function makeBackup(profile: Pick<Profile, 'id' | 'name' | 'createdAt' | 'pin'> & { lastActiveAt?: number }, data: LearnerData, now: number): Backup {
  const body: Omit<Backup, 'checksum'> = JSON.parse(
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      profile: { id: profile.id, name: profile.name, createdAt: profile.createdAt, pinProtected: profile.pin !== null },
      lessons: data.lessons,
      activities: data.activities,
      meta: data.meta,
    }),
  );
  return { ...body, checksum: checksumOf(body) };
}

/** The text of a backup file (indented, so a curious person can read it). */
export const backupText = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** Why a file is not a usable backup. */
export type BackupError = 'too-large' | 'not-json' | 'foreign' | 'newer-version' | 'invalid';
export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: BackupError; detail: string };

const fail = (error: BackupError, detail: string): ParseResult => ({ ok: false, error, detail });

/** Byte length of text as UTF-8, without allocating it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Reads the text of a backup file. Checks, in order: size, JSON, that it is our format, its
 * version, every record against the stored-record schemas, then the checksum. Never throws.
 */
export function parseBackup(text: string): ParseResult {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused unmeasured.
  if (text.length > MAX_BACKUP_BYTES || utf8Length(text) > MAX_BACKUP_BYTES) return fail('too-large', `over ${MAX_BACKUP_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('not-json', error instanceof Error ? error.message : 'not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('foreign', 'not a backup of this course');
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) return fail('newer-version', `format ${version}`);
  const result = v.safeParse(BackupSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    return fail('invalid', `${issue ? (v.getDotPath(issue) ?? '(root)') : '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  // Checked on the file's own fields (in the file's order), not on the schema's output.
  const { checksum, ...body } = json as Backup;
  if (checksumOf(body) !== checksum) return fail('invalid', 'checksum does not match: the file was changed after it was saved');
  return { ok: true, backup: result.output as Backup };
}

/** An activity whose best score goes up with the import. */
export interface BestRaised {
  key: string;
  /** Best before, or null when there was no attempt. */
  from: number | null;
  to: number;
}

/** What importing a backup will do, computed with the same merge the store uses. */
export interface ImportPreview {
  profileId: string;
  /** The name in the backup. */
  name: string;
  /** True when this device has no learner with the backup's id: one will be created. */
  isNew: boolean;
  /** The name of the learner here who will receive the progress (may differ after a rename). */
  targetName: string;
  /** Whether the receiving learner is protected by a PIN here: the import then needs that PIN. */
  pinProtected: boolean;
  /** A new learner who had a PIN on the other tablet: the import asks for a new PIN. */
  needsNewPin: boolean;
  /** Lessons never opened here before. */
  lessonsVisited: number;
  /** Lessons that become finished. */
  lessonsFinished: number;
  attemptsAdded: number;
  bestRaised: BestRaised[];
  /** Activities passed for the first time. */
  passesGained: string[];
  /** True when the import changes nothing but, at most, the resume point. */
  nothingNew: boolean;
}

/** What this device holds for the backup's learner (nothing, for a new one). */
export interface ExistingLearner {
  profile?: Profile;
  lessons: readonly LessonRecord[];
  activities: readonly ActivityRecord[];
}

/**
 * Says what importing `backup` into `existing` will change. It folds the backup's records into
 * the existing ones with mergeLesson/mergeActivity — the very functions the store's mergeInto
 * uses — so the preview is what the import does.
 */
export function previewImport(backup: Backup, existing: ExistingLearner): ImportPreview {
  const lessons = new Map(existing.lessons.map((l) => [l.lessonId, l]));
  const activities = new Map(existing.activities.map((a) => [a.key, a]));
  const lessonsBefore = new Map(lessons);
  const activitiesBefore = new Map(activities);
  for (const lesson of backup.lessons) lessons.set(lesson.lessonId, mergeLesson(lessons.get(lesson.lessonId), lesson));
  for (const activity of backup.activities) activities.set(activity.key, mergeActivity(activities.get(activity.key), activity));

  let lessonsVisited = 0;
  let lessonsFinished = 0;
  for (const [id, after] of lessons) {
    const before = lessonsBefore.get(id);
    if (!before) lessonsVisited++;
    if (after.finishedAt !== null && !before?.finishedAt) lessonsFinished++;
  }
  let attemptsAdded = 0;
  const bestRaised: BestRaised[] = [];
  const passesGained: string[] = [];
  for (const [key, after] of activities) {
    const before = activitiesBefore.get(key);
    attemptsAdded += after.attempts.length - (before?.attempts.length ?? 0);
    const from = before?.attempts.length ? before.best : null;
    if (after.attempts.length > 0 && (from === null || after.best > from)) bestRaised.push({ key, from, to: after.best });
    if (after.passed && !before?.passed) passesGained.push(key);
  }
  const isNew = !existing.profile;
  return {
    profileId: backup.profile.id,
    name: backup.profile.name,
    isNew,
    targetName: existing.profile?.name ?? backup.profile.name,
    pinProtected: !!existing.profile?.pin,
    needsNewPin: isNew && backup.profile.pinProtected,
    lessonsVisited,
    lessonsFinished,
    attemptsAdded,
    bestRaised,
    passesGained,
    nothingNew: !isNew && lessonsVisited + lessonsFinished + attemptsAdded + bestRaised.length + passesGained.length === 0,
  };
}

/**
 * The profile to create on this device for a backup's new learner, with the PIN chosen here
 * (`needsNewPin`) or none.
 */
export const profileFromBackup = (backup: Backup, now: number, pin: PinHash | null = null): Profile => ({
  id: backup.profile.id,
  name: backup.profile.name,
  pin,
  createdAt: backup.profile.createdAt,
  lastActiveAt: now,
});

/**
 * The learner on this device whose PIN a backup needs before it may touch anything: the one whose id
 * is exactly the backup's (ids are validated, so no prefix or look-alike matches), when protected.
 */
export function pinGuardFor(backup: Backup, profiles: readonly Profile[]): Profile | null {
  return profiles.find((p) => p.id === backup.profile.id && p.pin !== null) ?? null;
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * A file name every system accepts: `silnoe-zveno-<name in Latin letters>-<YYYY-MM-DD>.json`.
 * Cyrillic is transliterated; anything else that is not a Latin letter or digit becomes a dash.
 */
export function backupFileName(name: string, now: number): string {
  const latin = [...name.normalize('NFC').toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('');
  const slug = latin.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  const d = new Date(now);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `silnoe-zveno-${slug || 'learner'}-${day}.json`;
}
