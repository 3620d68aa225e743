/**
 * What is stored, how each stored record is unsealed, migrated and merged. Pure: the storage module
 * does the I/O, this module decides. Every record sits in an envelope `{ v, type, data }` so a
 * damaged or foreign value is recognised instead of crashing the app. The schemas that check the
 * data live in record-schemas.ts, which storage loads with the database code, off the first
 * screen's script.
 */
import type { Assignment, Report } from '../exchange/types.ts';
import { withAttempt, type ActivityRecord, type AttemptRecord } from './api.ts';

/** Version of the record format written by this build. */
export const RECORD_VERSION = 1;

// The record types are inferred from their schemas (record-schemas.ts): the schema is the type.
export type { AcceptedAssignment, DeviceSettings, LearnerMeta, LessonRecord, PinHash, Profile } from './record-schemas.ts';
import type { AcceptedAssignment, DeviceSettings, LearnerMeta, LessonRecord, PinHash, Profile } from './record-schemas.ts';
import type { ThrottleState } from './pin-throttle.ts';

export const DEFAULT_SETTINGS: DeviceSettings = {
  idleMinutes: 10,
  currentProfileId: null,
  lastActivityAt: 0,
  persistAsked: false,
  persistGranted: null,
  managerPin: null,
};

/** Kinds of stored record. */
export type RecordType = 'profile' | 'lesson' | 'activity' | 'meta' | 'settings' | 'assignment' | 'managerPin' | 'managerAssignment' | 'managerReport' | 'pinThrottle';
/** The device's own records, checked by hand (device-records.ts): all the roster reads. */
export type DeviceRecordType = 'profile' | 'settings' | 'managerPin';
export const isDeviceRecordType = (type: RecordType): type is DeviceRecordType => type === 'profile' || type === 'settings' || type === 'managerPin';
export type RecordData = {
  profile: Profile;
  lesson: LessonRecord;
  activity: ActivityRecord;
  meta: LearnerMeta;
  settings: DeviceSettings;
  /** Under `learner/<id>/assignment/<assignmentId>`. */
  assignment: AcceptedAssignment;
  /** The manager area's PIN (hashed), under `manager/pin`. */
  managerPin: PinHash;
  /** Wrong PINs in a row, under `device/pin-throttle/<id>` or `manager/pin-throttle` (pin-attempts.ts). */
  pinThrottle: ThrottleState;
  /** An assignment the manager created on this device, under `manager/assignment/<id>`. */
  managerAssignment: Assignment;
  /** A report the manager imported, under `manager/report/<key>`. */
  managerReport: Report;
};

/** The stored form of every record. */
export interface Envelope<T extends RecordType = RecordType> {
  v: number;
  type: T;
  data: RecordData[T];
}

/**
 * Upgrades a record's data from version `from` to `from + 1`. Version 1 is the first released
 * format, so the chain is empty today; a format change adds a step here and a test that migrates
 * a stored sample of every earlier version.
 */
export type Migration = (type: RecordType, data: unknown) => unknown;
export const MIGRATIONS: Record<number, Migration> = {};

/** Why a stored value could not be used. */
export type DamageReason = 'not-a-record' | 'newer-version' | 'no-migration' | 'invalid';

/** What a record's check says: its data as read, or why not. */
export type RecordCheck = { ok: true; data: unknown } | { ok: false; detail: string };
/** Checks a record's data against its rules (device-records.ts, record-schemas.ts). */
export type RecordValidator = (type: RecordType, data: unknown) => RecordCheck;

/** The outcome of reading a stored value. */
export type ReadResult<T extends RecordType> = { ok: true; data: RecordData[T]; migrated: boolean } | { ok: false; reason: DamageReason; detail: string };

/** Wraps data for storage. */
export function seal<T extends RecordType>(type: T, data: RecordData[T]): Envelope<T> {
  return { v: RECORD_VERSION, type, data };
}

/**
 * Checks a stored value: the envelope, the version (migrating older ones step by step with
 * `migrations`), and the data with `validate`. Never throws.
 */
export function unseal<T extends RecordType>(
  type: T,
  stored: unknown,
  validate: RecordValidator,
  { migrations = MIGRATIONS, current = RECORD_VERSION }: { migrations?: Record<number, Migration>; current?: number } = {},
): ReadResult<T> {
  if (typeof stored !== 'object' || stored === null || !('v' in stored) || !('data' in stored) || (stored as { type?: unknown }).type !== type) {
    return { ok: false, reason: 'not-a-record', detail: `not a ${type} record` };
  }
  const version = (stored as { v: unknown }).v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'not-a-record', detail: `bad version ${String(version)}` };
  if (version > current) return { ok: false, reason: 'newer-version', detail: `written by a newer version of the course (format ${version})` };
  let data = (stored as { data: unknown }).data;
  for (let from = version; from < current; from++) {
    const step = migrations[from];
    if (!step) return { ok: false, reason: 'no-migration', detail: `no migration from format ${from}` };
    try {
      data = step(type, data);
    } catch (error) {
      return { ok: false, reason: 'invalid', detail: `migration from format ${from} failed: ${(error as Error).message}` };
    }
  }
  const result = validate(type, data);
  if (!result.ok) return { ok: false, reason: 'invalid', detail: result.detail };
  return { ok: true, data: result.data as RecordData[T], migrated: version !== current };
}

/** Merges two records of the same lesson: earliest first visit, latest last visit, earliest finish. */
export function mergeLesson(a: LessonRecord | undefined, b: LessonRecord): LessonRecord {
  if (!a) return b;
  const finished = [a.finishedAt, b.finishedAt].filter((t): t is number => t !== null);
  return {
    lessonId: b.lessonId,
    firstVisitedAt: Math.min(a.firstVisitedAt, b.firstVisitedAt),
    lastVisitedAt: Math.max(a.lastVisitedAt, b.lastVisitedAt),
    finishedAt: finished.length ? Math.min(...finished) : null,
  };
}

/**
 * Merges two records of the same activity: every attempt of both (same id counted once), best score
 * and passed recomputed, and the newer draft kept. Nothing better is ever replaced by worse.
 */
export function mergeActivity(a: ActivityRecord | undefined, b: ActivityRecord): ActivityRecord {
  let merged: ActivityRecord | undefined = a;
  const attempts: AttemptRecord[] = [...(a?.attempts ?? []), ...b.attempts];
  for (const attempt of attempts) merged = withAttempt(merged, b.key, attempt);
  const base = merged ?? { key: b.key, attempts: [], best: 0, passed: false, draft: null, updatedAt: 0 };
  const newer = !a || b.updatedAt >= a.updatedAt ? b : a;
  return { ...base, draft: newer.draft ?? null, updatedAt: Math.max(a?.updatedAt ?? 0, b.updatedAt) };
}

/** Merges learner meta: the most recent location wins. */
export function mergeMeta(a: LearnerMeta | undefined, b: LearnerMeta): LearnerMeta {
  return !a || b.updatedAt >= a.updatedAt ? b : a;
}
