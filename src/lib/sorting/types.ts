/** The «Две компании» sorting exercise: behaviours sorted into two bins. */

/** One of the two bins a card can go into. */
export interface SortingBin {
  id: string;
  label: string;
}

/** One behaviour to sort, with the bin it belongs to and why. */
export interface SortingCard {
  id: string;
  text: string;
  /** Id of the right bin. */
  bin: string;
  /** Shown when the card is placed in the wrong bin. */
  why: string;
}

/** A sorting exercise as read from `content/NN-…/exercise-*.json` (type `sorting`). */
export interface SortingScenario {
  id: string;
  type?: 'sorting';
  title: string;
  minutes?: number | undefined;
  intro: string;
  bins: SortingBin[];
  cards: SortingCard[];
}

/** Where every card lies now: card id → bin id, or absent while still in the pile. */
export type Placement = Record<string, string>;
