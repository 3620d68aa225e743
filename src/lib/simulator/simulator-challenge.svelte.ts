/**
 * The state of one simulator challenge run: points spent on each link, the tries that lost, the
 * verdict on screen, saved as a draft on every change (see simulator.ts for the rules).
 */
import type { ExerciseSession } from '$lib/activity/exercise-session.svelte.ts';
import { applyPoints, challengeScore, challengeVerdict, fillFeedback, pointsLeft, weakestIndex, type SimulatorScenario, type VerdictKind } from './simulator.ts';

export class SimulatorChallenge {
  points = $state<number[]>([]);
  /** Mistakes of this run (`challenge:<kind>` for each losing check). */
  losing = $state<string[]>([]);
  verdict = $state<{ kind: VerdictKind; text: string } | null>(null);
  readonly scenario: SimulatorScenario;
  readonly session: ExerciseSession;
  /** Each link's quality before any point is spent. */
  readonly base: number[];

  constructor(scenario: SimulatorScenario, session: ExerciseSession) {
    this.scenario = scenario;
    this.session = session;
    this.base = scenario.links.map((l) => l.quality);
    const saved = session.draft() as { points?: number[]; losing?: string[] } | null;
    this.points = Array.isArray(saved?.points) && saved.points.length === scenario.links.length ? saved.points : this.#fresh();
    this.losing = Array.isArray(saved?.losing) ? saved.losing : [];
  }

  /** Each link's quality with the points spent. */
  get raised(): number[] {
    return applyPoints(this.base, this.points, this.scenario.challenge.step);
  }

  /** Points still to spend. */
  get left(): number {
    return pointsLeft(this.points, this.scenario.challenge.budget);
  }

  /** Spends (or takes back) a point on link `i`. */
  spend(i: number, delta: 1 | -1): void {
    this.points = this.points.map((p, j) => (j === i ? p + delta : p));
    this.verdict = null;
    this.#save();
  }

  /** «Проверить»: a win records the run; anything else is noted as a mistake and saved. */
  async check(): Promise<void> {
    const { challenge, feedback, links } = this.scenario;
    const { kind, result } = challengeVerdict(this.base, this.points, challenge);
    const weakest = links[weakestIndex(this.base)]?.label.toLocaleLowerCase('ru') ?? '';
    this.verdict = { kind, text: fillFeedback(feedback[kind], { result, target: challenge.target, weakest }) };
    if (kind !== 'won') {
      this.losing = [...this.losing, `challenge:${kind}`];
      this.#save();
      return;
    }
    await this.session.finish({ score: challengeScore(this.losing.length), mistakes: this.losing });
  }

  /** Starts a new run. */
  restart(): void {
    this.session.restart();
    this.points = this.#fresh();
    this.losing = [];
    this.verdict = null;
    this.#save();
  }

  #fresh = () => this.scenario.links.map(() => 0);
  #save(): void {
    this.session.save({ points: this.points, losing: this.losing });
  }
}
