/**
 * The questions of a spaced review (review-schedule.ts says when one is due): the learner's
 * mistakes first, in an order that stays put across a reload. Pure; comes with the review screen.
 */
import type { ActivityRecord } from '../progress/api.ts';
import { REVIEW_SIZE } from './review-schedule.ts';

/** A small seeded generator (mulberry32), so a review's questions stay put across a reload. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The questions of a review: those wrong in the learner's first quiz attempt first, then those
 * wrong in a later one, then the rest — each group in a seeded random order; `size` of them.
 */
export function pickReviewQuestions<Q extends { id: string }>(questions: readonly Q[], quiz: ActivityRecord | undefined, seed: number, size = REVIEW_SIZE): Q[] {
  const first = new Set(quiz?.attempts[0]?.mistakes ?? []);
  const later = new Set(quiz?.attempts.slice(1).flatMap((a) => a.mistakes) ?? []);
  const next = random(seed);
  const groups = [
    questions.filter((q) => first.has(q.id)),
    questions.filter((q) => !first.has(q.id) && later.has(q.id)),
    questions.filter((q) => !first.has(q.id) && !later.has(q.id)),
  ];
  return groups.flatMap((g) => shuffled(g, next)).slice(0, size);
}
