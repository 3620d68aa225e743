/**
 * One learner's way through a quiz: intro → questions (answer, «Проверить», next) → results, and
 * again. Every answer is saved as a draft through the ProgressApi, so leaving mid-quiz and coming
 * back restores the same questions, answers and place; every finished attempt is recorded once.
 */
import { ActivitySession } from '../activity/activity-session.svelte.ts';
import type { ProgressApi } from '../progress/api.ts';
import { freshSeed, gradeQuestion, isAnswered, prepareAttempt, restoreDraft, scoreAttempt } from './quiz.ts';
import type { Answer, AttemptResult, PreparedQuestion, Question, QuizDraft } from './types.ts';

/** Where the learner is. */
export type QuizPhase = 'intro' | 'question' | 'saving' | 'results';

export interface QuizSessionOptions {
  /** ProgressApi key: `quiz:<moduleId>` or `final`. */
  key: string;
  questions: Question[];
  /** Share of right answers needed, 0..1. */
  passMark: number;
  /** For a bank: how many questions each attempt asks. */
  draw?: number;
  /** The group of a bank question (its module), so a draw covers the whole course. */
  groupOf?: (question: Question) => string;
  /** Seeds for new attempts; tests pass a fixed one. */
  newSeed?: () => number;
  now?: () => number;
}

export class QuizSession {
  /** Where the learner is. */
  phase = $state<QuizPhase>('intro');
  /** The questions of the current attempt, in the order asked, options shuffled. */
  questions = $state.raw<PreparedQuestion[]>([]);
  /** The question on screen, 0-based. */
  index = $state(0);
  /** Answers given so far, by question id. */
  answers = $state<Record<string, Answer>>({});
  /** Question ids already checked: their verdict is shown and their answer is final. */
  checked = $state<string[]>([]);
  /** The question whose «Проверить» found nothing to check (shows a hint, not a verdict). */
  hintFor = $state<string | null>(null);
  /** The last finished attempt's result. */
  result = $state.raw<AttemptResult | null>(null);
  readonly #activity: ActivitySession;
  readonly #options: QuizSessionOptions;
  #seed = 0;
  #startedAt = 0;

  constructor(progress: ProgressApi, options: QuizSessionOptions) {
    this.#activity = new ActivitySession(progress, options.key);
    this.#options = options;
    const restored = restoreDraft(this.#activity.draft, (seed) => this.#prepare(seed));
    if (restored) {
      const { draft, questions } = restored;
      this.#seed = draft.seed;
      this.#startedAt = draft.startedAt;
      this.questions = questions;
      this.answers = draft.answers;
      this.checked = draft.checked;
      this.index = draft.index;
      this.phase = 'question';
    }
  }

  /** True when the last draft or attempt could not be saved. */
  get saveFailed(): boolean {
    return this.#activity.saveFailed;
  }

  /** The question on screen. */
  get current(): PreparedQuestion | undefined {
    return this.phase === 'question' ? this.questions[this.index] : undefined;
  }

  /** True on the last question of the attempt. */
  get isLast(): boolean {
    return this.index === this.questions.length - 1;
  }

  /** Number of questions one attempt asks. */
  get size(): number {
    const total = this.#options.questions.length;
    return this.#options.draw ? Math.min(this.#options.draw, total) : total;
  }

  isChecked(id: string): boolean {
    return this.checked.includes(id);
  }

  /** Whether the given answer to a question is right (meaningful once it is checked). */
  isRight(prepared: PreparedQuestion): boolean {
    return gradeQuestion(prepared.question, this.answers[prepared.question.id]);
  }

  /** Starts a fresh attempt with new questions and a new shuffle. */
  start(): void {
    if (this.phase === 'question' || this.phase === 'saving') return;
    let seed = (this.#options.newSeed ?? freshSeed)();
    if (seed === this.#seed) seed = (seed + 1) >>> 0; // a retry must reshuffle
    this.#seed = seed;
    this.#startedAt = this.#now();
    this.questions = this.#prepare(seed);
    this.answers = {};
    this.checked = [];
    this.index = 0;
    this.hintFor = null;
    this.result = null;
    this.phase = 'question';
    this.#save();
  }

  /** Records an answer to a question not yet checked, and saves the draft. */
  answer(id: string, answer: Answer): void {
    if (this.phase !== 'question' || this.isChecked(id)) return;
    this.answers[id] = answer;
    if (this.hintFor === id) this.hintFor = null;
    this.#save();
  }

  /**
   * «Проверить»: with nothing (or not enough) given, shows a hint and returns false; otherwise fixes
   * the answer and shows the verdict. A second press (a double tap) changes nothing.
   */
  check(): boolean {
    const prepared = this.current;
    if (!prepared) return false;
    const { question } = prepared;
    if (this.isChecked(question.id)) return true;
    if (!isAnswered(question, this.answers[question.id])) {
      this.hintFor = question.id;
      return false;
    }
    this.hintFor = null;
    this.checked.push(question.id);
    this.#save();
    return true;
  }

  /** After a checked question: on to the next one, or to the results after the last. */
  async next(): Promise<void> {
    const prepared = this.current;
    if (!prepared || !this.isChecked(prepared.question.id)) return;
    if (this.isLast) return this.#finish();
    this.index += 1;
    this.#save();
  }

  async #finish(): Promise<void> {
    this.phase = 'saving'; // from here on a second press finds no current question
    const asked = this.questions.map((p) => p.question);
    const result = scoreAttempt(asked, this.answers, this.#options.passMark);
    this.result = result;
    await this.#activity.finish({ startedAt: this.#startedAt, finishedAt: this.#now(), score: result.score, passed: result.passed, mistakes: result.mistakes });
    this.phase = 'results';
  }

  #prepare(seed: number): PreparedQuestion[] {
    const { questions, draw, groupOf } = this.#options;
    return prepareAttempt(questions, seed, { draw, groupOf });
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #save(): void {
    const draft: QuizDraft = {
      v: 1,
      seed: this.#seed,
      startedAt: this.#startedAt,
      index: this.index,
      answers: $state.snapshot(this.answers),
      checked: $state.snapshot(this.checked),
    };
    this.#activity.saveDraft(draft);
  }
}
