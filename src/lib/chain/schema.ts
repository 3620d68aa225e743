/**
 * The schema of a chain scenario file, used by the content build (never shipped to the browser):
 * a broken scenario stops the build with the file and the field named.
 */
import * as v from 'valibot';
import { ContentError, parseContent } from '../course/schema.ts';
import { checkOrder, initialArrangement } from './chain.ts';
import type { ChainScenario } from './types.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const CardSchema = v.strictObject({
  id,
  label: text,
  genitive: text,
  from: text,
  wrongSupplier: v.optional(v.pipe(text, v.includes('{from}', 'must contain {from} where the wrong supplier goes'))),
  note: text,
});

export const ChainScenarioSchema = v.strictObject({
  id,
  type: v.literal('chain'),
  title: text,
  minutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(20))),
  task: text,
  cards: v.pipe(v.array(CardSchema), v.minLength(3, 'needs at least 3 cards')),
  order: v.pipe(v.array(id), v.minLength(3, 'a chain needs at least 3 links')),
  start: v.array(id),
});

/** Validates a chain scenario: the shape, then that its ids agree with each other. */
export function validateChainScenario(data: unknown, file: string): ChainScenario {
  const scenario: ChainScenario = parseContent(ChainScenarioSchema, data, file);
  const ids = scenario.cards.map((c) => c.id);
  const repeated = ids.find((c, i) => ids.indexOf(c) !== i);
  if (repeated) throw new ContentError(file, 'cards', `card id "${repeated}" is used twice`);
  scenario.order.forEach((o, i) => {
    if (!ids.includes(o)) throw new ContentError(file, `order.${i}`, `no card has the id "${o}"`);
    if (scenario.order.indexOf(o) !== i) throw new ContentError(file, `order.${i}`, `"${o}" is in the chain twice`);
    const c = scenario.cards.find((x) => x.id === o);
    if (!c?.wrongSupplier) throw new ContentError(file, `cards.${ids.indexOf(o)}.wrongSupplier`, 'required for a link of the chain');
  });
  if (scenario.start.length !== ids.length || !ids.every((c) => scenario.start.includes(c))) {
    throw new ContentError(file, 'start', 'must list every card id exactly once');
  }
  if (checkOrder(scenario, initialArrangement(scenario)).correct) {
    throw new ContentError(file, 'start', 'the cards are dealt already in the right order: shuffle them');
  }
  return scenario;
}
