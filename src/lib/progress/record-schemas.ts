/**
 * The schemas of stored records (valibot), one per record type, the validators the storage module
 * hands to `unseal` (reading) and runs before every write, and the types of the records (records.ts
 * re-exports them: the schema is the type). Loaded with the database code, not with the first
 * screen's script. Backup files are checked with the strict variants (`FileRecordSchemas`).
 *
 * Bounds (values/bounds.ts): moments between 2020 and a day after now, whole percents, bounded
 * lists and texts, profile ids in the app's format, names by the one name rule. A stored record is
 * read with some forgiveness (a moment ahead of a clock that was put back is brought back to now, a
 * name saved by an older version is tidied, a draft that no longer fits is dropped), so no learner
 * loses attempts to a rule added later; a file or link gets none.
 */
import * as v from 'valibot';
import { AssignmentSchema, ReportSchema } from '../exchange/schema.ts';
import { ATTEMPTS_MAX, latestMoment, MomentOrZeroSchema, MomentSchema, PercentSchema, TIME_MIN } from '../values/bounds.ts';
import { fitName } from '../values/name.ts';
import { PersonNameSchema, ProfileIdSchema } from '../values/schemas.ts';
import { DraftSchema } from './drafts.ts';
import { PIN_ITERATIONS } from './pin.ts';
import { ThrottleStateSchema } from './pin-throttle.ts';
import type { RecordType, RecordValidator } from './records.ts';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A moment in a stored record: 2020 or later; one ahead of now (a clock put back) reads as now. */
const StoredMomentSchema = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(TIME_MIN, 'must not be before 2020'),
  v.maxValue(8.64e15),
  v.transform((t) => Math.min(t, latestMoment())),
);
const StoredMomentOrZeroSchema = v.union([v.literal(0), StoredMomentSchema]);
/** A name in a stored record: tidied by the name rule, never refused (the learner would vanish). */
const StoredNameSchema = v.pipe(v.string(), v.maxLength(10_000), v.transform((name) => fitName(name, '?')));

/** A salted PBKDF2 hash of a 4-digit PIN; the iteration count is the app's, never another. */
export const PinHashSchema = v.strictObject({
  salt: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  iterations: v.literal(PIN_ITERATIONS),
});

/** The record schemas built on one kind of moment and name: stored (forgiving) or from a file (strict). */
function recordSchemas<M extends v.GenericSchema<unknown, number>, Z extends v.GenericSchema<unknown, number>, N extends v.GenericSchema<unknown, string>>(moment: M, momentOrZero: Z, name: N) {
  const profile = v.object({ id: ProfileIdSchema, name, pin: v.nullable(PinHashSchema), createdAt: moment, lastActiveAt: moment });
  const lesson = v.object({ lessonId: shortText(120), firstVisitedAt: moment, lastVisitedAt: moment, finishedAt: v.nullable(moment) });
  const attempt = v.object({
    id: shortText(64),
    startedAt: moment,
    finishedAt: moment,
    score: PercentSchema,
    passed: v.boolean(),
    mistakes: v.pipe(v.array(shortText(120)), v.maxLength(200)),
  });
  const activity = v.object({
    key: shortText(140),
    attempts: v.pipe(v.array(attempt), v.maxLength(ATTEMPTS_MAX)),
    best: PercentSchema,
    passed: v.boolean(),
    // A draft that no longer fits is dropped on reading, never the attempts beside it.
    draft: v.fallback(v.optional(DraftSchema, null), null),
    updatedAt: momentOrZero,
  });
  const meta = v.object({ location: v.nullable(shortText(2000)), updatedAt: momentOrZero });
  return { profile, lesson, attempt, activity, meta };
}

const stored = recordSchemas(StoredMomentSchema, StoredMomentOrZeroSchema, StoredNameSchema);
/** The strict schemas a backup file is checked with: out-of-range values are refused, not repaired. */
export const FileRecordSchemas = recordSchemas(MomentSchema, MomentOrZeroSchema, PersonNameSchema);

export const ProfileSchema = stored.profile;
export const LessonRecordSchema = stored.lesson;
export const AttemptSchema = stored.attempt;
export const ActivityRecordSchema = stored.activity;
export const LearnerMetaSchema = stored.meta;

export const DeviceSettingsSchema = v.object({
  idleMinutes: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)), 10),
  // A learner id that is not one reads as "nobody signed in": the roster is shown, nothing opens.
  currentProfileId: v.fallback(v.nullable(ProfileIdSchema), null),
  lastActivityAt: v.fallback(StoredMomentOrZeroSchema, 0),
  persistAsked: v.fallback(v.boolean(), false),
  persistGranted: v.fallback(v.nullable(v.boolean()), null),
  // Legacy, optional: earlier builds kept the manager PIN here (moved to `manager/pin` on load).
  managerPin: v.optional(v.nullable(PinHashSchema), null),
});

/** A learner's accepted assignment: the assignment passes the same schema as a link does. */
export const AcceptedAssignmentSchema = v.object({ assignment: AssignmentSchema, acceptedAt: StoredMomentSchema });

/** A salted PBKDF2 hash of a 4-digit PIN (see pin.ts); the PIN itself is never stored. */
export type PinHash = v.InferOutput<typeof PinHashSchema>;
/** A learner on this device. */
export type Profile = v.InferOutput<typeof ProfileSchema>;
/** A lesson the learner opened; finished once they reached its end. */
export type LessonRecord = v.InferOutput<typeof LessonRecordSchema>;
/** Where the learner stopped, for «Продолжить». */
export type LearnerMeta = v.InferOutput<typeof LearnerMetaSchema>;
/** Settings of this device (shared by all learners on it); `managerPin` null until a manager sets one. */
export type DeviceSettings = v.InferOutput<typeof DeviceSettingsSchema>;
/** An assignment a learner accepted (from a link, or given on this tablet by the manager). */
export type AcceptedAssignment = v.InferOutput<typeof AcceptedAssignmentSchema>;

const SCHEMAS = {
  profile: ProfileSchema,
  lesson: LessonRecordSchema,
  activity: ActivityRecordSchema,
  meta: LearnerMetaSchema,
  settings: DeviceSettingsSchema,
  assignment: AcceptedAssignmentSchema,
  managerPin: PinHashSchema,
  managerAssignment: AssignmentSchema,
  managerReport: ReportSchema,
  pinThrottle: ThrottleStateSchema,
} as const;

const describe = (issues: readonly v.BaseIssue<unknown>[]) => {
  const issue = issues[0];
  return `${issue ? (v.getDotPath(issue) ?? '(root)') : ''}: ${issue?.message ?? 'invalid'}`;
};

/** Checks the data of a stored record of `type` (reading). */
export const validateRecord: RecordValidator = (type: RecordType, data: unknown) => {
  const result = v.safeParse(SCHEMAS[type], data);
  return result.success ? { ok: true, data: result.output } : { ok: false, detail: describe(result.issues) };
};

/**
 * Checks a record about to be written: it must load again exactly as written. Stricter than
 * reading: a draft that would be dropped on reading is refused here, and so is anything the
 * reading schema would change (a repaired name, a moment brought back to now).
 */
export const validateForWrite: RecordValidator = (type: RecordType, data: unknown) => {
  const result = validateRecord(type, data);
  if (!result.ok) return result;
  if (type === 'activity') {
    const draft = (data as { draft?: unknown }).draft ?? null;
    const checked = v.safeParse(DraftSchema, draft);
    if (!checked.success) return { ok: false, detail: `draft.${describe(checked.issues)}` };
  }
  if (type === 'profile') {
    const name = v.safeParse(PersonNameSchema, (data as { name?: unknown }).name);
    if (!name.success) return { ok: false, detail: `name${describe(name.issues)}` };
  }
  return result;
};
