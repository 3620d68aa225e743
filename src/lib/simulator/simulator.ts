/**
 * The weakest-link simulator's arithmetic: the guest gets the product of every link's quality,
 * and a budget of improvement points pays most on the weakest link. Pure: no Svelte, no DOM.
 */

/** One link of the simulated chain. */
export interface SimLink {
  id: string;
  /** «Склад». */
  label: string;
  /** Quality of the link's work, percent 1..100. */
  quality: number;
  /** How the link works, in the image of the text: «топор», «мел», «микрометр». */
  tool: string;
}

/** The challenge: spend `budget` points of `step` percent each to reach `target` percent. */
export interface SimChallenge {
  budget: number;
  step: number;
  target: number;
}

/** What the learner hears after a check, chosen by `challengeVerdict`. */
export type VerdictKind = 'won' | 'unspent' | 'spread' | 'strong';

/** The simulator exercise as authored in `content/03-…/exercise-simulator.json`. */
export interface SimulatorScenario {
  id: string;
  type: 'simulator';
  title: string;
  minutes?: number;
  /** What to try with the sliders. */
  intro: string;
  /** The challenge's task. */
  task: string;
  links: SimLink[];
  challenge: SimChallenge;
  /** Feedback for each verdict; `{result}`, `{target}`, `{weakest}` are filled in. */
  feedback: Record<VerdictKind, string>;
}

export const MAX_QUALITY = 100;

/** The quality the guest gets: the product of the links' qualities, in percent (not rounded). */
export function chainQuality(qualities: readonly number[]): number {
  return qualities.reduce((product, q) => (product * q) / 100, 100);
}

/** Index of the weakest link (the first one, if several are equally weak); -1 for none. */
export function weakestIndex(qualities: readonly number[]): number {
  if (qualities.length === 0) return -1;
  return qualities.indexOf(Math.min(...qualities));
}

/** The qualities after spending `points[i]` points of `step` on link i, capped at 100. */
export function applyPoints(base: readonly number[], points: readonly number[], step: number): number[] {
  return base.map((q, i) => Math.min(MAX_QUALITY, q + (points[i] ?? 0) * step));
}

/** Points still to spend. */
export function pointsLeft(points: readonly number[], budget: number): number {
  return budget - points.reduce((sum, p) => sum + p, 0);
}

/** Whether one more point may go to link i: points are left and the link is below 100. */
export function canRaise(base: readonly number[], points: readonly number[], i: number, challenge: SimChallenge): boolean {
  const q = applyPoints(base, points, challenge.step)[i];
  return q !== undefined && q < MAX_QUALITY && pointsLeft(points, challenge.budget) > 0;
}

/** Every way to spend at most `budget` points over `n` links (compositions, including unspent). */
export function* allocations(n: number, budget: number): Generator<number[]> {
  if (n <= 0) return;
  if (n === 1) {
    for (let p = 0; p <= budget; p++) yield [p];
    return;
  }
  for (let p = 0; p <= budget; p++) {
    for (const rest of allocations(n - 1, budget - p)) yield [p, ...rest];
  }
}

/** Whole percent for display. */
export const percent = (value: number): number => Math.round(value);

/** True when the allocation reaches the target. */
export function wins(base: readonly number[], points: readonly number[], challenge: SimChallenge): boolean {
  return chainQuality(applyPoints(base, points, challenge.step)) >= challenge.target;
}

/** Picks the feedback for a checked allocation. */
export function challengeVerdict(base: readonly number[], points: readonly number[], challenge: SimChallenge): { kind: VerdictKind; result: number } {
  const result = chainQuality(applyPoints(base, points, challenge.step));
  if (result >= challenge.target) return { kind: 'won', result };
  if (pointsLeft(points, challenge.budget) > 0) return { kind: 'unspent', result };
  const used = points.filter((p) => p > 0).length;
  return { kind: used > 1 ? 'spread' : 'strong', result };
}

/**
 * Proves a challenge fair for its lesson: putting every point on the weakest link wins, every
 * other way loses, and by a margin that whole-percent rounding cannot blur. Returns the problem in
 * words, or null. Used by the content build and the unit tests (exhaustive over all allocations).
 */
export function challengeProblem(base: readonly number[], challenge: SimChallenge): string | null {
  const weakest = weakestIndex(base);
  for (const points of allocations(base.length, challenge.budget)) {
    const allOnWeakest = points[weakest] === challenge.budget;
    const result = chainQuality(applyPoints(base, points, challenge.step));
    if (allOnWeakest && result < challenge.target) {
      return `all points on the weakest link give ${result.toFixed(1)}%, below the target ${challenge.target}%`;
    }
    if (!allOnWeakest && percent(result) >= challenge.target) {
      return `points [${points.join(', ')}] reach ${result.toFixed(1)}%: the target must be reachable only by raising the weakest link`;
    }
  }
  return null;
}

/** Fills `{result}`, `{target}`, `{weakest}` in a feedback text. */
export function fillFeedback(text: string, values: { result: number; target: number; weakest: string }): string {
  return text
    .replaceAll('{result}', String(percent(values.result)))
    .replaceAll('{target}', String(values.target))
    .replaceAll('{weakest}', values.weakest);
}

/** Score of a won challenge: 100, less 20 for every losing check before it (never below 0). */
export function challengeScore(losingChecks: number): number {
  return Math.max(0, 100 - 20 * losingChecks);
}
