/**
 * The promptness exercise's arithmetic: every link adds its time, the guest waits for the whole
 * chain, and a limited resource saves most on the slowest link. Pure: no Svelte, no DOM.
 */

/** One step of the order's way to the guest. */
export interface TimedLink {
  id: string;
  /** «Склад выдаёт продукты». */
  label: string;
  /** Minutes the step takes. */
  minutes: number;
}

/** The exercise as authored in `content/04-…/exercise-promptness.json`. */
export interface PromptnessScenario {
  id: string;
  type: 'promptness';
  title: string;
  minutes?: number;
  task: string;
  links: TimedLink[];
  /** The one improvement the learner may give: it multiplies one link's minutes by `factor`. */
  resource: { label: string; factor: number };
  /** The guest should wait at most this many minutes. */
  target: number;
  /** Feedback by verdict; `{total}`, `{before}`, `{target}`, `{saved}`, `{chosen}`, `{bottleneck}` are filled in. */
  feedback: { won: string; notBottleneck: string };
}

/** How long the guest waits: the sum of every link's minutes. */
export function totalWait(minutes: readonly number[]): number {
  return minutes.reduce((sum, m) => sum + m, 0);
}

/** The slowest link (the first, if several are equally slow); -1 for none. */
export function bottleneckIndex(minutes: readonly number[]): number {
  if (minutes.length === 0) return -1;
  return minutes.indexOf(Math.max(...minutes));
}

/** The links' minutes after the resource went to link `chosen` (null: not given yet). */
export function speedUp(minutes: readonly number[], chosen: number | null, factor: number): number[] {
  return minutes.map((m, i) => (i === chosen ? roundMinutes(m * factor) : m));
}

/** Minutes to one decimal, so halves stay exact and floats never show 6.999999. */
export function roundMinutes(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The verdict on a choice: whether the guest's wait is within the target, and by how much it fell. */
export function promptnessVerdict(minutes: readonly number[], chosen: number, scenario: Pick<PromptnessScenario, 'resource' | 'target'>) {
  const before = totalWait(minutes);
  const after = roundMinutes(totalWait(speedUp(minutes, chosen, scenario.resource.factor)));
  return { kind: after <= scenario.target ? ('won' as const) : ('notBottleneck' as const), before, after, saved: roundMinutes(before - after) };
}

/**
 * Proves the exercise teaches its lesson: the target is met only when the resource goes to the
 * bottleneck, and not met before. Returns the problem in words, or null.
 */
export function promptnessProblem(minutes: readonly number[], scenario: Pick<PromptnessScenario, 'resource' | 'target'>): string | null {
  const slowest = bottleneckIndex(minutes);
  if (minutes.filter((m) => m === minutes[slowest]).length > 1) return 'exactly one link must be the slowest';
  if (totalWait(minutes) <= scenario.target) return `the guest already waits ${totalWait(minutes)} min, within the target`;
  for (const [i] of minutes.entries()) {
    const { kind, after } = promptnessVerdict(minutes, i, scenario);
    if (i === slowest && kind !== 'won') return `speeding up the slowest link gives ${after} min, above the target ${scenario.target}`;
    if (i !== slowest && kind === 'won') return `speeding up link ${i + 1} also meets the target (${after} min): only the bottleneck should`;
  }
  return null;
}

/** Fills the placeholders of a feedback text. */
export function fillPromptness(text: string, values: Record<'total' | 'before' | 'target' | 'saved' | 'chosen' | 'bottleneck', string | number>): string {
  return text.replace(/\{(total|before|target|saved|chosen|bottleneck)\}/g, (_, key: keyof typeof values) => formatMinutes(values[key]));
}

/** «7,5» in Russian style for fractional minutes; whole minutes and words stay as they are. */
export function formatMinutes(value: string | number): string {
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
}

/** Score: 100 for the bottleneck at the first check, less 25 for each wrong check before it. */
export function promptnessScore(wrongChecks: number): number {
  return Math.max(0, 100 - 25 * wrongChecks);
}
