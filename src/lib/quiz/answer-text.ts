/**
 * The right answer of a question in words, for the feedback and the results screen (a learner who
 * got it wrong, or hears it from a screen reader, needs it spelled out). Pure.
 */
import type { Question } from './types.ts';

/** The interface words a true/false answer is shown with. */
export interface TrueFalseLabels {
  yes: string;
  no: string;
}

/** One line per part: the option(s), the word, the items in order, or `item → choice` pairs. */
export function rightAnswerParts(question: Question, labels: TrueFalseLabels): string[] {
  switch (question.type) {
    case 'single':
      return question.options.filter((o) => o.id === question.answer).map((o) => o.text);
    case 'multiple':
      return question.options.filter((o) => question.answer.includes(o.id)).map((o) => o.text);
    case 'truefalse':
      return [question.answer ? labels.yes : labels.no];
    case 'gap':
      return [question.answer];
    case 'ordering':
      return question.items.map((i) => i.text);
    case 'matching':
      return question.items.map((i) => `${i.text} → ${question.choices.find((c) => c.id === question.answer[i.id])?.text ?? ''}`);
  }
}

/** The ids that are right in a choice list (single, multiple, gap, true/false as 'true'/'false'). */
export function rightChoiceIds(question: Question): string[] {
  switch (question.type) {
    case 'single':
    case 'gap':
      return [question.answer];
    case 'multiple':
      return question.answer;
    case 'truefalse':
      return [String(question.answer)];
    default:
      return [];
  }
}
