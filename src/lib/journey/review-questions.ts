/**
 * The questions of a spaced review (review-schedule.ts says when one is due): the learner's
 * mistakes first, in an order that stays put across a reload (the quiz's seeded shuffle). Pure;
 * comes with the review screen.
 */
import type { ActivityRecord } from '../progress/api.ts';
import { seededRandom, shuffle } from '../quiz/quiz.ts';
import { REVIEW_SIZE } from './review-schedule.ts';

/**
 * The questions of a review: those wrong in the learner's first quiz attempt first, then those
 * wrong in a later one, then the rest — each group in a seeded random order; `size` of them.
 */
export function pickReviewQuestions<Q extends { id: string }>(questions: readonly Q[], quiz: ActivityRecord | undefined, seed: number, size = REVIEW_SIZE): Q[] {
  const first = new Set(quiz?.attempts[0]?.mistakes ?? []);
  const later = new Set(quiz?.attempts.slice(1).flatMap((a) => a.mistakes) ?? []);
  const next = seededRandom(seed);
  const groups = [
    questions.filter((q) => first.has(q.id)),
    questions.filter((q) => !first.has(q.id) && later.has(q.id)),
    questions.filter((q) => !first.has(q.id) && !later.has(q.id)),
  ];
  return groups.flatMap((g) => shuffle(g, next)).slice(0, size);
}
