import { describe, expect, it } from 'vitest';
import restaurant from '../../../content/01-vneshnie-i-vnutrennie-klienty/exercise-1-chain-restaurant.json';
import hotel from '../../../content/01-vneshnie-i-vnutrennie-klienty/exercise-2-chain-hotel.json';
import {
  capitalize,
  chainScore,
  checkOrder,
  checkRoles,
  distractors,
  expectedRole,
  fitsScenario,
  handoffKey,
  handoffs,
  hasAside,
  initialArrangement,
  isTrueHandoff,
  mistakeId,
  move,
  orderFeedback,
  placeCard,
  positionOf,
  roleFeedback,
  stepCard,
  toggleAside,
} from './chain.ts';
import { validateChainScenario } from './schema.ts';
import type { Arrangement, ChainScenario, Role } from './types.ts';

const food = validateChainScenario(restaurant, 'restaurant.json');
const rooms = validateChainScenario(hotel, 'hotel.json');
const chain = (...ids: string[]): Arrangement => ({ chain: ids, aside: [] });

describe('move', () => {
  it.each([
    [0, 2, ['b', 'c', 'a', 'd']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [1, 1, ['a', 'b', 'c', 'd']],
    [2, 3, ['a', 'b', 'd', 'c']],
    [0, 99, ['b', 'c', 'd', 'a']],
    [3, -5, ['d', 'a', 'b', 'c']],
  ])('moves index %i to %i', (from, to, expected) => {
    expect(move(['a', 'b', 'c', 'd'], from, to)).toEqual(expected);
  });

  it('leaves the list alone for an index outside it, and never mutates', () => {
    const list = ['a', 'b'];
    expect(move(list, 5, 0)).toEqual(['a', 'b']);
    expect(move(list, -1, 0)).toEqual(['a', 'b']);
    move(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('placing and stepping cards', () => {
  const start: Arrangement = { chain: ['a', 'b', 'c'], aside: ['x'] };

  it('finds a card', () => {
    expect(positionOf(start, 'b')).toEqual({ zone: 'chain', index: 1, size: 3 });
    expect(positionOf(start, 'x')).toEqual({ zone: 'aside', index: 0, size: 1 });
    expect(positionOf(start, 'nope')).toBeNull();
  });

  it('places a card in either zone, counting places without the card', () => {
    expect(placeCard(start, 'a', 'chain', 2)).toEqual({ chain: ['b', 'c', 'a'], aside: ['x'] });
    expect(placeCard(start, 'x', 'chain', 1)).toEqual({ chain: ['a', 'x', 'b', 'c'], aside: [] });
    expect(placeCard(start, 'b', 'aside', 0)).toEqual({ chain: ['a', 'c'], aside: ['b', 'x'] });
    expect(placeCard(start, 'c', 'chain', 42)).toEqual(start);
    expect(placeCard(start, 'nope', 'chain', 0)).toBe(start);
  });

  it('steps within a zone', () => {
    expect(stepCard(start, 'b', -1, true)).toEqual({ chain: ['b', 'a', 'c'], aside: ['x'] });
    expect(stepCard(start, 'b', 1, false)).toEqual({ chain: ['a', 'c', 'b'], aside: ['x'] });
  });

  it('stops at the ends without an aside zone', () => {
    expect(stepCard(start, 'a', -1, false)).toBeNull();
    expect(stepCard(start, 'c', 1, false)).toBeNull();
    expect(stepCard(start, 'nope', 1, false)).toBeNull();
  });

  it('crosses between the chain and the aside zone as one column', () => {
    expect(stepCard(start, 'c', 1, true)).toEqual({ chain: ['a', 'b'], aside: ['c', 'x'] });
    expect(stepCard(start, 'x', -1, true)).toEqual({ chain: ['a', 'b', 'c', 'x'], aside: [] });
    expect(stepCard(start, 'x', 1, true)).toBeNull();
    expect(stepCard(start, 'a', -1, true)).toBeNull();
  });

  it('toggles a card aside and back to the end of the chain', () => {
    expect(toggleAside(start, 'a')).toEqual({ chain: ['b', 'c'], aside: ['x', 'a'] });
    expect(toggleAside(start, 'x')).toEqual({ chain: ['a', 'b', 'c', 'x'], aside: [] });
    expect(toggleAside(start, 'nope')).toBe(start);
  });

  it('deals the authored start order', () => {
    expect(initialArrangement(food)).toEqual({ chain: ['oficiant', 'sklad', 'posetitel', 'povar'], aside: [] });
    expect(fitsScenario(food, initialArrangement(food))).toBe(true);
    expect(fitsScenario(food, chain('sklad', 'povar'))).toBe(false);
    expect(fitsScenario(food, chain('sklad', 'povar', 'oficiant', 'chuzhoy'))).toBe(false);
  });
});

describe('hand-offs', () => {
  it('lists neighbours', () => {
    expect(handoffs(['a', 'b', 'c'])).toEqual([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }]);
    expect(handoffs(['a'])).toEqual([]);
    expect(handoffKey({ from: 'a', to: 'b' })).toBe('a>b');
  });

  it('knows the true hand-offs of the restaurant', () => {
    expect(isTrueHandoff(food, { from: 'sklad', to: 'povar' })).toBe(true);
    expect(isTrueHandoff(food, { from: 'povar', to: 'sklad' })).toBe(false);
    expect(isTrueHandoff(food, { from: 'sklad', to: 'oficiant' })).toBe(false);
    expect(isTrueHandoff(food, { from: 'posetitel', to: 'sklad' })).toBe(false);
  });

  it('finds the distractor', () => {
    expect(distractors(food)).toEqual([]);
    expect(hasAside(food)).toBe(false);
    expect(distractors(rooms)).toEqual(['taksist']);
    expect(hasAside(rooms)).toBe(true);
  });
});

describe('checking the order', () => {
  it('accepts the right chain', () => {
    const result = checkOrder(food, chain('sklad', 'povar', 'oficiant', 'posetitel'));
    expect(result).toEqual({ correct: true, mistakes: [], rightHandoffs: 3, totalHandoffs: 3 });
  });

  it('names the skipped link: Склад → Официант, between them the cook', () => {
    const result = checkOrder(food, chain('sklad', 'oficiant', 'povar', 'posetitel'));
    expect(result.correct).toBe(false);
    expect(result.mistakes).toEqual([
      { kind: 'broken', from: 'sklad', to: 'oficiant' },
      { kind: 'broken', from: 'oficiant', to: 'povar' },
      { kind: 'broken', from: 'povar', to: 'posetitel' },
    ]);
    expect(orderFeedback(food, result.mistakes[0]!)).toEqual({
      kind: 'broken',
      label: 'Склад → Официант',
      text: 'блюда официант получает не со склада, а от повара',
    });
    expect(result.rightHandoffs).toBe(0);
  });

  it('explains a reversed pair and a wrong first link', () => {
    const result = checkOrder(food, chain('povar', 'sklad', 'oficiant', 'posetitel'));
    expect(result.mistakes.map((m) => orderFeedback(food, m))).toEqual([
      { kind: 'broken', label: 'Повар → Склад', text: 'путь продуктов начинается со склада: продукты склад выдаёт повару, а не получает от повара' },
      { kind: 'broken', label: 'Склад → Официант', text: 'блюда официант получает не со склада, а от повара' },
    ]);
    expect(result.rightHandoffs).toBe(1);
  });

  it('explains a guest put in the middle', () => {
    const result = checkOrder(food, chain('sklad', 'povar', 'posetitel', 'oficiant'));
    expect(result.mistakes.map((m) => orderFeedback(food, m).label)).toEqual(['Повар → Посетитель', 'Посетитель → Официант']);
    expect(orderFeedback(food, result.mistakes[1]!).text).toBe('блюда официант получает не от посетителя, а от повара');
  });

  it('wants the distractor aside, and names it', () => {
    const right = { chain: ['prachechnaya', 'gornichnaya', 'administrator', 'gost'], aside: ['taksist'] };
    expect(checkOrder(rooms, right).correct).toBe(true);

    const stray = checkOrder(rooms, { chain: ['prachechnaya', 'gornichnaya', 'taksist', 'administrator', 'gost'], aside: [] });
    expect(stray.mistakes).toEqual([{ kind: 'distractor', card: 'taksist' }]);
    expect(orderFeedback(rooms, stray.mistakes[0]!).label).toBe('Водитель такси');
    expect(orderFeedback(rooms, stray.mistakes[0]!).text).toMatch(/не работает в ней/);
    // The stray card breaks two neighbours, so it costs in the score even though the links are right.
    expect(stray.rightHandoffs).toBe(2);
  });

  it('wants every link in the chain, and names the one put aside', () => {
    const result = checkOrder(rooms, { chain: ['prachechnaya', 'administrator', 'gost'], aside: ['taksist', 'gornichnaya'] });
    expect(result.mistakes).toEqual([
      { kind: 'missing', card: 'gornichnaya' },
      { kind: 'broken', from: 'prachechnaya', to: 'administrator' },
    ]);
    expect(orderFeedback(rooms, result.mistakes[0]!)).toMatchObject({ kind: 'missing', label: 'Горничная' });
    expect(orderFeedback(rooms, result.mistakes[1]!).text).toBe('готовый номер администратор получает не из прачечной, а от горничной');
  });

  it('finds the deal wrong in both scenarios', () => {
    expect(checkOrder(food, initialArrangement(food)).correct).toBe(false);
    expect(checkOrder(rooms, initialArrangement(rooms)).correct).toBe(false);
  });

  it('gives every mistake a stable id', () => {
    expect(mistakeId({ kind: 'broken', from: 'a', to: 'b' })).toBe('handoff:a>b');
    expect(mistakeId({ kind: 'distractor', card: 'x' })).toBe('distractor:x');
    expect(mistakeId({ kind: 'missing', card: 'y' })).toBe('missing:y');
    expect(mistakeId({ kind: 'reversed', handoff: { from: 'a', to: 'b' } })).toBe('role:a>b');
  });
});

describe('checking the roles', () => {
  const right: Record<string, Role> = { 'sklad>povar': 'internal', 'povar>oficiant': 'internal', 'oficiant>posetitel': 'external' };

  it('knows the last link is the external client', () => {
    expect(expectedRole(food, { from: 'oficiant', to: 'posetitel' })).toBe('external');
    expect(expectedRole(food, { from: 'sklad', to: 'povar' })).toBe('internal');
    expect(expectedRole(rooms, { from: 'administrator', to: 'gost' })).toBe('external');
  });

  it('accepts the right marks', () => {
    expect(checkRoles(food, right)).toEqual({ correct: true, mistakes: [], right: 3, total: 3 });
  });

  it('tells each kind of mistake apart', () => {
    const result = checkRoles(food, { 'sklad>povar': 'reversed', 'povar>oficiant': 'external', 'oficiant>posetitel': 'internal' });
    expect(result.mistakes.map((m) => m.kind)).toEqual(['reversed', 'is-internal', 'is-external']);
    expect(result.right).toBe(0);
  });

  it('counts a missing mark as a mistake', () => {
    const result = checkRoles(food, { 'sklad>povar': 'internal' });
    expect(result.mistakes).toEqual([
      { handoff: { from: 'povar', to: 'oficiant' }, kind: 'unanswered' },
      { handoff: { from: 'oficiant', to: 'posetitel' }, kind: 'unanswered' },
    ]);
  });

  it('explains a mistake with the receiving card', () => {
    expect(roleFeedback(food, { handoff: { from: 'povar', to: 'oficiant' }, kind: 'reversed' })).toEqual({
      label: 'Повар → Официант',
      note: 'официант — внутренний клиент повара: от повара он получает готовые блюда.',
    });
    expect(roleFeedback(food, { handoff: { from: 'povar', to: 'oficiant' }, kind: 'unanswered' }).note).toBeNull();
  });
});

describe('capitalize', () => {
  it('capitalises the first letter only', () => {
    expect(capitalize('официант — внутренний клиент повара')).toBe('Официант — внутренний клиент повара');
    expect(capitalize('')).toBe('');
    expect(capitalize('Уже')).toBe('Уже');
  });
});

describe('score', () => {
  it.each([
    [{ right: 3, total: 3 }, { right: 3, total: 3 }, 100],
    [{ right: 0, total: 3 }, { right: 3, total: 3 }, 50],
    [{ right: 1, total: 3 }, { right: 2, total: 3 }, 50],
    [{ right: 2, total: 3 }, { right: 3, total: 3 }, 83],
    [{ right: 0, total: 3 }, { right: 0, total: 3 }, 0],
    [{ right: 5, total: 3 }, { right: 0, total: 0 }, 100],
  ])('%o and %o make %i', (order, roles, expected) => {
    expect(chainScore(order, roles)).toBe(expected);
  });
});

describe('the scenario schema', () => {
  const broken = (change: (s: ChainScenario) => void) => {
    const copy = structuredClone(restaurant) as unknown as ChainScenario;
    change(copy);
    return () => validateChainScenario(copy, 'x.json');
  };

  it('refuses a link without a wrong-supplier text', () => {
    expect(broken((s) => delete s.cards[1]!.wrongSupplier)).toThrow('x.json → cards.1.wrongSupplier: required for a link of the chain');
  });
  it('refuses a wrong-supplier text without {from}', () => {
    expect(broken((s) => (s.cards[1]!.wrongSupplier = 'просто текст'))).toThrow(/cards\.1\.wrongSupplier: must contain \{from\}/);
  });
  it('refuses an order naming an unknown card', () => {
    expect(broken((s) => (s.order[2] = 'kassir'))).toThrow('x.json → order.2: no card has the id "kassir"');
  });
  it('refuses a start that misses a card', () => {
    expect(broken((s) => s.start.pop())).toThrow('x.json → start: must list every card id exactly once');
  });
  it('refuses cards dealt in the right order', () => {
    expect(broken((s) => (s.start = [...s.order]))).toThrow(/start: the cards are dealt already in the right order/);
  });
  it('refuses a repeated card id', () => {
    expect(broken((s) => (s.cards[3]!.id = 'sklad'))).toThrow(/card id "sklad" is used twice/);
  });
  it('refuses an unknown field', () => {
    expect(broken((s) => Object.assign(s, { colour: 'red' }))).toThrow(/colour: unknown field/);
  });
});
