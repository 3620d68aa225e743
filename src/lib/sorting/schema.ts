/**
 * The schema of a sorting exercise («Две компании»): cards of behaviour that the learner sorts into
 * bins. Used by the content build (never shipped to the browser): a broken file stops the build with
 * the file and the field named. The rules of play live in `sorting.ts`.
 */
import * as v from 'valibot';
import { ContentError, parseContent } from '../course/schema.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/** A bin the cards go into: «думает о начальстве». */
export const SortingBinSchema = v.strictObject({ id, label: text });

/** One behaviour to sort: its text, the bin it belongs in, and one line on why. */
export const SortingCardSchema = v.strictObject({
  id,
  text: v.pipe(text, v.maxLength(160, 'keep a card to one or two lines (160 characters)')),
  bin: id,
  why: text,
});

export const SortingScenarioSchema = v.strictObject({
  id,
  type: v.literal('sorting'),
  title: text,
  minutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(20))),
  intro: text,
  bins: v.pipe(v.array(SortingBinSchema), v.minLength(2, 'needs at least 2 bins'), v.maxLength(4, 'at most 4 bins fit the screen')),
  cards: v.pipe(v.array(SortingCardSchema), v.minLength(4, 'needs at least 4 cards'), v.maxLength(12, 'at most 12 cards')),
});

export type SortingBin = v.InferOutput<typeof SortingBinSchema>;
export type SortingCard = v.InferOutput<typeof SortingCardSchema>;
export type SortingScenario = v.InferOutput<typeof SortingScenarioSchema>;

/**
 * Validates a sorting file: the shape, then that ids are unique, every card names an existing bin,
 * and every bin gets at least two cards (a bin with one card is guessed, not sorted).
 */
export function validateSortingScenario(data: unknown, file: string): SortingScenario {
  const scenario: SortingScenario = parseContent(SortingScenarioSchema, data, file);
  const binIds = scenario.bins.map((b) => b.id);
  const twiceBin = binIds.find((b, i) => binIds.indexOf(b) !== i);
  if (twiceBin) throw new ContentError(file, 'bins', `bin id "${twiceBin}" is used twice`);
  const cardIds = scenario.cards.map((c) => c.id);
  const twiceCard = cardIds.find((c, i) => cardIds.indexOf(c) !== i);
  if (twiceCard) throw new ContentError(file, 'cards', `card id "${twiceCard}" is used twice`);
  scenario.cards.forEach((c, i) => {
    if (!binIds.includes(c.bin)) throw new ContentError(file, `cards.${i}.bin`, `no bin has the id "${c.bin}"; bins: ${binIds.join(', ')}`);
  });
  for (const b of binIds) {
    const n = scenario.cards.filter((c) => c.bin === b).length;
    if (n < 2) throw new ContentError(file, 'cards', `bin "${b}" gets ${n} card(s): give every bin at least 2`);
  }
  // Cards are dealt in the file's order: grouped by bin, the order would give the answer away.
  const runs = scenario.cards.filter((c, i) => i > 0 && c.bin !== scenario.cards[i - 1]?.bin).length + 1;
  if (runs <= binIds.length) throw new ContentError(file, 'cards', 'the cards come grouped by bin: mix them so the order gives nothing away');
  return scenario;
}
