/**
 * The schemas of stored records (valibot), one per record type, the validators the storage module
 * hands to `unseal` (reading) and runs before every write, and the types of the records (records.ts
 * re-exports them: the schema is the type). Loaded with the database code, not with the first
 * screen's script. Backup files are checked with the strict variants (`FileRecordSchemas`). The
 * device's own records (settings, profiles, the manager PIN) are checked by hand in
 * device-records.ts, so the roster, which reads only those, does not fetch valibot; the validators
 * here hand those types over.
 *
 * Bounds (values/bounds.ts): moments between 2020 and a day after now, whole percents, bounded
 * lists and texts, profile ids in the app's format, names by the one name rule. A stored record is
 * read with some forgiveness (a moment ahead of a clock that was put back is brought back to now, a
 * name saved by an older version is tidied, a draft that no longer fits is dropped), so no learner
 * loses attempts to a rule added later; a file or link gets none.
 */
import * as v from 'valibot';
import { AssignmentSchema } from '../exchange/schema.ts';
import { ATTEMPTS_MAX, MomentOrZeroSchema, MomentSchema, PercentSchema } from '../values/bounds.ts';
import { readStoredMoment } from '../values/moment.ts';
import { DraftSchema } from './drafts.ts';
import { ThrottleStateSchema } from './pin-throttle.ts';
import type { DeviceRecordType, RecordCheck, RecordType } from './records.ts';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A moment in a stored record: 2020 or later; one ahead of now (a clock put back) reads as now. */
const StoredMomentSchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const read = readStoredMoment(dataset.value);
    if (read.ok) return read.moment;
    addIssue({ message: read.problem });
    return NEVER;
  }),
);
const StoredMomentOrZeroSchema = v.union([v.literal(0), StoredMomentSchema]);
/** The record schemas built on one kind of moment: stored (forgiving) or from a file (strict). */
function recordSchemas<M extends v.GenericSchema<unknown, number>, Z extends v.GenericSchema<unknown, number>>(moment: M, momentOrZero: Z) {
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
  return { lesson, attempt, activity, meta };
}

const stored = recordSchemas(StoredMomentSchema, StoredMomentOrZeroSchema);
/** The strict schemas a backup file is checked with: out-of-range values are refused, not repaired. */
export const FileRecordSchemas = recordSchemas(MomentSchema, MomentOrZeroSchema);

export const LessonRecordSchema = stored.lesson;
export const AttemptSchema = stored.attempt;
export const ActivityRecordSchema = stored.activity;
export const LearnerMetaSchema = stored.meta;

/** A learner's accepted assignment: the assignment passes the same schema as a link does. */
export const AcceptedAssignmentSchema = v.object({ assignment: AssignmentSchema, acceptedAt: StoredMomentSchema });

export type { DeviceSettings, PinHash, Profile } from './device-records.ts';
/**
 * The record types checked here; the device's own records are checked in device-records.ts, the
 * manager's stored reports in report-records.ts (a learner's records never hold one).
 */
export type SchemaRecordType = Exclude<RecordType, DeviceRecordType | 'managerReport'>;
/** A lesson the learner opened; finished once they reached its end. */
export type LessonRecord = v.InferOutput<typeof LessonRecordSchema>;
/** Where the learner stopped, for «Продолжить». */
export type LearnerMeta = v.InferOutput<typeof LearnerMetaSchema>;
/** An assignment a learner accepted (from a link, or given on this tablet by the manager). */
export type AcceptedAssignment = v.InferOutput<typeof AcceptedAssignmentSchema>;

const SCHEMAS: Record<SchemaRecordType, v.GenericSchema> = {
  lesson: LessonRecordSchema,
  activity: ActivityRecordSchema,
  meta: LearnerMetaSchema,
  assignment: AcceptedAssignmentSchema,
  managerAssignment: AssignmentSchema,
  pinThrottle: ThrottleStateSchema,
};

const describe = (issues: readonly v.BaseIssue<unknown>[]) => {
  const issue = issues[0];
  return `${issue ? (v.getDotPath(issue) ?? '(root)') : ''}: ${issue?.message ?? 'invalid'}`;
};

/** Checks a stored record's data with its schema (reading). */
export const checkRecord = (schema: v.GenericSchema, data: unknown): RecordCheck => {
  const result = v.safeParse(schema, data);
  return result.success ? { ok: true, data: result.output } : { ok: false, detail: describe(result.issues) };
};

/** Checks the data of a stored record of `type` (reading). */
export const validateRecord = (type: SchemaRecordType, data: unknown): RecordCheck => checkRecord(SCHEMAS[type], data);

/**
 * Checks a record about to be written: it must load again exactly as written. Stricter than
 * reading: a draft that would be dropped on reading is refused here, and so is anything the
 * reading schema would change (a repaired name, a moment brought back to now).
 */
export const validateForWrite = (type: SchemaRecordType, data: unknown): RecordCheck => {
  const result = validateRecord(type, data);
  if (!result.ok) return result;
  if (type === 'activity') {
    const draft = (data as { draft?: unknown }).draft ?? null;
    const checked = v.safeParse(DraftSchema, draft);
    if (!checked.success) return { ok: false, detail: `draft.${describe(checked.issues)}` };
  }
  return result;
};
