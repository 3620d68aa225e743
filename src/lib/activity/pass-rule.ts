/**
 * How an activity decides «passed». One mechanism, two rules as the course has them today: a quiz
 * passes by the count of right answers against its mark, an exercise by its score. Pure.
 */

/** `count`: enough right answers out of the questions asked; `score`: a score (0..100) at the mark. */
export type PassRule = { by: 'count'; mark: number } | { by: 'score'; mark: number };

/** What a finished attempt offers the rule. */
export interface Outcome {
  /** Percent, 0..100. */
  score: number;
  /** Right answers and questions asked (count rule). */
  right?: number;
  total?: number;
}

/** The least number of right answers out of `total` that reaches the pass mark. */
export function neededToPass(total: number, passMark: number): number {
  // The epsilon keeps 0.8 × 5 = 4.000000000000001 from asking for 5.
  return Math.ceil(passMark * total - 1e-9);
}

/** Whether an attempt passes under a rule. */
export function passes(rule: PassRule, outcome: Outcome): boolean {
  if (rule.by === 'score') return outcome.score >= Math.round(rule.mark * 100);
  const { right = 0, total = 0 } = outcome;
  return total > 0 && right >= neededToPass(total, rule.mark);
}
