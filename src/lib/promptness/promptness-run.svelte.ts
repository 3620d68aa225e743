/**
 * The state of one promptness run: the link the learner gave the helper to, the wrong choices so
 * far, and the verdict on screen, saved as a draft on every change (see promptness.ts for the rules).
 */
import type { ExerciseSession } from '$lib/activity/exercise-session.svelte.ts';
import { bottleneckIndex, fillPromptness, promptnessScore, promptnessVerdict, speedUp, totalWait, type PromptnessScenario } from './promptness.ts';

export class PromptnessRun {
  chosen = $state<number | null>(null);
  /** Mistakes of this run (`link:<id>` for each wrong choice checked). */
  wrong = $state<string[]>([]);
  verdict = $state<{ won: boolean; text: string; hint?: boolean } | null>(null);
  readonly scenario: PromptnessScenario;
  readonly session: ExerciseSession;
  readonly minutes: number[];
  readonly before: number;

  constructor(scenario: PromptnessScenario, session: ExerciseSession) {
    this.scenario = scenario;
    this.session = session;
    this.minutes = scenario.links.map((l) => l.minutes);
    this.before = totalWait(this.minutes);
    const saved = session.draft() as { chosen?: unknown; wrong?: unknown } | null;
    this.chosen = typeof saved?.chosen === 'number' ? saved.chosen : null;
    this.wrong = Array.isArray(saved?.wrong) ? (saved.wrong as string[]) : [];
  }

  /** Each link's minutes with the helper at the chosen link, or null before a choice. */
  get after(): number[] | null {
    return this.chosen === null ? null : speedUp(this.minutes, this.chosen, this.scenario.resource.factor);
  }

  /** Gives the helper to link `i`. */
  choose(i: number): void {
    this.chosen = i;
    this.verdict = null;
    this.#save();
  }

  /** «Проверить»: `chooseFirst` is said when no link is chosen; a win records the run. */
  async check(chooseFirst: string): Promise<void> {
    const { chosen, scenario } = this;
    if (chosen === null) {
      this.verdict = { won: false, text: chooseFirst, hint: true };
      return;
    }
    const result = promptnessVerdict(this.minutes, chosen, scenario);
    const bottleneck = scenario.links[bottleneckIndex(this.minutes)]?.label ?? '';
    const values = { total: result.after, before: result.before, target: scenario.target, saved: result.saved, chosen: scenario.links[chosen]?.label ?? '', bottleneck: bottleneck.toLocaleLowerCase('ru') };
    this.verdict = { won: result.kind === 'won', text: fillPromptness(scenario.feedback[result.kind], values) };
    if (result.kind === 'won') return this.session.finish({ score: promptnessScore(this.wrong.length), mistakes: this.wrong });
    this.wrong = [...this.wrong, `link:${scenario.links[chosen]?.id}`];
    this.#save();
  }

  /** Starts a new run. */
  restart(): void {
    this.session.restart();
    this.chosen = null;
    this.wrong = [];
    this.verdict = null;
    this.#save();
  }

  #save(): void {
    this.session.save({ chosen: this.chosen, wrong: this.wrong });
  }
}
