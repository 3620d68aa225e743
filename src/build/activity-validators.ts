/**
 * Full validation of activity files, by type: the build calls the validator for every
 * `exercise-*.json` (by its `type`), every `quiz.json` ('quiz') and `final-test.json` ('final').
 * Each feature registers its own schema here; a file of an unknown type is refused.
 * A validator throws a ContentError naming the file and the field.
 */
import { validateFinalTestContent, validateQuizContent } from './quiz-validators.ts';
import { validateChainScenario } from '../lib/chain/schema.ts';
import { validatePromptnessScenario } from '../lib/promptness/schema.ts';
import { validateSimulatorScenario } from '../lib/simulator/schema.ts';
import { validateSortingScenario } from '../lib/sorting/schema.ts';

export type ActivityValidator = (data: unknown, file: string) => void;

export const activityValidators: Record<string, ActivityValidator> = {
  quiz: validateQuizContent,
  final: validateFinalTestContent,
  chain: validateChainScenario,
  simulator: validateSimulatorScenario,
  promptness: validatePromptnessScenario,
  sorting: validateSortingScenario,
};
