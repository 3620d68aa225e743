/**
 * The one schema every learner's report passes, whether it came from a link, a QR code or a file,
 * and whether we made it or received it (assignments: schema.ts). Apart from the assignment's, so a
 * learner's records, which hold assignments but never reports, are checked without it.
 */
import * as v from 'valibot';
import { ReflectionAnswersSchema } from '../reflection/reflection.ts';
import { ProfileIdSchema } from '../values/schemas.ts';
import { ATTEMPTS_MAX, AssignmentIdSchema, MODULES_MAX, ModuleIdSchema, PersonNameSchema, isoDay, timestamp, unique } from './schema.ts';
import { FORMAT_VERSION, MODULE_STATUSES } from './types.ts';

const resultFields = {
  status: v.picklist(MODULE_STATUSES, `must be one of ${MODULE_STATUSES.join(', ')}`),
  best: v.pipe(v.number(), v.integer('must be a whole percent'), v.minValue(0), v.maxValue(100)),
  attempts: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(ATTEMPTS_MAX)),
  completedAt: v.nullable(timestamp),
};

const ResultFieldsSchema = v.strictObject(resultFields);

/** The rules that tie a result's fields together; returns a problem or null. */
function resultProblem(r: v.InferOutput<typeof ResultFieldsSchema>): string | null {
  if ((r.status === 'passed') !== (r.completedAt !== null)) return 'completedAt is set exactly when the status is passed';
  if (r.status === 'not-started' && (r.attempts > 0 || r.best > 0)) return 'a not-started module has no attempts and no score';
  if (r.attempts === 0 && r.best > 0) return 'a score needs at least one attempt';
  return null;
}

const consistent = <T extends v.InferOutput<typeof ResultFieldsSchema>>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    const problem = dataset.typed ? resultProblem(dataset.value) : null;
    if (problem) addIssue({ message: problem });
  });

/** The final test's result in a report. */
export const ResultEntrySchema = v.pipe(ResultFieldsSchema, consistent());

/** One module's result in a report. */
export const ModuleResultSchema = v.pipe(v.strictObject({ id: ModuleIdSchema, ...resultFields }), consistent());

/** Reviews a report may carry: three rounds of up to MODULES_MAX modules. */
export const REVIEWS_MAX = 3 * MODULES_MAX;

const ReviewResultSchema = v.strictObject({
  module: ModuleIdSchema,
  round: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3)),
  at: timestamp,
  score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
});

/** A learner's report, as built on the tablet or received in a link or file. */
export const ReportSchema = v.strictObject({
  v: v.literal(FORMAT_VERSION),
  assignmentId: v.nullable(AssignmentIdSchema),
  due: v.nullable(isoDay),
  learner: PersonNameSchema,
  /** The learner's profile id on the tablet that made it; absent in reports made before it was added. */
  learnerId: v.optional(ProfileIdSchema),
  createdAt: timestamp,
  modules: v.pipe(
    v.array(ModuleResultSchema),
    v.minLength(1, 'needs at least one module'),
    v.maxLength(MODULES_MAX, `may have at most ${MODULES_MAX} modules`),
    v.check((ms) => unique(ms.map((m) => m.id)), 'must not repeat a module'),
  ),
  final: v.optional(ResultEntrySchema),
  reflection: v.optional(ReflectionAnswersSchema),
  reviews: v.optional(v.pipe(v.array(ReviewResultSchema), v.maxLength(REVIEWS_MAX, `may have at most ${REVIEWS_MAX} reviews`))),
});
