import { describe, expect, it } from 'vitest';
import { neededToPass, passes } from './pass-rule.ts';

describe('pass rules', () => {
  it('count: enough right answers, whatever the rounding of the percent', () => {
    expect(neededToPass(5, 0.8)).toBe(4);
    expect(neededToPass(6, 0.8)).toBe(5);
    expect(passes({ by: 'count', mark: 0.8 }, { score: 83, right: 5, total: 6 })).toBe(true);
    expect(passes({ by: 'count', mark: 0.8 }, { score: 67, right: 4, total: 6 })).toBe(false);
    expect(passes({ by: 'count', mark: 0.8 }, { score: 0, right: 0, total: 0 })).toBe(false);
  });

  it('score: the score at the mark in percent', () => {
    expect(passes({ by: 'score', mark: 0.8 }, { score: 80 })).toBe(true);
    expect(passes({ by: 'score', mark: 0.8 }, { score: 79 })).toBe(false);
  });

  it('reached: an exercise is practice — done once the right answer is reached, whatever the first tries scored', () => {
    expect(passes({ by: 'reached' }, { score: 25 })).toBe(true);
    expect(passes({ by: 'reached' }, { score: 100 })).toBe(true);
  });
});
