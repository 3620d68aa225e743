/**
 * The state of one run through a chain scenario: the cards as laid out, the phase (order, then
 * roles, then done), the feedback of the last check and what the first checks scored. The rules
 * themselves live in `$lib/chain/chain.ts`; this class only keeps and saves the state.
 */
import {
  chainScore,
  checkOrder,
  checkRoles,
  fitsScenario,
  initialArrangement,
  mistakeId,
  type OrderCheck,
  type RoleCheck,
} from '$lib/chain/chain.ts';
import type { Arrangement, ChainScenario, Role } from '$lib/chain/types.ts';
import type { ExerciseSession } from '$lib/activity/exercise-session.svelte.ts';

export type ChainPhase = 'order' | 'roles' | 'done';

/** What is saved on every change, so a reload resumes the run exactly. */
interface ChainDraft {
  phase: ChainPhase;
  arrangement: Arrangement;
  marks: Record<string, Role>;
  firstOrder: { right: number; total: number } | null;
  firstRoles: { right: number; total: number } | null;
  mistakes: string[];
}

function isDraft(value: unknown, scenario: ChainScenario): value is ChainDraft {
  const d = value as Partial<ChainDraft> | null;
  return !!d && (d.phase === 'order' || d.phase === 'roles') && !!d.arrangement && Array.isArray(d.arrangement.chain) && Array.isArray(d.arrangement.aside) && fitsScenario(scenario, d.arrangement) && typeof d.marks === 'object' && Array.isArray(d.mistakes);
}

export class ChainExerciseState {
  phase = $state<ChainPhase>('order');
  arrangement = $state<Arrangement>({ chain: [], aside: [] });
  marks = $state<Record<string, Role>>({});
  /** The feedback of the last order check (null before any check or after a change). */
  orderResult = $state<OrderCheck | null>(null);
  roleResult = $state<RoleCheck | null>(null);

  #firstOrder: ChainDraft['firstOrder'] = null;
  #firstRoles: ChainDraft['firstRoles'] = null;
  #mistakes: string[] = [];
  readonly scenario: ChainScenario;
  readonly session: ExerciseSession;

  constructor(scenario: ChainScenario, session: ExerciseSession) {
    this.scenario = scenario;
    this.session = session;
    const draft = session.draft();
    if (isDraft(draft, scenario)) {
      this.phase = draft.phase;
      this.arrangement = draft.arrangement;
      this.marks = draft.marks;
      this.#firstOrder = draft.firstOrder;
      this.#firstRoles = draft.firstRoles;
      this.#mistakes = draft.mistakes;
    } else {
      this.arrangement = initialArrangement(scenario);
    }
  }

  /** A card was moved (by drag, keys or buttons): the old verdict no longer applies. */
  arrange(next: Arrangement): void {
    if (this.phase !== 'order') return;
    this.arrangement = next;
    this.orderResult = null;
    this.#save();
  }

  /** A role was marked for a hand-off. */
  mark(key: string, role: Role): void {
    if (this.phase !== 'roles') return;
    this.marks = { ...this.marks, [key]: role };
    this.roleResult = null;
    this.#save();
  }

  /** «Проверить»: checks the order, or the roles, and finishes the run when both are right. */
  async check(): Promise<void> {
    if (this.phase === 'order') {
      const result = checkOrder(this.scenario, this.arrangement);
      this.orderResult = result;
      this.#firstOrder ??= { right: result.rightHandoffs, total: result.totalHandoffs };
      this.#mistakes.push(...result.mistakes.map(mistakeId));
      if (result.correct) this.phase = 'roles';
      this.#save();
    } else if (this.phase === 'roles') {
      const result = checkRoles(this.scenario, this.marks);
      this.roleResult = result;
      this.#firstRoles ??= { right: result.right, total: result.total };
      this.#mistakes.push(...result.mistakes.map(mistakeId));
      if (!result.correct) return this.#save();
      this.phase = 'done';
      await this.session.finish({ score: chainScore(this.#firstOrder ?? { right: 0, total: 1 }, this.#firstRoles), mistakes: this.#mistakes });
    }
  }

  /** «Пройти ещё раз»: a fresh deal. */
  restart(): void {
    this.session.restart();
    this.phase = 'order';
    this.arrangement = initialArrangement(this.scenario);
    this.marks = {};
    this.orderResult = null;
    this.roleResult = null;
    this.#firstOrder = null;
    this.#firstRoles = null;
    this.#mistakes = [];
    this.#save();
  }

  #save(): void {
    const draft: ChainDraft = {
      phase: this.phase,
      arrangement: this.arrangement,
      marks: this.marks,
      firstOrder: this.#firstOrder,
      firstRoles: this.#firstRoles,
      mistakes: this.#mistakes,
    };
    this.session.save(draft);
  }
}
