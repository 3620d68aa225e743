/**
 * The quiz engine: seeded shuffling, drawing from a bank, preparing an attempt, grading every
 * question type, scoring against a pass mark, and restoring a saved draft. Pure TypeScript.
 *
 * Grading rule for every type is all-or-nothing: a question is either right (1 point) or wrong
 * (0). For multiple choice the chosen set must equal the right set exactly — one missed right
 * option or one wrong option ticked makes the answer wrong. Partial credit would let a learner pass
 * by ticking everything, and the explanation teaches the whole idea anyway.
 */
import * as v from 'valibot';
import { AnswerSchema, StoredQuizDraftSchema } from './draft.ts';
import type { Answer, AttemptResult, Choice, PreparedQuestion, Question, QuizDraft } from './types.ts';
import { passes } from '../activity/pass-rule.ts';

/** A random number generator returning floats in [0, 1). */
export type Random = () => number;

/** A small, fast, deterministic generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new random 32-bit seed for a fresh attempt (not reproducible: that is the point). */
export function freshSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0] ?? 1;
}

/** Fisher–Yates shuffle into a new array; the input is left alone. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Draws `count` questions from a bank, spread evenly over the groups (e.g. modules) so the final
 * test covers the whole course: groups take turns in a shuffled order, each giving a random
 * question, and the drawn set is shuffled again.
 */
export function drawQuestions<T>(bank: readonly T[], count: number, random: Random, groupOf: (item: T) => string = () => ''): T[] {
  const groups = new Map<string, T[]>();
  for (const item of bank) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const queues = shuffle([...groups.values()], random).map((g) => shuffle(g, random));
  const drawn: T[] = [];
  const target = Math.min(count, bank.length);
  while (drawn.length < target) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next !== undefined && drawn.length < target) drawn.push(next);
    }
  }
  return shuffle(drawn, random);
}

function sameOrder(a: readonly Choice[], b: readonly Choice[]): boolean {
  return a.length === b.length && a.every((item, i) => item.id === b[i]?.id);
}

function prepareQuestion(question: Question, random: Random): PreparedQuestion {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { question, options: shuffle(question.options, random), items: [] };
    case 'gap':
      return { question, options: shuffle(question.options.map((word) => ({ id: word, text: word })), random), items: [] };
    case 'truefalse':
      return { question, options: [], items: [] };
    case 'matching':
      return { question, options: shuffle(question.choices, random), items: shuffle(question.items, random) };
    case 'ordering': {
      let items = shuffle(question.items, random);
      // A starting order that is already right would give the point away: turn it by one.
      if (items.length > 1 && sameOrder(items, question.items)) items = [...items.slice(1), ...items.slice(0, 1)];
      return { question, options: [], items };
    }
  }
}

/** How to build an attempt. */
export interface PrepareOptions {
  /** Ask only this many, drawn from the questions as a bank (the final test). */
  draw?: number;
  /** The group of a bank question, for an even draw. */
  groupOf?: (question: Question) => string;
}

/**
 * Builds one attempt from a seed: which questions, in which order, with options shuffled. The same
 * seed and questions always give the same attempt, so a draft needs to keep only the seed.
 */
export function prepareAttempt(questions: readonly Question[], seed: number, options: PrepareOptions = {}): PreparedQuestion[] {
  const random = seededRandom(seed);
  const chosen = options.draw ? drawQuestions(questions, options.draw, random, options.groupOf) : shuffle(questions, random);
  return chosen.map((q) => prepareQuestion(q, random));
}

/**
 * Moves the item at `from` to `to` in an ordering answer (the move-up/move-down buttons); out of
 * range moves change nothing. Returns a new array.
 */
export function moveItem<T>(order: readonly T[], from: number, to: number): T[] {
  const out = [...order];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length || from === to) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** True when the learner has given a complete answer that can be checked. */
export function isAnswered(question: Question, answer: Answer | undefined): boolean {
  if (!answer || answer.type !== question.type) return false;
  switch (answer.type) {
    case 'single':
    case 'gap':
      return answer.choice !== '';
    case 'multiple':
      return answer.choices.length > 0;
    case 'truefalse':
      return true;
    case 'ordering':
      return question.type === 'ordering' && answer.order.length === question.items.length;
    case 'matching':
      return question.type === 'matching' && question.items.every((item) => Boolean(answer.pairs[item.id]));
  }
}

/** How many items of a matching question still have no pair (for the hint). */
export function unmatchedCount(question: Question, answer: Answer | undefined): number {
  if (question.type !== 'matching') return 0;
  const pairs = answer?.type === 'matching' ? answer.pairs : {};
  return question.items.filter((item) => !pairs[item.id]).length;
}

/** Grades one answer, all-or-nothing (see the module comment). An absent answer is wrong. */
export function gradeQuestion(question: Question, answer: Answer | undefined): boolean {
  if (!answer || !isAnswered(question, answer)) return false;
  if (question.type === 'single' && answer.type === 'single') return answer.choice === question.answer;
  if (question.type === 'gap' && answer.type === 'gap') return answer.choice === question.answer;
  if (question.type === 'truefalse' && answer.type === 'truefalse') return answer.value === question.answer;
  if (question.type === 'multiple' && answer.type === 'multiple') {
    const chosen = new Set(answer.choices);
    return chosen.size === question.answer.length && question.answer.every((id) => chosen.has(id));
  }
  if (question.type === 'ordering' && answer.type === 'ordering') return question.items.every((item, i) => answer.order[i] === item.id);
  if (question.type === 'matching' && answer.type === 'matching') return question.items.every((item) => answer.pairs[item.id] === question.answer[item.id]);
  return false;
}

/** Scores a finished attempt: percent rounded to a whole number, passed when the mark is reached. */
export function scoreAttempt(questions: readonly Question[], answers: Readonly<Record<string, Answer>>, passMark: number): AttemptResult {
  const mistakes = questions.filter((q) => !gradeQuestion(q, answers[q.id])).map((q) => q.id);
  const total = questions.length;
  const correct = total - mistakes.length;
  const score = total === 0 ? 0 : Math.round((correct / total) * 100);
  return { correct, total, score, passed: passes({ by: 'count', mark: passMark }, { score, right: correct, total }), mistakes };
}

/** Keeps an answer only if it fits the question as it is now (content may have changed since). */
function sanitizeAnswer(prepared: PreparedQuestion, raw: unknown): Answer | null {
  const { question } = prepared;
  const parsed = v.safeParse(AnswerSchema, raw);
  if (!parsed.success || parsed.output.type !== question.type) return null;
  const answer = parsed.output;
  const optionIds = new Set(prepared.options.map((o) => o.id));
  switch (answer.type) {
    case 'single':
    case 'gap':
      return optionIds.has(answer.choice) ? answer : null;
    case 'multiple':
      return { type: 'multiple', choices: [...new Set(answer.choices.filter((id) => optionIds.has(id)))] };
    case 'truefalse':
      return answer;
    case 'ordering': {
      const ids = question.type === 'ordering' ? question.items.map((i) => i.id) : [];
      const valid = answer.order.length === ids.length && ids.every((id) => answer.order.includes(id));
      return valid ? answer : null;
    }
    case 'matching': {
      const pairs: Record<string, string> = {};
      for (const item of prepared.question.type === 'matching' ? prepared.question.items : []) {
        const choice = answer.pairs[item.id];
        if (choice !== undefined && optionIds.has(choice)) pairs[item.id] = choice;
      }
      return { type: 'matching', pairs };
    }
  }
}

/**
 * Reads a stored draft back (it may come from an older version of the course or a damaged store):
 * returns null when it cannot be used, otherwise a draft whose answers all fit the attempt that
 * `prepare(seed)` rebuilds.
 */
export function restoreDraft(raw: unknown, prepare: (seed: number) => PreparedQuestion[]): { draft: QuizDraft; questions: PreparedQuestion[] } | null {
  const parsed = v.safeParse(StoredQuizDraftSchema, raw);
  if (!parsed.success) return null;
  const stored = parsed.output;
  const questions = prepare(stored.seed);
  if (questions.length === 0) return null;
  const answers: Record<string, Answer> = {};
  for (const prepared of questions) {
    const answer = sanitizeAnswer(prepared, stored.answers[prepared.question.id]);
    if (answer) answers[prepared.question.id] = answer;
  }
  const byId = new Map(questions.map((p) => [p.question.id, p.question]));
  const wasChecked = (id: string) => {
    const question = byId.get(id);
    return question !== undefined && isAnswered(question, answers[id]);
  };
  const checked = stored.checked.filter(wasChecked);
  const index = Math.min(stored.index, questions.length - 1);
  const startedAt = stored.startedAt ?? Date.now();
  return { draft: { v: 1, seed: stored.seed, startedAt, index, answers, checked: [...new Set(checked)] }, questions };
}
