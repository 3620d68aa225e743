/**
 * «Моя цепочка», the reflection at the end of the course: who supplies my work, who are my internal
 * clients, one thing I will do differently. Kept with the learner's progress (as the draft of the
 * activity `reflection`, so no store or migration changes), validated when read, and shared in a
 * report to the manager only when the learner has ticked the consent box.
 */
import * as v from 'valibot';

/** The activity key the reflection is stored under. Not a step of the course path: never scored. */
export const REFLECTION_KEY = 'reflection';

/** Longest answer, in characters: three answers fit a report link with the results. */
export const ANSWER_MAX = 200;

/** The three questions, in order. */
export const REFLECTION_FIELDS = ['suppliers', 'clients', 'change'] as const;
export type ReflectionField = (typeof REFLECTION_FIELDS)[number];

/** Control and bidi-override characters are refused (they could hide or reorder text); newlines are fine. */
const FORBIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/u;

const answer = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(ANSWER_MAX, `must be at most ${ANSWER_MAX} characters`),
  v.check((s) => !FORBIDDEN.test(s), 'must not contain control or bidi-override characters'),
);

/** The answers as they travel in a report. */
export const ReflectionAnswersSchema = v.strictObject({ suppliers: answer, clients: answer, change: answer });
export type ReflectionAnswers = v.InferOutput<typeof ReflectionAnswersSchema>;

/** The record kept on the device: the answers, the consent, when last saved. */
export const StoredReflectionSchema = v.strictObject({
  answers: ReflectionAnswersSchema,
  share: v.boolean(),
  updatedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
});
export type StoredReflection = v.InferOutput<typeof StoredReflectionSchema>;

export const emptyAnswers = (): ReflectionAnswers => ({ suppliers: '', clients: '', change: '' });

/** The stored reflection, or null when there is none or it does not pass the schema. */
export function readReflection(draft: unknown): StoredReflection | null {
  const result = v.safeParse(StoredReflectionSchema, draft);
  return result.success ? result.output : null;
}

/** A reflection ready to store: answers trimmed and checked; a bad one gives the first problem. */
export function makeReflection(answers: ReflectionAnswers, share: boolean, now: number): { ok: true; value: StoredReflection } | { ok: false; field: string; problem: string } {
  const result = v.safeParse(StoredReflectionSchema, { answers, share, updatedAt: now });
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  return { ok: false, field: issue ? (v.getDotPath(issue) ?? '') : '', problem: issue?.message ?? 'invalid' };
}

/** True when every answer is blank. */
export const isBlank = (answers: ReflectionAnswers) => REFLECTION_FIELDS.every((f) => answers[f].trim() === '');

/** What goes into a report: the answers, only with consent and when something was written. */
export function sharedReflection(stored: StoredReflection | null): ReflectionAnswers | undefined {
  if (!stored || !stored.share || isBlank(stored.answers)) return undefined;
  return { ...stored.answers };
}
