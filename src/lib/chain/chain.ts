/**
 * The rules of the chain-building exercise: moving cards, checking the order and the roles, and
 * choosing the feedback for each kind of mistake. Pure: no Svelte, no DOM.
 */
import type { Arrangement, ChainCardData, ChainScenario, Handoff, OrderMistake, Role, RoleMistake, Zone } from './types.ts';

/** Returns a copy of `list` with the item at `from` moved to index `to` (clamped to the list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  if (from < 0 || from >= list.length) return result;
  const [item] = result.splice(from, 1) as [T];
  const target = Math.max(0, Math.min(to, result.length));
  result.splice(target, 0, item);
  return result;
}

/** The deal a scenario starts with: every card in the chain, in the authored `start` order. */
export function initialArrangement(scenario: ChainScenario): Arrangement {
  return { chain: [...scenario.start], aside: [] };
}

/** Where a card lies: its zone, its index and the size of that zone; null for an unknown id. */
export function positionOf(arrangement: Arrangement, id: string): { zone: Zone; index: number; size: number } | null {
  for (const zone of ['chain', 'aside'] as const) {
    const index = arrangement[zone].indexOf(id);
    if (index !== -1) return { zone, index, size: arrangement[zone].length };
  }
  return null;
}

/**
 * Puts a card at `index` of `zone` (as counted without the card itself), wherever it was before.
 * Unknown ids leave the arrangement as it is.
 */
export function placeCard(arrangement: Arrangement, id: string, zone: Zone, index: number): Arrangement {
  const at = positionOf(arrangement, id);
  if (!at) return arrangement;
  const next: Arrangement = { chain: arrangement.chain.filter((c) => c !== id), aside: arrangement.aside.filter((c) => c !== id) };
  const target = Math.max(0, Math.min(index, next[zone].length));
  next[zone].splice(target, 0, id);
  return next;
}

/**
 * One step up (-1) or down (+1), as the arrow keys and the move buttons do. With an aside zone the
 * two zones read as one column: down from the chain's last place goes aside, up from the first
 * aside place comes back to the chain's end. Returns null when the card cannot go further.
 */
export function stepCard(arrangement: Arrangement, id: string, delta: -1 | 1, withAside: boolean): Arrangement | null {
  const at = positionOf(arrangement, id);
  if (!at) return null;
  const target = at.index + delta;
  if (target >= 0 && target < at.size) return { ...arrangement, [at.zone]: move(arrangement[at.zone], at.index, target) };
  if (!withAside) return null;
  if (at.zone === 'chain' && delta === 1) return placeCard(arrangement, id, 'aside', 0);
  if (at.zone === 'aside' && delta === -1) return placeCard(arrangement, id, 'chain', arrangement.chain.length);
  return null;
}

/** Sends a card to the other zone: aside from the chain, or back to the end of the chain. */
export function toggleAside(arrangement: Arrangement, id: string): Arrangement {
  const at = positionOf(arrangement, id);
  if (!at) return arrangement;
  return at.zone === 'chain' ? placeCard(arrangement, id, 'aside', arrangement.aside.length) : placeCard(arrangement, id, 'chain', arrangement.chain.length);
}

/** The hand-offs between neighbours of a list of card ids. */
export function handoffs(ids: readonly string[]): Handoff[] {
  return ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }));
}

/** A stable key for a hand-off: `sklad>povar`. */
export const handoffKey = (h: Handoff): string => `${h.from}>${h.to}`;

/** True when the scenario's right order has the hand-off `from → to`. */
export function isTrueHandoff(scenario: ChainScenario, h: Handoff): boolean {
  const i = scenario.order.indexOf(h.from);
  return i !== -1 && scenario.order[i + 1] === h.to;
}

/** The cards that do not belong in the chain. */
export function distractors(scenario: ChainScenario): string[] {
  return scenario.cards.map((c) => c.id).filter((id) => !scenario.order.includes(id));
}

/** Whether the scenario needs the «в стороне» zone. */
export const hasAside = (scenario: ChainScenario): boolean => distractors(scenario).length > 0;

/** The result of checking the order. */
export interface OrderCheck {
  correct: boolean;
  mistakes: OrderMistake[];
  /** Right hand-offs among the neighbours as laid out (distractors included, so they cost). */
  rightHandoffs: number;
  /** Hand-offs in the right chain. */
  totalHandoffs: number;
}

/**
 * Checks the order: distractors left in the chain, links put aside, then each hand-off between
 * the chain's links (distractors skipped, so one stray card does not hide the real break).
 */
export function checkOrder(scenario: ChainScenario, arrangement: Arrangement): OrderCheck {
  const inChain = new Set(scenario.order);
  const mistakes: OrderMistake[] = [
    ...arrangement.chain.filter((id) => !inChain.has(id)).map((card): OrderMistake => ({ kind: 'distractor', card })),
    ...arrangement.aside.filter((id) => inChain.has(id)).map((card): OrderMistake => ({ kind: 'missing', card })),
  ];
  const links = arrangement.chain.filter((id) => inChain.has(id));
  for (const h of handoffs(links)) {
    if (!isTrueHandoff(scenario, h)) mistakes.push({ kind: 'broken', ...h });
  }
  const rightHandoffs = handoffs(arrangement.chain).filter((h) => isTrueHandoff(scenario, h)).length;
  return { correct: mistakes.length === 0, mistakes, rightHandoffs, totalHandoffs: scenario.order.length - 1 };
}

/** The right answer for a hand-off of the right chain: the last link is the external client. */
export function expectedRole(scenario: ChainScenario, h: Handoff): Role {
  return scenario.order.at(-1) === h.to ? 'external' : 'internal';
}

/** The result of checking the marked roles. */
export interface RoleCheck {
  correct: boolean;
  mistakes: RoleMistake[];
  right: number;
  total: number;
}

/** Checks the role marked for every hand-off of the right chain (`marks` keyed by handoffKey). */
export function checkRoles(scenario: ChainScenario, marks: Readonly<Record<string, Role | undefined>>): RoleCheck {
  const all = handoffs(scenario.order);
  const mistakes: RoleMistake[] = [];
  for (const handoff of all) {
    const chosen = marks[handoffKey(handoff)];
    const expected = expectedRole(scenario, handoff);
    if (chosen === expected) continue;
    if (!chosen) mistakes.push({ handoff, kind: 'unanswered' });
    else if (chosen === 'reversed') mistakes.push({ handoff, kind: 'reversed' });
    else mistakes.push({ handoff, kind: expected === 'external' ? 'is-external' : 'is-internal' });
  }
  return { correct: mistakes.length === 0, mistakes, right: all.length - mistakes.length, total: all.length };
}

/** Looks a card up; throws for an id the scenario does not have (a content bug, caught by tests). */
export function card(scenario: ChainScenario, id: string): ChainCardData {
  const found = scenario.cards.find((c) => c.id === id);
  if (!found) throw new Error(`Scenario ${scenario.id} has no card ${id}`);
  return found;
}

/** «Склад → Официант». */
export function handoffLabel(scenario: ChainScenario, h: Handoff): string {
  return `${card(scenario, h.from).label} → ${card(scenario, h.to).label}`;
}

/**
 * The feedback for an order mistake, in the scenario's language. A broken hand-off is named with
 * what went wrong: label «Склад → Официант», text «блюда официант получает не со склада, а от
 * повара». A stray or missing card is named with its note.
 */
export function orderFeedback(scenario: ChainScenario, mistake: OrderMistake): { kind: OrderMistake['kind']; label: string; text: string } {
  if (mistake.kind !== 'broken') {
    const c = card(scenario, mistake.card);
    return { kind: mistake.kind, label: c.label, text: c.note };
  }
  const to = card(scenario, mistake.to);
  const from = card(scenario, mistake.from);
  return { kind: 'broken', label: handoffLabel(scenario, mistake), text: (to.wrongSupplier ?? to.note).replace('{from}', from.from) };
}

/** An id for each mistake, stored with the attempt so «что повторить» can name it. */
export function mistakeId(mistake: OrderMistake | RoleMistake): string {
  if ('handoff' in mistake) return `role:${handoffKey(mistake.handoff)}`;
  return mistake.kind === 'broken' ? `handoff:${handoffKey(mistake)}` : `${mistake.kind}:${mistake.card}`;
}

/**
 * The score of a finished chain exercise, 0..100: half for the order at the first check (right
 * hand-offs), half for the roles at the first check (right marks).
 */
export function chainScore(firstOrder: { right: number; total: number }, firstRoles: { right: number; total: number }): number {
  const part = (p: { right: number; total: number }) => (p.total > 0 ? Math.max(0, Math.min(1, p.right / p.total)) : 1);
  return Math.round(50 * part(firstOrder) + 50 * part(firstRoles));
}

/** True when an arrangement holds exactly the scenario's cards, each once (a draft still fits). */
export function fitsScenario(scenario: ChainScenario, arrangement: Arrangement): boolean {
  const ids = [...arrangement.chain, ...arrangement.aside];
  return ids.length === scenario.cards.length && scenario.cards.every((c) => ids.includes(c.id));
}

/**
 * The feedback for a role mistake: the kind decides the interface's message, the note of the
 * receiving card says who is whose client in the scenario's own words.
 */
export function roleFeedback(scenario: ChainScenario, mistake: RoleMistake): { label: string; note: string | null } {
  return { label: handoffLabel(scenario, mistake.handoff), note: mistake.kind === 'unanswered' ? null : card(scenario, mistake.handoff.to).note };
}

/** Starts a note with a capital letter when it opens a sentence: «официант — …» → «Официант — …». */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);
}
