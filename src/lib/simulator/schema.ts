/**
 * The schema of the simulator file, used by the content build (never shipped to the browser). Besides
 * the shape it proves the challenge teaches the lesson: only raising the weakest link wins.
 */
import * as v from 'valibot';
import { ContentError, parseContent } from '../course/schema.ts';
import { challengeProblem, type SimulatorScenario } from './simulator.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));

export const SimulatorScenarioSchema = v.strictObject({
  id,
  type: v.literal('simulator'),
  title: text,
  minutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(20))),
  intro: text,
  task: text,
  links: v.pipe(
    v.array(v.strictObject({ id, label: text, quality: whole(1, 100), tool: text })),
    v.minLength(2, 'a chain needs at least 2 links'),
    v.maxLength(6, 'at most 6 links fit the picture'),
  ),
  challenge: v.strictObject({ budget: whole(1, 6), step: whole(1, 50), target: whole(1, 100) }),
  feedback: v.strictObject({ won: text, unspent: text, spread: text, strong: text }),
});

/** Validates the simulator file; throws ContentError naming the file and the field. */
export function validateSimulatorScenario(data: unknown, file: string): SimulatorScenario {
  const scenario: SimulatorScenario = parseContent(SimulatorScenarioSchema, data, file);
  const qualities = scenario.links.map((l) => l.quality);
  if (qualities.filter((q) => q === Math.min(...qualities)).length > 1) {
    throw new ContentError(file, 'links', 'exactly one link must be the weakest');
  }
  const problem = challengeProblem(qualities, scenario.challenge);
  if (problem) throw new ContentError(file, 'challenge', problem);
  return scenario;
}
