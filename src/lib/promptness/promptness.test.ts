import { describe, expect, it } from 'vitest';
import data from '../../../content/04-operativnost/exercise-promptness.json';
import {
  bottleneckIndex,
  fillPromptness,
  formatMinutes,
  promptnessProblem,
  promptnessScore,
  promptnessVerdict,
  roundMinutes,
  speedUp,
  totalWait,
} from './promptness.ts';
import { validatePromptnessScenario } from './schema.ts';

const scenario = validatePromptnessScenario(data, 'exercise-promptness.json');
const minutes = scenario.links.map((l) => l.minutes);

describe('the guest waits for the whole chain', () => {
  it.each([
    [[4, 14, 8, 2], 28],
    [[5], 5],
    [[], 0],
    [[1.5, 2.5], 4],
  ])('%o → %d min', (links, expected) => {
    expect(totalWait(links)).toBe(expected);
  });

  it('finds the bottleneck', () => {
    expect(bottleneckIndex([4, 14, 8, 2])).toBe(1);
    expect(bottleneckIndex([9, 9, 1])).toBe(0);
    expect(bottleneckIndex([])).toBe(-1);
  });

  it('speeds up only the chosen link', () => {
    expect(speedUp([4, 14, 8, 2], 1, 0.5)).toEqual([4, 7, 8, 2]);
    expect(speedUp([4, 14, 8, 2], null, 0.5)).toEqual([4, 14, 8, 2]);
    expect(speedUp([3], 0, 0.5)).toEqual([1.5]);
    expect(speedUp([7], 0, 1 / 3)).toEqual([2.3]);
  });

  it('keeps minutes tidy', () => {
    expect(roundMinutes(0.1 + 0.2)).toBe(0.3);
    expect(formatMinutes(7.5)).toBe('7,5');
    expect(formatMinutes(21)).toBe('21');
    expect(formatMinutes('склад')).toBe('склад');
  });
});

describe('the exercise of the course', () => {
  it('meets the target only when the bottleneck gets the helper (every choice tried)', () => {
    const results = minutes.map((_, i) => promptnessVerdict(minutes, i, scenario));
    expect(results.map((r) => r.kind)).toEqual(['notBottleneck', 'won', 'notBottleneck', 'notBottleneck']);
    expect(results.map((r) => r.after)).toEqual([26, 21, 24, 27]);
    expect(results[1]).toEqual({ kind: 'won', before: 28, after: 21, saved: 7 });
    expect(scenario.links[bottleneckIndex(minutes)]!.label).toBe('Заказ ждёт очереди на кухне');
    expect(promptnessProblem(minutes, scenario)).toBeNull();
  });

  it('fills the feedback', () => {
    const text = fillPromptness(scenario.feedback.notBottleneck, { total: 24, before: 28, target: 22, saved: 4, chosen: 'Повар готовит блюдо', bottleneck: 'склад' });
    expect(text).toBe('Помощник у звена «Повар готовит блюдо» сэкономил 4 мин, но гость всё равно ждёт 24 мин — больше 22. Гость ждёт сумму всех звеньев: посмотрите, какой отрезок на полосе самый длинный.');
    expect(fillPromptness('{saved} из {before}', { total: 0, before: 7.5, target: 0, saved: 2.5, chosen: '', bottleneck: '' })).toBe('2,5 из 7,5');
  });

  it('scores by the wrong checks before the right one', () => {
    expect([0, 1, 3, 4, 10].map(promptnessScore)).toEqual([100, 75, 25, 0, 0]);
  });
});

describe('an exercise that does not teach the lesson is refused', () => {
  const rule = { resource: { label: '', factor: 0.5 }, target: 22 };
  it('when another link also meets the target', () => {
    expect(promptnessProblem([4, 14, 12, 2], { ...rule, target: 26 })).toMatch(/speeding up link 3 also meets the target/);
  });
  it('when even the bottleneck does not', () => {
    expect(promptnessProblem([4, 14, 8, 2], { ...rule, target: 20 })).toMatch(/slowest link gives 21 min, above the target 20/);
  });
  it('when two links are equally slow', () => {
    expect(promptnessProblem([10, 10, 2], rule)).toBe('exactly one link must be the slowest');
  });
  it('when the guest already waits within the target', () => {
    expect(promptnessProblem([4, 5], rule)).toMatch(/already waits 9 min/);
  });
  it('by the schema, naming the file and the field', () => {
    const copy = structuredClone(data);
    copy.target = 25;
    expect(() => validatePromptnessScenario(copy, 'x.json')).toThrow(/^x\.json → target: speeding up link 3 also meets the target/);
    const slow = structuredClone(data);
    slow.resource.factor = 1.5;
    expect(() => validatePromptnessScenario(slow, 'x.json')).toThrow('x.json → resource.factor: must make the link faster: below 1');
    const twice = structuredClone(data);
    twice.links[2]!.id = 'ochered';
    expect(() => validatePromptnessScenario(twice, 'x.json')).toThrow('x.json → links: link id "ochered" is used twice');
  });
});
