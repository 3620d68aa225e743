/** The chain-building exercise's data, as authored in `content/NN-…/exercise-*-chain-*.json`. */

/** One card the learner places: a link of the service chain, or a distractor that belongs aside. */
export interface ChainCardData {
  id: string;
  /** Nominative, as shown on the card: «Повар». */
  label: string;
  /** Genitive, for «внутренний клиент повара». */
  genitive: string;
  /** «от повара», «со склада»: who a hand-off comes from. */
  from: string;
  /**
   * What is wrong when this card receives work from the wrong link, with `{from}` standing for the
   * wrong supplier: «блюда официант получает не {from}, а от повара». Required for chain links.
   */
  wrongSupplier?: string;
  /** Why the card stands where it stands (or, for a distractor, why it is not in the chain). */
  note: string;
}

/** A chain scenario: its cards, the right order and the order the cards are dealt in. */
export interface ChainScenario {
  id: string;
  type: 'chain';
  title: string;
  minutes?: number;
  /** What to do, for this business (Russian content). */
  task: string;
  cards: ChainCardData[];
  /** Card ids from the first link to the external client; cards not listed are distractors. */
  order: string[];
  /** Every card id, in the order they are dealt (never already right). */
  start: string[];
}

/** Where the cards lie: the chain being built, and the cards put aside. */
export interface Arrangement {
  chain: string[];
  aside: string[];
}

export type Zone = keyof Arrangement;

/** A hand-off: work passes from one link to the next. */
export interface Handoff {
  from: string;
  to: string;
}

/** What the learner can say about a hand-off A → B. */
export type Role = 'internal' | 'external' | 'reversed';

/** A problem with the order, each kind with its own feedback. */
export type OrderMistake =
  | { kind: 'distractor'; card: string }
  | { kind: 'missing'; card: string }
  | { kind: 'broken'; from: string; to: string };

/** A problem with the marked roles. */
export interface RoleMistake {
  handoff: Handoff;
  /** `reversed`: the supplier was called the client; `is-external` / `is-internal`: the kind was mixed up. */
  kind: 'unanswered' | 'reversed' | 'is-external' | 'is-internal';
}
