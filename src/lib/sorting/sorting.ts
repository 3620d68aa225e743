/**
 * The rules of a sorting exercise, pure: placing a card in a bin (or back in the pile), checking
 * the placement, and the feedback for every misplaced card. The component keeps only ids.
 */
import type { Placement, SortingCard, SortingScenario } from './types.ts';

/** A card placed in the wrong bin, with the bin it is in and why it belongs in the other. */
export interface Misplaced {
  card: SortingCard;
  placedIn: string;
}

/** The verdict of one check. */
export interface SortingCheck {
  correct: boolean;
  /** Cards in their right bin. */
  right: number;
  total: number;
  /** Cards in the wrong bin, in the scenario's order. */
  wrong: Misplaced[];
  /** Cards not placed yet. */
  unplaced: SortingCard[];
}

/** The card of a scenario by id; throws for an unknown id (a bug, not a learner's mistake). */
export function sortingCard(scenario: SortingScenario, id: string): SortingCard {
  const card = scenario.cards.find((c) => c.id === id);
  if (!card) throw new Error(`No card "${id}" in sorting exercise "${scenario.id}"`);
  return card;
}

/**
 * Puts a card in a bin, or back in the pile with `bin` null. An unknown card or bin leaves the
 * placement as it was (same object), so a stale click changes nothing.
 */
export function placeCard(scenario: SortingScenario, placement: Placement, cardId: string, bin: string | null): Placement {
  if (!scenario.cards.some((c) => c.id === cardId)) return placement;
  if (bin !== null && !scenario.bins.some((b) => b.id === bin)) return placement;
  if ((placement[cardId] ?? null) === bin) return placement;
  const next = { ...placement };
  if (bin === null) delete next[cardId];
  else next[cardId] = bin;
  return next;
}

/** The cards lying in a bin (or, with null, in the pile), in the scenario's order. */
export function cardsIn(scenario: SortingScenario, placement: Placement, bin: string | null): SortingCard[] {
  return scenario.cards.filter((c) => (placement[c.id] ?? null) === bin);
}

/** Checks every card: right when it lies in its bin; an unplaced card is neither right nor wrong. */
export function checkSorting(scenario: SortingScenario, placement: Placement): SortingCheck {
  const wrong: Misplaced[] = [];
  const unplaced: SortingCard[] = [];
  let right = 0;
  for (const card of scenario.cards) {
    const placedIn = placement[card.id];
    if (placedIn === undefined) unplaced.push(card);
    else if (placedIn === card.bin) right += 1;
    else wrong.push({ card, placedIn });
  }
  return { correct: right === scenario.cards.length, right, total: scenario.cards.length, wrong, unplaced };
}

/** The score of a run, 0..100: the share of cards right at the first complete check. */
export function sortingScore(first: { right: number; total: number }): number {
  return first.total > 0 ? Math.round((100 * first.right) / first.total) : 0;
}

/** True when a saved placement still fits the scenario (every card and bin known). */
export function fitsPlacement(scenario: SortingScenario, placement: unknown): placement is Placement {
  if (!placement || typeof placement !== 'object' || Array.isArray(placement)) return false;
  const cards = new Set(scenario.cards.map((c) => c.id));
  const bins = new Set(scenario.bins.map((b) => b.id));
  return Object.entries(placement).every(([card, bin]) => cards.has(card) && typeof bin === 'string' && bins.has(bin));
}

/** A bin as laid out on screen (client coordinates). */
export interface BinBox {
  bin: string | null;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The bin a dragged card would drop into: the box under the point, else the nearest one within
 * `reach` pixels (a finger lands a little off), else none.
 */
export function binAt(boxes: readonly BinBox[], x: number, y: number, reach = 24): BinBox | null {
  let best: BinBox | null = null;
  let bestDistance = Infinity;
  for (const box of boxes) {
    const dx = x < box.left ? box.left - x : x > box.right ? x - box.right : 0;
    const dy = y < box.top ? box.top - y : y > box.bottom ? y - box.bottom : 0;
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) {
      best = box;
      bestDistance = distance;
    }
  }
  return best && bestDistance <= reach ? best : null;
}

/**
 * How far the page should scroll while a dragged card is held at `y` in a window `height` tall:
 * up near the top edge, down near the bottom edge, not at all in between. The drag keeps scrolling
 * by this step while the finger stays still at the edge, so a bin below the fold can be reached
 * however many cards the exercise has.
 */
export function edgeScroll(y: number, height: number, edge = 48, step = 12): number {
  if (y < edge) return -step;
  if (y > height - edge) return step;
  return 0;
}
