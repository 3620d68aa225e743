/**
 * The quiz domain in one place: questions as authored in `content/` (module `quiz.json`, the final
 * test's bank `final-test.json`), the learner's answers, a prepared attempt and its result.
 */

/**
 * Where a question's idea comes from: the lesson, the stable id of the source paragraph shown there
 * (`s3` = third paragraph of the source text) and the words of that paragraph the question is about
 * (checked at build time to be in it).
 */
export interface SourceRef {
  lesson: string;
  paragraph: string;
  words: string;
}

/** An option, item or choice with a stable id (the answer refers to ids, the learner sees text). */
export interface Choice {
  id: string;
  text: string;
}

interface QuestionBase {
  /** Unique inside its file; recorded in `mistakes`. */
  id: string;
  /** The question as the learner reads it (Russian). */
  prompt: string;
  /** Why the right answer is right; shown after «Проверить» whatever the verdict. */
  explanation: string;
  source: SourceRef;
}

/** One right option among several. */
export interface SingleQuestion extends QuestionBase {
  type: 'single';
  options: Choice[];
  answer: string;
}

/** Several right options. Graded all-or-nothing: the chosen set must equal the right set. */
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: Choice[];
  answer: string[];
}

/** A statement (the prompt) that is either so or not. */
export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
}

/** Put the items in order; `items` lists them in the right order, the learner sees them shuffled. */
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  items: Choice[];
}

/** Pair every item with one of the choices (a choice may serve several items or none). */
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  items: Choice[];
  choices: Choice[];
  /** item id → choice id */
  answer: Record<string, string>;
}

/** Choose the word missing at `___` in `text`. */
export interface GapQuestion extends QuestionBase {
  type: 'gap';
  /** The sentence with exactly one `___`. */
  text: string;
  /**
   * True when `text` is a sentence of the lesson (shown as a quotation): the build proves that,
   * filled with the answer, it stands word for word in the referenced paragraph.
   */
  quote: boolean;
  options: string[];
  answer: string;
}

export type Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | OrderingQuestion | MatchingQuestion | GapQuestion;

/** `content/NN-module/quiz.json`: 4–6 questions, all asked every attempt. */
export interface QuizFile {
  /** Time estimate for the module's total. */
  minutes?: number;
  /** Share of right answers needed to pass, 0..1; the course's `passMark` when absent. */
  passMark?: number;
  questions: Question[];
}

/** `content/final-test.json`: a bank of questions, `draw` of them asked each attempt. */
export interface FinalTestFile extends QuizFile {
  draw: number;
}

/** What the learner has given for one question (the shape follows the question's type). */
export type Answer =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; pairs: Record<string, string> }
  | { type: 'gap'; choice: string };

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

/**
 * The unfinished attempt as saved through the ProgressApi after every answer, so leaving mid-quiz
 * and coming back restores it exactly: the seed rebuilds the same questions in the same order.
 */
export interface QuizDraft {
  v: 1;
  seed: number;
  startedAt: number;
  /** Position of the question on screen, 0-based. */
  index: number;
  answers: Record<string, Answer>;
  /** Ids of the questions already checked (their answers are final). */
  checked: string[];
}
