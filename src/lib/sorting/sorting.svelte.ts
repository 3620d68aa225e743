/**
 * The state of one run through a sorting exercise: where the cards lie, which card is selected
 * (tap a card, then a bin), the feedback of the last check and the first complete check's score.
 * The rules live in `sorting.ts`; this class keeps and saves the state.
 */
import type { ExerciseSession } from '$lib/activity/exercise-session.svelte.ts';
import { checkSorting, fitsPlacement, placeCard, sortingScore, type SortingCheck } from './sorting.ts';
import type { Placement, SortingScenario } from './types.ts';

/** What is saved on every change, so a reload resumes the run exactly. */
interface SortingDraft {
  placement: Placement;
  first: { right: number; total: number } | null;
  mistakes: string[];
}

function isDraft(value: unknown, scenario: SortingScenario): value is SortingDraft {
  const d = value as Partial<SortingDraft> | null;
  return !!d && fitsPlacement(scenario, d.placement) && Array.isArray(d.mistakes) && (d.first === null || typeof d.first === 'object');
}

export class SortingExerciseState {
  placement = $state<Placement>({});
  /** The card picked by a tap, waiting for a tap on a bin. */
  selected = $state<string | null>(null);
  /** The verdict of the last check (null before any check or after a move). */
  result = $state<SortingCheck | null>(null);
  done = $state(false);

  #first: SortingDraft['first'] = null;
  #mistakes: string[] = [];
  readonly scenario: SortingScenario;
  readonly session: ExerciseSession;

  constructor(scenario: SortingScenario, session: ExerciseSession) {
    this.scenario = scenario;
    this.session = session;
    const draft = session.draft();
    if (isDraft(draft, scenario)) {
      this.placement = draft.placement;
      this.#first = draft.first;
      this.#mistakes = draft.mistakes;
    }
  }

  /** Selects a card for a tap on a bin; the same card again puts it down. */
  select(cardId: string | null): void {
    if (this.done) return;
    this.selected = this.selected === cardId ? null : cardId;
  }

  /** Puts a card in a bin (null: back in the pile). Returns false when nothing changed. */
  place(cardId: string, bin: string | null): boolean {
    if (this.done) return false;
    const next = placeCard(this.scenario, this.placement, cardId, bin);
    this.selected = null;
    if (next === this.placement) return false;
    this.placement = next;
    this.result = null;
    this.#save();
    return true;
  }

  /** «Проверить»: the first check with every card placed is the score; all right finishes the run. */
  async check(): Promise<void> {
    if (this.done) return;
    const result = checkSorting(this.scenario, this.placement);
    this.result = result;
    this.selected = null;
    if (result.unplaced.length > 0) return;
    this.#first ??= { right: result.right, total: result.total };
    this.#mistakes.push(...result.wrong.map((w) => w.card.id));
    if (!result.correct) return this.#save();
    this.done = true;
    await this.session.finish({ score: sortingScore(this.#first), mistakes: this.#mistakes });
  }

  /** «Пройти ещё раз»: every card back in the pile. */
  restart(): void {
    this.session.restart();
    this.placement = {};
    this.selected = null;
    this.result = null;
    this.done = false;
    this.#first = null;
    this.#mistakes = [];
    this.#save();
  }

  #save(): void {
    this.session.save({ placement: this.placement, first: this.#first, mistakes: this.#mistakes } satisfies SortingDraft);
  }
}
