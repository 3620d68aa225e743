import { describe, expect, it } from 'vitest';
import { twoCompanies as s } from '../../../tests/fixtures/sorting.ts';
import { binAt, cardsIn, edgeScroll, checkSorting, fitsPlacement, placeCard, sortingCard, sortingScore } from './sorting.ts';

const all = Object.fromEntries(s.cards.map((c) => [c.id, c.bin]));

describe('placeCard', () => {
  it('puts a card in a bin, moves it to the other, and back to the pile', () => {
    let p = placeCard(s, {}, 'a', 'klient');
    expect(p).toEqual({ a: 'klient' });
    p = placeCard(s, p, 'a', 'nachalstvo');
    expect(p).toEqual({ a: 'nachalstvo' });
    p = placeCard(s, p, 'a', null);
    expect(p).toEqual({});
  });
  it('does not change the placement it was given', () => {
    const before = { b: 'klient' };
    placeCard(s, before, 'a', 'klient');
    expect(before).toEqual({ b: 'klient' });
  });
  it('ignores an unknown card, an unknown bin and a move to where the card already is', () => {
    const p = { a: 'klient' };
    expect(placeCard(s, p, 'zz', 'klient')).toBe(p);
    expect(placeCard(s, p, 'a', 'nowhere')).toBe(p);
    expect(placeCard(s, p, 'a', 'klient')).toBe(p);
  });
});

describe('cardsIn', () => {
  it('lists the cards of a bin and of the pile in the scenario order', () => {
    const p = { h: 'klient', b: 'klient', a: 'nachalstvo' };
    expect(cardsIn(s, p, 'klient').map((c) => c.id)).toEqual(['b', 'h']);
    expect(cardsIn(s, p, 'nachalstvo').map((c) => c.id)).toEqual(['a']);
    expect(cardsIn(s, p, null).map((c) => c.id)).toEqual(['c', 'd', 'e', 'f', 'g']);
  });
});

describe('checkSorting', () => {
  it('is correct when every card is in its bin', () => {
    const r = checkSorting(s, all);
    expect(r).toMatchObject({ correct: true, right: 8, total: 8, wrong: [], unplaced: [] });
  });
  it('names each misplaced card with the bin it is in and its reason', () => {
    const r = checkSorting(s, { ...all, a: 'klient', d: 'nachalstvo' });
    expect(r.correct).toBe(false);
    expect(r.right).toBe(6);
    expect(r.wrong.map((w) => [w.card.id, w.placedIn, w.card.why])).toEqual([
      ['a', 'klient', 'Гость ждёт, пока пишут отчёт.'],
      ['d', 'nachalstvo', 'Так узнают, что нужно гостю.'],
    ]);
  });
  it('counts unplaced cards as not done, neither right nor wrong', () => {
    const { h, ...rest } = all;
    void h;
    const r = checkSorting(s, rest);
    expect(r.correct).toBe(false);
    expect(r.right).toBe(7);
    expect(r.wrong).toEqual([]);
    expect(r.unplaced.map((c) => c.id)).toEqual(['h']);
  });
});

describe('sortingScore', () => {
  it('is the share of right cards at the first check', () => {
    expect(sortingScore({ right: 8, total: 8 })).toBe(100);
    expect(sortingScore({ right: 6, total: 8 })).toBe(75);
    expect(sortingScore({ right: 0, total: 8 })).toBe(0);
    expect(sortingScore({ right: 0, total: 0 })).toBe(0);
  });
});

describe('fitsPlacement', () => {
  it('accepts a saved placement of known cards and bins and refuses anything else', () => {
    expect(fitsPlacement(s, { a: 'klient' })).toBe(true);
    expect(fitsPlacement(s, {})).toBe(true);
    expect(fitsPlacement(s, { zz: 'klient' })).toBe(false);
    expect(fitsPlacement(s, { a: 'nowhere' })).toBe(false);
    expect(fitsPlacement(s, { a: 3 })).toBe(false);
    expect(fitsPlacement(s, null)).toBe(false);
    expect(fitsPlacement(s, ['a'])).toBe(false);
  });
});

describe('sortingCard', () => {
  it('finds a card and throws for an unknown id', () => {
    expect(sortingCard(s, 'b').text).toBe('Помогает повару');
    expect(() => sortingCard(s, 'zz')).toThrow(/zz/);
  });
});

describe('binAt', () => {
  const boxes = [
    { bin: null, left: 0, top: 0, right: 400, bottom: 200 },
    { bin: 'nachalstvo', left: 0, top: 220, right: 190, bottom: 500 },
    { bin: 'klient', left: 210, top: 220, right: 400, bottom: 500 },
  ];
  it('finds the box under the point', () => {
    expect(binAt(boxes, 100, 300)?.bin).toBe('nachalstvo');
    expect(binAt(boxes, 300, 300)?.bin).toBe('klient');
    expect(binAt(boxes, 300, 100)?.bin).toBeNull();
  });
  it('takes the nearest box within reach, and none beyond it', () => {
    expect(binAt(boxes, 200, 300)?.bin).toBe('nachalstvo');
    expect(binAt(boxes, 300, 510)?.bin).toBe('klient');
    expect(binAt(boxes, 300, 560)).toBeNull();
    expect(binAt([], 1, 1)).toBeNull();
  });
});

describe('edgeScroll', () => {
  it('scrolls up near the top edge and down near the bottom edge', () => {
    expect(edgeScroll(10, 1180)).toBeLessThan(0);
    expect(edgeScroll(1170, 1180)).toBeGreaterThan(0);
  });
  it('does not scroll in between', () => {
    expect(edgeScroll(48, 1180)).toBe(0);
    expect(edgeScroll(600, 1180)).toBe(0);
    expect(edgeScroll(1132, 1180)).toBe(0);
  });
});
