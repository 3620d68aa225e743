/**
 * The schema of the promptness file, used by the content build (never shipped to the browser). Besides
 * the shape it proves the lesson: only speeding up the bottleneck brings the wait within the target.
 */
import * as v from 'valibot';
import { ContentError, parseContent } from '../course/schema.ts';
import { promptnessProblem, type PromptnessScenario } from './promptness.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const PromptnessScenarioSchema = v.strictObject({
  id,
  type: v.literal('promptness'),
  title: text,
  minutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(20))),
  task: text,
  links: v.pipe(
    v.array(v.strictObject({ id, label: text, minutes: v.pipe(v.number(), v.integer('must be whole minutes'), v.minValue(1), v.maxValue(120)) })),
    v.minLength(2, 'a chain needs at least 2 links'),
    v.maxLength(8, 'at most 8 links fit the timeline'),
  ),
  resource: v.strictObject({ label: text, factor: v.pipe(v.number(), v.gtValue(0), v.ltValue(1, 'must make the link faster: below 1')) }),
  target: v.pipe(v.number(), v.minValue(1)),
  feedback: v.strictObject({ won: text, notBottleneck: text }),
});

/** Validates the promptness file; throws ContentError naming the file and the field. */
export function validatePromptnessScenario(data: unknown, file: string): PromptnessScenario {
  const scenario: PromptnessScenario = parseContent(PromptnessScenarioSchema, data, file);
  const ids = scenario.links.map((l) => l.id);
  const repeated = ids.find((x, i) => ids.indexOf(x) !== i);
  if (repeated) throw new ContentError(file, 'links', `link id "${repeated}" is used twice`);
  const problem = promptnessProblem(scenario.links.map((l) => l.minutes), scenario);
  if (problem) throw new ContentError(file, 'target', problem);
  return scenario;
}
