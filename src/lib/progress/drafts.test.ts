import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DraftSchema, isValidDraft } from './drafts.ts';

const NOW = Date.now();
const quiz = { v: 1, seed: 12345, startedAt: NOW, index: 2, answers: { q1: { type: 'single', choice: 'a' }, q2: { type: 'matching', pairs: { i1: 'c1' } }, q3: { type: 'gap', choice: 'клиент' } }, checked: ['q1'] };
const chain = { phase: 'roles', arrangement: { chain: ['a', 'b'], aside: ['c'] }, marks: { a: 'internal' }, firstOrder: { right: 2, total: 3 }, firstRoles: null, mistakes: ['handoff:a-b'], startedAt: NOW };
const simulator = { points: [0, 2, 1], losing: ['challenge:too-low'], startedAt: NOW };
const promptness = { chosen: 1, wrong: ['l2'], startedAt: NOW };
const sorting = { placement: { c1: 'internal' }, first: null, mistakes: [], startedAt: NOW };
const reflection = { answers: { suppliers: 'повар', clients: 'официант', change: 'быстрее' }, share: true, updatedAt: NOW };

describe('drafts', () => {
  it('accept what each activity saves, and no draft', () => {
    for (const d of [null, quiz, chain, simulator, promptness, sorting, reflection]) expect(isValidDraft(d), JSON.stringify(d)).toBe(true);
  });

  it('refuse free text over the bound (a 300-character entry)', () => {
    const long = 'я'.repeat(300);
    expect(isValidDraft({ ...chain, mistakes: [long] })).toBe(false);
    expect(isValidDraft({ ...quiz, answers: { q1: { type: 'gap', choice: long } } })).toBe(false);
    expect(isValidDraft({ ...promptness, wrong: [long] })).toBe(false);
    expect(isValidDraft({ ...simulator, losing: [long] })).toBe(false);
  });

  it('refuse lists and maps over the bound', () => {
    expect(isValidDraft({ ...chain, mistakes: Array.from({ length: 201 }, (_, i) => `m${i}`) })).toBe(false);
    expect(isValidDraft({ ...quiz, answers: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, { type: 'truefalse', value: true }])) })).toBe(false);
  });

  it('refuse unshowable numbers and dates, and unknown shapes', () => {
    for (const bad of [
      { ...quiz, startedAt: 8.64e15 },
      { ...quiz, seed: 1e300 },
      { ...quiz, index: -1 },
      { ...simulator, points: [Number.NaN] },
      { ...promptness, chosen: 1.5 },
      { ...chain, phase: 'won' },
      { ...chain, marks: { a: 'boss' } },
      { ...quiz, answers: { q1: { type: 'essay', text: 'x' } } },
      { ...quiz, extra: 1 },
      'draft',
      42,
      [],
    ]) {
      expect(isValidDraft(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('keeps a valid draft as it is', () => {
    expect(v.parse(DraftSchema, chain)).toEqual(chain);
  });
});
