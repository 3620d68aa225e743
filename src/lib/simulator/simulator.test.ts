import { describe, expect, it } from 'vitest';
import data from '../../../content/03-slaboe-zveno/exercise-simulator.json';
import {
  allocations,
  applyPoints,
  canRaise,
  chainQuality,
  challengeProblem,
  challengeScore,
  challengeVerdict,
  fillFeedback,
  percent,
  pointsLeft,
  weakestIndex,
  wins,
} from './simulator.ts';
import { validateSimulatorScenario } from './schema.ts';

const scenario = validateSimulatorScenario(data, 'exercise-simulator.json');
const base = scenario.links.map((l) => l.quality);
const { challenge } = scenario;

describe('the guest gets the product of the links', () => {
  it.each([
    [[100, 100, 100], 100],
    [[50, 50], 25],
    [[90, 50, 80], 36],
    [[25, 75, 95], 17.8125],
    [[100, 0, 100], 0],
    [[], 100],
  ])('%o → %d %', (qualities, expected) => {
    expect(chainQuality(qualities)).toBeCloseTo(expected, 10);
  });

  it('is never better than its weakest link', () => {
    for (const qualities of [[25, 75, 95], [60, 99], [10, 100, 100, 100]]) {
      expect(chainQuality(qualities)).toBeLessThanOrEqual(Math.min(...qualities));
    }
  });

  it('finds the weakest link', () => {
    expect(weakestIndex([95, 25, 75])).toBe(1);
    expect(weakestIndex([40, 40, 90])).toBe(0);
    expect(weakestIndex([])).toBe(-1);
  });

  it('rounds to whole percent for display', () => {
    expect(percent(17.8125)).toBe(18);
    expect(percent(46.3125)).toBe(46);
  });
});

describe('spending points', () => {
  it('raises links by the step, capped at 100', () => {
    expect(applyPoints([25, 75, 95], [1, 0, 1], 20)).toEqual([45, 75, 100]);
    expect(applyPoints([25, 75, 95], [], 20)).toEqual([25, 75, 95]);
    expect(applyPoints([90], [3], 20)).toEqual([100]);
  });

  it('counts what is left and what may still be raised', () => {
    expect(pointsLeft([1, 0, 0], 2)).toBe(1);
    expect(canRaise([25, 75, 95], [0, 0, 0], 2, challenge)).toBe(true);
    expect(canRaise([25, 75, 95], [0, 0, 1], 2, challenge)).toBe(false); // already 100
    expect(canRaise([25, 75, 95], [1, 1, 0], 0, challenge)).toBe(false); // no points left
  });

  it('enumerates every allocation of at most the budget', () => {
    const all = [...allocations(3, 2)];
    expect(all).toHaveLength(10); // C(2+3, 3)
    expect(all).toContainEqual([0, 0, 0]);
    expect(all).toContainEqual([2, 0, 0]);
    expect(all).toContainEqual([0, 1, 1]);
    expect(all.every((a) => a.reduce((s, p) => s + p, 0) <= 2)).toBe(true);
    expect([...allocations(0, 2)]).toEqual([]);
    expect([...allocations(1, 2)]).toEqual([[0], [1], [2]]);
  });
});

describe('the challenge of the course', () => {
  it('can be won ONLY by putting every point on the weakest link (exhaustive search)', () => {
    const weakest = weakestIndex(base);
    expect(scenario.links[weakest]!.label).toBe('Склад');
    const winners = [...allocations(base.length, challenge.budget)].filter((points) => wins(base, points, challenge));
    expect(winners).toEqual([[challenge.budget, 0, 0]]);
    expect(challengeProblem(base, challenge)).toBeNull();
  });

  it('loses by a visible margin however else the points are spent', () => {
    for (const points of allocations(base.length, challenge.budget)) {
      if (points[0] === challenge.budget) continue;
      expect(percent(chainQuality(applyPoints(base, points, challenge.step)))).toBeLessThan(challenge.target);
    }
  });

  it('chooses the feedback for each way of spending', () => {
    expect(challengeVerdict(base, [2, 0, 0], challenge).kind).toBe('won');
    expect(challengeVerdict(base, [1, 1, 0], challenge).kind).toBe('spread');
    expect(challengeVerdict(base, [1, 0, 1], challenge).kind).toBe('spread');
    expect(challengeVerdict(base, [0, 2, 0], challenge).kind).toBe('strong');
    expect(challengeVerdict(base, [0, 0, 1], challenge).kind).toBe('unspent');
    expect(challengeVerdict(base, [0, 0, 0], challenge).kind).toBe('unspent');
    expect(challengeVerdict(base, [2, 0, 0], challenge).result).toBeCloseTo(46.3125, 10);
  });

  it('ties the feedback to the micrometer, the chalk and the axe of the text', () => {
    expect(scenario.feedback.won).toContain('измеряется микрометром, в другом отмечается мелом, а в третьем — рубится топором');
    expect(fillFeedback(scenario.feedback.won, { result: 46.3125, target: 45, weakest: 'склад' })).toMatch(/^Получилось: гость получает 46 % при цели 45 %\. Вы подняли самое слабое звено — склад\./);
  });

  it('scores a win by the losing checks before it', () => {
    expect([0, 1, 2, 5, 9].map(challengeScore)).toEqual([100, 80, 60, 0, 0]);
  });
});

describe('a challenge that does not teach the lesson is refused', () => {
  it('when spreading the points also wins', () => {
    expect(challengeProblem([25, 75, 95], { budget: 2, step: 20, target: 40 })).toMatch(/points \[1, 1, 0\] reach 40\.6%/);
  });
  it('when even the weakest link cannot reach the target', () => {
    expect(challengeProblem([25, 75, 95], { budget: 2, step: 20, target: 60 })).toMatch(/all points on the weakest link give 46\.3%/);
  });
  it('when rounding would show a losing result as the target', () => {
    // [1, 1, 0] gives 40.6 %, shown as 41 %: a target of 41 would look reached.
    expect(challengeProblem([25, 75, 95], { budget: 2, step: 20, target: 41 })).not.toBeNull();
  });
  it('by the schema, naming the file and the field', () => {
    const copy = structuredClone(data);
    copy.challenge.target = 40;
    expect(() => validateSimulatorScenario(copy, 'x.json')).toThrow(/^x\.json → challenge: points \[1, 1, 0\]/);
    const twoWeakest = structuredClone(data);
    twoWeakest.links[1]!.quality = 25;
    expect(() => validateSimulatorScenario(twoWeakest, 'x.json')).toThrow('x.json → links: exactly one link must be the weakest');
    const noFeedback = structuredClone(data) as Record<string, unknown>;
    delete (noFeedback.feedback as Record<string, unknown>).spread;
    expect(() => validateSimulatorScenario(noFeedback, 'x.json')).toThrow('x.json → feedback.spread: required field is missing');
  });
});
