/**
 * The quiz domain in one place: questions as authored in `content/` (module `quiz.json`, the final
 * test's bank `final-test.json`), the learner's answers, a prepared attempt and its result. Types of
 * authored content and of answers are inferred from their valibot schemas (schema.ts, draft.ts).
 */
import type * as v from 'valibot';
import type { AnswerSchema, QuizDraftSchema } from './draft.ts';
import type { FinalTestFileSchema, QuestionSchema, QuizFileSchema } from './schema.ts';

/** Any question as authored; `type` picks the shape (single, multiple, truefalse, ordering, matching, gap). */
export type Question = v.InferOutput<typeof QuestionSchema>;
export type QuestionType = Question['type'];

/** Where a question's idea comes from: the lesson and its numbered paragraph (`p1`, `p2`…). */
export type SourceRef = Question['source'];

/** An option, item or choice with a stable id (the answer refers to ids, the learner sees text). */
export type Choice = Extract<Question, { type: 'single' }>['options'][number];

/** One right option among several. */
export type SingleQuestion = Extract<Question, { type: 'single' }>;
/** Several right options. Graded all-or-nothing: the chosen set must equal the right set. */
export type MultipleQuestion = Extract<Question, { type: 'multiple' }>;
/** A statement (the prompt) that is either so or not. */
export type TrueFalseQuestion = Extract<Question, { type: 'truefalse' }>;
/** Put the items in order; `items` lists them in the right order, the learner sees them shuffled. */
export type OrderingQuestion = Extract<Question, { type: 'ordering' }>;
/** Pair every item with one of the choices (`answer`: item id → choice id). */
export type MatchingQuestion = Extract<Question, { type: 'matching' }>;
/**
 * Choose the word missing at `___` in `text`. `quote` is true when `text` is a sentence of the
 * lesson: the build proves that, filled with the answer, it stands word for word in the paragraph.
 */
export type GapQuestion = Extract<Question, { type: 'gap' }>;

/** `content/NN-module/quiz.json`: 4–6 questions, all asked every attempt; `passMark` 0..1 (else the course's). */
export type QuizFile = v.InferOutput<typeof QuizFileSchema>;

/** `content/final-test.json`: a bank of questions, `draw` of them asked each attempt. */
export type FinalTestFile = v.InferOutput<typeof FinalTestFileSchema>;

/** What the learner has given for one question (the shape follows the question's type). */
export type Answer = v.InferOutput<typeof AnswerSchema>;

/** A question as shown in one attempt: options (or items) in the attempt's shuffled order. */
export interface PreparedQuestion {
  question: Question;
  /** Options of single/multiple/gap, the choices of matching; empty for true/false and ordering. */
  options: Choice[];
  /** Items of matching, the starting order of ordering (never already right); empty otherwise. */
  items: Choice[];
}

/** The result of a finished attempt. */
export interface AttemptResult {
  correct: number;
  total: number;
  /** Percent of right answers, 0..100, rounded. */
  score: number;
  passed: boolean;
  /** Ids of the questions answered wrongly (or not at all), in the order asked. */
  mistakes: string[];
}

/** The unfinished attempt as saved after every answer (see draft.ts). */
export type QuizDraft = v.InferOutput<typeof QuizDraftSchema>;
