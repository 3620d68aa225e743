/**
 * The schemas of stored records (valibot), one per record type, and the validator the storage
 * module hands to `unseal`. Loaded with the database code, not with the first screen's script.
 * Backup files are checked with the same schemas.
 */
import * as v from 'valibot';
import { AssignmentSchema, ReportSchema } from '../exchange/schema.ts';
import type { RecordType, RecordValidator } from './records.ts';

const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const PinHashSchema = v.object({ salt: shortText(64), hash: shortText(128), iterations: v.pipe(v.number(), v.integer(), v.minValue(1)) });

export const ProfileSchema = v.object({
  id: shortText(64),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  pin: v.nullable(PinHashSchema),
  createdAt: time,
  lastActiveAt: time,
});

export const LessonRecordSchema = v.object({ lessonId: shortText(120), firstVisitedAt: time, lastVisitedAt: time, finishedAt: v.nullable(time) });

export const AttemptSchema = v.object({
  id: shortText(64),
  startedAt: time,
  finishedAt: time,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  passed: v.boolean(),
  mistakes: v.pipe(v.array(shortText(120)), v.maxLength(200)),
});

export const ActivityRecordSchema = v.object({
  key: shortText(140),
  attempts: v.pipe(v.array(AttemptSchema), v.maxLength(1000)),
  best: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  passed: v.boolean(),
  draft: v.unknown(),
  updatedAt: time,
});

export const LearnerMetaSchema = v.object({ location: v.nullable(shortText(2000)), updatedAt: time });

export const DeviceSettingsSchema = v.object({
  idleMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
  currentProfileId: v.nullable(shortText(64)),
  lastActivityAt: time,
  persistAsked: v.boolean(),
  persistGranted: v.nullable(v.boolean()),
  // Legacy, optional: earlier builds kept the manager PIN here (moved to `manager/pin` on load).
  managerPin: v.optional(v.nullable(PinHashSchema), null),
});

/** A learner's accepted assignment: the assignment passes the same schema as a link does. */
export const AcceptedAssignmentSchema = v.object({ assignment: AssignmentSchema, acceptedAt: time });

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
} as const;

/** Checks the data of a record of `type`. */
export const validateRecord: RecordValidator = (type: RecordType, data: unknown) => {
  const result = v.safeParse(SCHEMAS[type], data);
  if (result.success) return { ok: true, data: result.output };
  const issue = result.issues[0];
  return { ok: false, detail: `${issue ? (v.getDotPath(issue) ?? '(root)') : ''}: ${issue?.message ?? 'invalid'}` };
};
