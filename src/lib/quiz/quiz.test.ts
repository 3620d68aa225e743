import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '../../../tests/fixtures/quiz.ts';
import {
  drawQuestions,
  gradeQuestion,
  isAnswered,
  moveItem,
  prepareAttempt,
  restoreDraft,
  scoreAttempt,
  seededRandom,
  shuffle,
  unmatchedCount,
} from './quiz.ts';
import type { Answer, Question } from './types.ts';
import { neededToPass } from '../activity/pass-rule.ts';

const byType = <T extends Question['type']>(type: T) => {
  const q = sampleQuiz.questions.find((x) => x.type === type);
  if (!q) throw new Error(`fixture has no ${type}`);
  return q as Extract<Question, { type: T }>;
};

describe('seeded shuffling', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    seqA.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });

  it('shuffles deterministically, keeps every item once and leaves the input alone', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const once = shuffle(items, seededRandom(7));
    expect(shuffle(items, seededRandom(7))).toEqual(once);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(items[0]).toBe(0);
  });

  it('spreads shuffles over all positions (no item stuck in place)', () => {
    const firsts = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) firsts.add(shuffle(['a', 'b', 'c', 'd'], seededRandom(seed))[0] ?? '');
    expect(firsts).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('prepares the same attempt from the same seed, and reshuffles with another', () => {
    const ids = (seed: number) => prepareAttempt(sampleQuiz.questions, seed).map((p) => [p.question.id, ...p.options.map((o) => o.id), ...p.items.map((i) => i.id)].join(','));
    expect(ids(1234)).toEqual(ids(1234));
    expect(ids(1234)).not.toEqual(ids(4321));
    expect(prepareAttempt(sampleQuiz.questions, 99)).toHaveLength(sampleQuiz.questions.length);
  });

  it('never starts an ordering question in the right order', () => {
    const ordering = byType('ordering');
    for (let seed = 0; seed < 200; seed++) {
      const [prepared] = prepareAttempt([ordering], seed);
      expect(prepared?.items.map((i) => i.id)).not.toEqual(ordering.items.map((i) => i.id));
      expect(prepared?.items).toHaveLength(ordering.items.length);
    }
  });

  it('keeps every option of every question when shuffling', () => {
    for (const prepared of prepareAttempt(sampleQuiz.questions, 5)) {
      const q = prepared.question;
      if (q.type === 'single' || q.type === 'multiple') expect(prepared.options.map((o) => o.id).sort()).toEqual(q.options.map((o) => o.id).sort());
      if (q.type === 'gap') expect(prepared.options.map((o) => o.text).sort()).toEqual([...q.options].sort());
      if (q.type === 'matching') {
        expect(prepared.options.map((o) => o.id).sort()).toEqual(q.choices.map((c) => c.id).sort());
        expect(prepared.items.map((i) => i.id).sort()).toEqual(q.items.map((i) => i.id).sort());
      }
    }
  });
});

describe('moving an item (ordering questions)', () => {
  it('moves up and down by one, and to any place', () => {
    expect(moveItem(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('ignores moves past either end, and leaves the input alone', () => {
    const order = ['a', 'b', 'c'];
    expect(moveItem(order, 0, -1)).toEqual(order);
    expect(moveItem(order, 2, 3)).toEqual(order);
    expect(moveItem(order, 5, 0)).toEqual(order);
    moveItem(order, 0, 1);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('drawing from a bank', () => {
  const bank = Array.from({ length: 22 }, (_, i) => ({ id: `q${i}`, group: `m${i % 4}` }));

  it('draws the asked number of distinct questions, the same for the same seed', () => {
    const drawn = drawQuestions(bank, 10, seededRandom(3), (q) => q.group);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(10);
    expect(drawQuestions(bank, 10, seededRandom(3), (q) => q.group)).toEqual(drawn);
    expect(drawQuestions(bank, 10, seededRandom(4), (q) => q.group)).not.toEqual(drawn);
  });

  it('spreads the draw evenly over the groups', () => {
    for (let seed = 0; seed < 50; seed++) {
      const counts = new Map<string, number>();
      for (const q of drawQuestions(bank, 10, seededRandom(seed), (x) => x.group)) counts.set(q.group, (counts.get(q.group) ?? 0) + 1);
      expect([...counts.values()].sort()).toEqual([2, 2, 3, 3]);
    }
  });

  it('draws everything when asked for more than the bank has, and copes with uneven groups', () => {
    expect(drawQuestions(bank.slice(0, 3), 10, seededRandom(1))).toHaveLength(3);
    const uneven = [...bank.slice(0, 8).map((q) => ({ ...q, group: 'big' })), { id: 'lone', group: 'small' }];
    const drawn = drawQuestions(uneven, 6, seededRandom(9), (q) => q.group);
    expect(drawn).toHaveLength(6);
    expect(drawn.some((q) => q.id === 'lone')).toBe(true);
  });

  it('prepares a drawn attempt through prepareAttempt', () => {
    const questions = Array.from({ length: 20 }, (_, i) => ({ ...byType('truefalse'), id: `tf-${i}` }));
    const attempt = prepareAttempt(questions, 11, { draw: 10 });
    expect(attempt).toHaveLength(10);
    expect(new Set(attempt.map((p) => p.question.id)).size).toBe(10);
  });
});

describe('grading', () => {
  it('single choice: right only for the right option', () => {
    const q = byType('single');
    expect(gradeQuestion(q, { type: 'single', choice: 'oficiant' })).toBe(true);
    expect(gradeQuestion(q, { type: 'single', choice: 'gost' })).toBe(false);
    expect(gradeQuestion(q, { type: 'single', choice: '' })).toBe(false);
  });

  it('multiple choice is all-or-nothing: exactly the right set, in any order', () => {
    const q = byType('multiple');
    expect(gradeQuestion(q, { type: 'multiple', choices: ['povar', 'oficiant'] })).toBe(true);
    expect(gradeQuestion(q, { type: 'multiple', choices: ['oficiant'] })).toBe(false); // one right option missed
    expect(gradeQuestion(q, { type: 'multiple', choices: ['oficiant', 'povar', 'gost'] })).toBe(false); // a wrong one ticked too
    expect(gradeQuestion(q, { type: 'multiple', choices: ['gost'] })).toBe(false);
    expect(gradeQuestion(q, { type: 'multiple', choices: [] })).toBe(false);
    expect(gradeQuestion(q, { type: 'multiple', choices: ['oficiant', 'oficiant'] })).toBe(false); // a duplicate is not a second option
  });

  it('true/false: right when the value matches', () => {
    const q = byType('truefalse');
    expect(gradeQuestion(q, { type: 'truefalse', value: true })).toBe(true);
    expect(gradeQuestion(q, { type: 'truefalse', value: false })).toBe(false);
    expect(gradeQuestion({ ...q, answer: false }, { type: 'truefalse', value: false })).toBe(true);
  });

  it('ordering: right only in exactly the authored order', () => {
    const q = byType('ordering');
    expect(gradeQuestion(q, { type: 'ordering', order: ['sklad', 'povar', 'oficiant'] })).toBe(true);
    expect(gradeQuestion(q, { type: 'ordering', order: ['povar', 'sklad', 'oficiant'] })).toBe(false);
    expect(gradeQuestion(q, { type: 'ordering', order: ['oficiant', 'povar', 'sklad'] })).toBe(false);
    expect(gradeQuestion(q, { type: 'ordering', order: ['sklad', 'povar'] })).toBe(false);
  });

  it('matching: right only when every item has its right choice', () => {
    const q = byType('matching');
    expect(gradeQuestion(q, { type: 'matching', pairs: { oficiant: 'povara', povar: 'sklada' } })).toBe(true);
    expect(gradeQuestion(q, { type: 'matching', pairs: { oficiant: 'sklada', povar: 'povara' } })).toBe(false);
    expect(gradeQuestion(q, { type: 'matching', pairs: { oficiant: 'povara', povar: 'nichej' } })).toBe(false);
    expect(gradeQuestion(q, { type: 'matching', pairs: { oficiant: 'povara' } })).toBe(false);
  });

  it('fill-the-gap: right only for the missing word', () => {
    const q = byType('gap');
    expect(gradeQuestion(q, { type: 'gap', choice: 'обслуживали' })).toBe(true);
    expect(gradeQuestion(q, { type: 'gap', choice: 'хвалили' })).toBe(false);
  });

  it('no answer, or an answer of another type, is wrong', () => {
    for (const q of sampleQuiz.questions) {
      expect(gradeQuestion(q, undefined)).toBe(false);
      const other: Answer = q.type === 'single' ? { type: 'gap', choice: 'x' } : { type: 'single', choice: 'x' };
      expect(gradeQuestion(q, other)).toBe(false);
    }
  });
});

describe('what counts as answered (so «Проверить» gives a hint instead of a verdict)', () => {
  it('needs a choice, a tick, a value, a full order or every pair', () => {
    expect(isAnswered(byType('single'), undefined)).toBe(false);
    expect(isAnswered(byType('single'), { type: 'single', choice: 'gost' })).toBe(true);
    expect(isAnswered(byType('multiple'), { type: 'multiple', choices: [] })).toBe(false);
    expect(isAnswered(byType('multiple'), { type: 'multiple', choices: ['gost'] })).toBe(true);
    expect(isAnswered(byType('truefalse'), { type: 'truefalse', value: false })).toBe(true);
    expect(isAnswered(byType('ordering'), undefined)).toBe(false);
    expect(isAnswered(byType('ordering'), { type: 'ordering', order: ['povar', 'sklad', 'oficiant'] })).toBe(true);
    expect(isAnswered(byType('matching'), { type: 'matching', pairs: { oficiant: 'povara' } })).toBe(false);
    expect(isAnswered(byType('matching'), { type: 'matching', pairs: { oficiant: 'povara', povar: 'nichej' } })).toBe(true);
    expect(isAnswered(byType('gap'), { type: 'gap', choice: '' })).toBe(false);
  });

  it('counts the matching items still without a pair', () => {
    expect(unmatchedCount(byType('matching'), undefined)).toBe(2);
    expect(unmatchedCount(byType('matching'), { type: 'matching', pairs: { povar: 'sklada' } })).toBe(1);
    expect(unmatchedCount(byType('single'), undefined)).toBe(0);
  });
});

describe('scoring and the pass mark', () => {
  const all = sampleQuiz.questions;
  const right: Record<string, Answer> = {
    'single-q': { type: 'single', choice: 'oficiant' },
    'multiple-q': { type: 'multiple', choices: ['oficiant', 'povar'] },
    'truefalse-q': { type: 'truefalse', value: true },
    'ordering-q': { type: 'ordering', order: ['sklad', 'povar', 'oficiant'] },
    'matching-q': { type: 'matching', pairs: { oficiant: 'povara', povar: 'sklada' } },
    'gap-q': { type: 'gap', choice: 'обслуживали' },
  };

  it('all right: 100%, passed, no mistakes', () => {
    expect(scoreAttempt(all, right, 0.8)).toEqual({ correct: 6, total: 6, score: 100, passed: true, mistakes: [] });
  });

  it('names the wrong and the unanswered questions, in the order asked', () => {
    const answers: Record<string, Answer> = { ...right, 'multiple-q': { type: 'multiple', choices: ['oficiant'] } };
    delete answers['gap-q'];
    const result = scoreAttempt(all, answers, 0.8);
    expect(result).toEqual({ correct: 4, total: 6, score: 67, passed: false, mistakes: ['multiple-q', 'gap-q'] });
  });

  it('passes exactly at the mark: 4 of 5 is 80%, 7 of 10 is not', () => {
    expect(neededToPass(5, 0.8)).toBe(4);
    expect(neededToPass(10, 0.8)).toBe(8);
    expect(neededToPass(6, 0.8)).toBe(5);
    expect(neededToPass(3, 0.7)).toBe(3);
    const five = all.slice(0, 5);
    const fourRight = { ...right, 'ordering-q': { type: 'ordering', order: ['povar', 'sklad', 'oficiant'] } as Answer };
    expect(scoreAttempt(five, fourRight, 0.8)).toMatchObject({ correct: 4, score: 80, passed: true });
    expect(scoreAttempt(five, fourRight, 0.9)).toMatchObject({ correct: 4, score: 80, passed: false });
  });

  it('an empty attempt neither passes nor divides by zero', () => {
    expect(scoreAttempt([], {}, 0.8)).toEqual({ correct: 0, total: 0, score: 0, passed: false, mistakes: [] });
  });
});

describe('restoring a saved draft', () => {
  const prepare = (seed: number) => prepareAttempt(sampleQuiz.questions, seed);

  it('rebuilds the same attempt and keeps the answers and the place', () => {
    const stored = {
      v: 1,
      seed: 77,
      startedAt: Date.UTC(2025, 4, 12),
      index: 2,
      answers: { 'single-q': { type: 'single', choice: 'gost' }, 'ordering-q': { type: 'ordering', order: ['povar', 'sklad', 'oficiant'] } },
      checked: ['single-q'],
    };
    const restored = restoreDraft(JSON.parse(JSON.stringify(stored)), prepare);
    expect(restored?.draft).toEqual(stored);
    expect(restored?.questions.map((p) => p.question.id)).toEqual(prepare(77).map((p) => p.question.id));
  });

  it('refuses what is not a draft', () => {
    for (const raw of [null, undefined, 'x', 3, [], {}, { v: 2, seed: 1 }, { v: 1, seed: 'x' }, { v: 1, seed: 1.5 }]) {
      expect(restoreDraft(raw, prepare)).toBeNull();
    }
  });

  it('drops answers that no longer fit the questions, and clamps the place', () => {
    const restored = restoreDraft(
      {
        v: 1,
        seed: 5,
        index: 99,
        answers: {
          'single-q': { type: 'single', choice: 'no-such-option' },
          'multiple-q': { type: 'multiple', choices: ['oficiant', 'ghost', 'oficiant'] },
          'truefalse-q': { type: 'single', choice: 'x' },
          'ordering-q': { type: 'ordering', order: ['sklad', 'sklad', 'povar'] },
          'matching-q': { type: 'matching', pairs: { oficiant: 'povara', povar: 'nope', ghost: 'sklada' } },
          'gap-q': { type: 'gap', choice: 'хвалили' },
          'removed-q': { type: 'single', choice: 'a' },
        },
        checked: ['single-q', 'gap-q', 'removed-q', 'gap-q'],
      },
      prepare,
    );
    expect(restored?.draft.answers).toEqual({
      'multiple-q': { type: 'multiple', choices: ['oficiant'] },
      'matching-q': { type: 'matching', pairs: { oficiant: 'povara' } },
      'gap-q': { type: 'gap', choice: 'хвалили' },
    });
    expect(restored?.draft.checked).toEqual(['gap-q']);
    expect(restored?.draft.index).toBe(5);
  });
});
