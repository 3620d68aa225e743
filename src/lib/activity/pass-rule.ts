/**
 * How an activity decides «passed». One mechanism, the rules the course has: a quiz passes by the
 * count of right answers against its mark; an exercise is practice — done once the right answer is
 * reached (its score tells how the first tries went, for information only). Pure.
 */

/**
 * `count`: enough right answers out of the questions asked; `score`: a score (0..100) at the mark;
 * `reached`: the activity records an attempt only when the right answer was reached, so it passes.
 */
export type PassRule = { by: 'count'; mark: number } | { by: 'score'; mark: number } | { by: 'reached' };

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
  if (rule.by === 'reached') return true;
  if (rule.by === 'score') return outcome.score >= Math.round(rule.mark * 100);
  const { right = 0, total = 0 } = outcome;
  return total > 0 && right >= neededToPass(total, rule.mark);
}
