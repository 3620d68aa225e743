/**
 * The schema of a learner's answer and of the quiz draft saved after every answer (the types in
 * types.ts are inferred from these). Bounded, so a saved draft always loads again. Pure.
 */
import * as v from 'valibot';
import { MomentSchema } from '../values/bounds.ts';

/** Longest id or option text a draft may hold (ids are short; gap options are words). */
export const DRAFT_TEXT_MAX = 120;
/** Most entries in any list or map of a draft. */
export const DRAFT_LIST_MAX = 200;

export const draftText = v.pipe(v.string(), v.maxLength(DRAFT_TEXT_MAX));
export const draftList = v.pipe(v.array(draftText), v.maxLength(DRAFT_LIST_MAX));
export const draftInt = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
export const draftRecord = <T extends v.GenericSchema>(value: T) =>
  v.pipe(
    v.record(draftText, value),
    v.check((r) => Object.keys(r).length <= DRAFT_LIST_MAX, `must have at most ${DRAFT_LIST_MAX} entries`),
  );

/** What the learner has given for one question (the shape follows the question's type). */
export const AnswerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('single'), choice: draftText }),
  v.strictObject({ type: v.literal('multiple'), choices: draftList }),
  v.strictObject({ type: v.literal('truefalse'), value: v.boolean() }),
  v.strictObject({ type: v.literal('ordering'), order: draftList }),
  v.strictObject({ type: v.literal('matching'), pairs: draftRecord(draftText) }),
  v.strictObject({ type: v.literal('gap'), choice: draftText }),
]);

/**
 * The unfinished attempt as saved through the ProgressApi after every answer, so leaving mid-quiz
 * and coming back restores it exactly: the seed rebuilds the same questions in the same order.
 * `index` is the position of the question on screen (0-based); `checked` the ids of the questions
 * already checked (their answers are final).
 */
export const QuizDraftSchema = v.strictObject({
  v: v.literal(1),
  seed: draftInt(0, 2 ** 32),
  startedAt: MomentSchema,
  index: draftInt(0, DRAFT_LIST_MAX),
  answers: draftRecord(AnswerSchema),
  checked: draftList,
});

/**
 * A stored draft read leniently (it may come from an older version or a damaged store): the seed
 * must be right; a bad part is replaced by nothing rather than losing the whole draft.
 */
export const StoredQuizDraftSchema = v.object({
  v: v.literal(1),
  seed: draftInt(0, 2 ** 32),
  startedAt: v.fallback(v.optional(MomentSchema), undefined),
  index: v.fallback(draftInt(0, DRAFT_LIST_MAX), 0),
  answers: v.fallback(v.record(v.string(), v.unknown()), {}),
  checked: v.fallback(draftList, []),
});
