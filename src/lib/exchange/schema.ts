/**
 * The one schema every assignment and report passes, whether it came from a link, a QR code or a
 * file, and whether we made it or received it. Names and notes are data: `<script>` in a name is
 * kept verbatim and must be rendered as text; only characters that can hide or reorder text
 * (control characters, bidi overrides, lone surrogates) are refused.
 */
import * as v from 'valibot';
import { ReflectionAnswersSchema } from '../reflection/reflection.ts';
import { FORMAT_VERSION, MODULE_STATUSES, type Assignment, type Report, type ResultEntry } from './types.ts';

/** Longest learner or manager name, in UTF-16 units. */
export const NAME_MAX = 80;
/** Longest assignment note. */
export const NOTE_MAX = 500;
/** Most modules in an assignment or a report. */
export const MODULES_MAX = 20;
/** Most attempts a report may claim; anything above is not a real learner. */
export const ATTEMPTS_MAX = 10_000;
/** Most staff an assignment may name as expected. */
export const EXPECTED_MAX = 60;
/** Latest timestamp accepted (2100-01-01): guards against nonsense, not against lies. */
const TIME_MAX = Date.UTC(2100, 0, 1);

/**
 * Characters refused in names: C0/C1 controls (incl. newlines and tabs), line/paragraph separators,
 * bidi embeddings/overrides/isolates (they can make «Иванов» display as someone else's name), and
 * lone surrogates (they would not survive UTF-8 and would change the value on the way).
 */
const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/u;
/** The same for notes, which may span lines: `\n` and `\t` are allowed, `\r` is not (browsers send `\n`). */
const NOTE_FORBIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/u;

const CONTROL_MESSAGE = 'must not contain control or bidi-override characters';

/** A person's name: trimmed, 1..`NAME_MAX` long, no control or bidi-override characters. */
export const PersonNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(NAME_MAX, `must be at most ${NAME_MAX} characters`),
  v.check((s) => !NAME_FORBIDDEN.test(s), CONTROL_MESSAGE),
);

/** A learner's profile id (a UUID on this app's tablets); letters, digits, `-` and `_`. */
const learnerId = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'must be 1..64 latin letters, digits, - or _'));

const note = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(NOTE_MAX, `must be at most ${NOTE_MAX} characters`),
  v.check((s) => !NOTE_FORBIDDEN.test(s), CONTROL_MESSAGE),
);

const moduleId = v.pipe(
  v.string(),
  v.maxLength(64, 'must be at most 64 characters'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'),
);

/** Alphabet of assignment ids: digits and lowercase letters without i, l, o, u (easy to read aloud). */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 10;

const assignmentId = v.pipe(v.string(), v.regex(/^[0-9a-z]{6,16}$/, 'must be 6..16 lowercase latin letters or digits'));

const timestamp = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(0, 'must not be before 1970'),
  v.maxValue(TIME_MAX, 'must be before 2100'),
);

/** True for a real calendar day `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y < 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const isoDay = v.pipe(v.string(), v.check(isIsoDay, 'must be a date YYYY-MM-DD between 2000 and 2099'));

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

const resultFields = {
  status: v.picklist(MODULE_STATUSES, `must be one of ${MODULE_STATUSES.join(', ')}`),
  best: v.pipe(v.number(), v.integer('must be a whole percent'), v.minValue(0), v.maxValue(100)),
  attempts: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(ATTEMPTS_MAX)),
  completedAt: v.nullable(timestamp),
};

/** The rules that tie a result's fields together; returns a problem or null. */
function resultProblem(r: ResultEntry): string | null {
  if ((r.status === 'passed') !== (r.completedAt !== null)) return 'completedAt is set exactly when the status is passed';
  if (r.status === 'not-started' && (r.attempts > 0 || r.best > 0)) return 'a not-started module has no attempts and no score';
  if (r.attempts === 0 && r.best > 0) return 'a score needs at least one attempt';
  return null;
}

const consistent = <T extends ResultEntry>() =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    const problem = dataset.typed ? resultProblem(dataset.value) : null;
    if (problem) addIssue({ message: problem });
  });

/** The final test's result in a report. */
export const ResultEntrySchema = v.pipe(v.strictObject(resultFields), consistent());

/** One module's result in a report. */
export const ModuleResultSchema = v.pipe(v.strictObject({ id: moduleId, ...resultFields }), consistent());

/** An assignment, as created by a manager or received in a link. */
export const AssignmentSchema = v.strictObject({
  v: v.literal(FORMAT_VERSION),
  id: assignmentId,
  createdAt: timestamp,
  due: isoDay,
  modules: v.pipe(
    v.array(moduleId),
    v.minLength(1, 'needs at least one module'),
    v.maxLength(MODULES_MAX, `may have at most ${MODULES_MAX} modules`),
    v.check((ids: string[]) => unique(ids), 'must not repeat a module'),
  ),
  note,
  manager: PersonNameSchema,
  expected: v.optional(v.pipe(v.array(PersonNameSchema), v.maxLength(EXPECTED_MAX, `may name at most ${EXPECTED_MAX} people`))),
});

/** A learner's report, as built on the tablet or received in a link or file. */
/** Reviews a report may carry: three rounds of up to MODULES_MAX modules. */
export const REVIEWS_MAX = 3 * MODULES_MAX;

const ReviewResultSchema = v.strictObject({
  module: moduleId,
  round: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3)),
  at: timestamp,
  score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
});

export const ReportSchema = v.strictObject({
  v: v.literal(FORMAT_VERSION),
  assignmentId: v.nullable(assignmentId),
  due: v.nullable(isoDay),
  learner: PersonNameSchema,
  learnerId: v.optional(learnerId),
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

// The schemas and the hand-written types in types.ts must describe the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAssignment: Same<v.InferOutput<typeof AssignmentSchema>, Assignment> = true;
const sameReport: Same<v.InferOutput<typeof ReportSchema>, Report> = true;
void sameAssignment;
void sameReport;

/** A schema failure flattened to one line: the first bad field and what is wrong with it. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  const problem = issue.expected === 'never' ? 'unknown field' : issue.message;
  return path ? `${path}: ${problem}` : problem;
}

/**
 * A fresh assignment id: 10 characters from a 32-letter alphabet (50 random bits), short enough to
 * read over the phone and far too many to collide within one team.
 * @param random fills a byte array with random values; `crypto.getRandomValues` by default.
 */
export function newAssignmentId(random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(ID_LENGTH);
  random(bytes);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}
