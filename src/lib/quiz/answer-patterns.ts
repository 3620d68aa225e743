/**
 * Build-time report of answer patterns a learner could exploit without knowing the course: the right
 * option systematically the longest, every multi-select with the same number of right options,
 * true/false keys all one way. Pure: the content build passes the questions in and turns `error`
 * findings into a refused build and `warning` findings into build warnings.
 */
import type { Question } from './types.ts';

/** One finding, in words an author understands. */
export interface PatternFinding {
  level: 'error' | 'warning';
  message: string;
}

/** A set of questions a learner meets together: the module quizzes, or the final test's bank. */
export interface QuestionGroup {
  name: string;
  questions: readonly Question[];
}

/** Smallest group in which a pattern means anything. */
const MIN_CHOICE_ITEMS = 6;
const MIN_MULTIPLE = 3;
const MIN_TRUEFALSE = 3;

/** Length as the learner sees it: characters, white space collapsed. */
const shown = (text: string) => text.replace(/\s+/g, ' ').trim().length;

/** Whether some right option of a choice question is strictly longer than every wrong one and every other option. */
export function rightIsLongest(q: Extract<Question, { type: 'single' | 'multiple' }>): boolean {
  const right = new Set(typeof q.answer === 'string' ? [q.answer] : q.answer);
  const lengths = q.options.map((o) => ({ right: right.has(o.id), length: shown(o.text) }));
  const max = Math.max(...lengths.map((l) => l.length));
  const longest = lengths.filter((l) => l.length === max);
  return longest.length === 1 && longest[0]!.right;
}

function longestPattern(group: QuestionGroup): PatternFinding[] {
  const items = group.questions.filter((q): q is Extract<Question, { type: 'single' | 'multiple' }> => q.type === 'single' || q.type === 'multiple');
  if (items.length < MIN_CHOICE_ITEMS) return [];
  const observed = items.filter(rightIsLongest);
  // By chance a right option is the longest in about (right options / options) of the items.
  const expected = items.reduce((sum, q) => sum + (typeof q.answer === 'string' ? 1 : q.answer.length) / q.options.length, 0);
  const ratio = observed.length / expected;
  if (ratio <= 1.25) return [];
  return [
    {
      level: ratio > 1.5 ? 'error' : 'warning',
      message: `${group.name}: the right option is the longest in ${observed.length} of ${items.length} choice questions (about ${expected.toFixed(1)} by chance) — a learner can pick the longest and pass; make a wrong option the longest in some of: ${observed.map((q) => q.id).join(', ')}`,
    },
  ];
}

function multipleCountPattern(group: QuestionGroup): PatternFinding[] {
  const multiple = group.questions.filter((q): q is Extract<Question, { type: 'multiple' }> => q.type === 'multiple');
  if (multiple.length < MIN_MULTIPLE) return [];
  const counts = new Set(multiple.map((q) => q.answer.length));
  if (counts.size > 1) return [];
  const [n] = counts;
  return [
    {
      level: 'error',
      message: `${group.name}: every one of the ${multiple.length} multiple-choice questions has exactly ${n} right options — a learner learns to tick ${n}; vary the number of right options (${multiple.map((q) => q.id).join(', ')})`,
    },
  ];
}

function trueFalsePattern(group: QuestionGroup): PatternFinding[] {
  const tf = group.questions.filter((q): q is Extract<Question, { type: 'truefalse' }> => q.type === 'truefalse');
  if (tf.length < MIN_TRUEFALSE) return [];
  const yes = tf.filter((q) => q.answer).length;
  const no = tf.length - yes;
  if (yes > 0 && no > 0 && Math.max(yes, no) / tf.length <= 0.75) return [];
  const side = yes > no ? '«Да» (true)' : '«Нет» (false)';
  return [
    {
      level: yes === 0 || no === 0 ? 'error' : 'warning',
      message: `${group.name}: ${Math.max(yes, no)} of ${tf.length} true/false questions are answered ${side} — a learner can answer by habit; balance the keys (${tf.map((q) => `${q.id}=${q.answer}`).join(', ')})`,
    },
  ];
}

/** Every answer pattern found in the groups; an empty list when the keys give nothing away. */
export function findAnswerPatterns(groups: readonly QuestionGroup[]): PatternFinding[] {
  return groups.flatMap((g) => [...longestPattern(g), ...multipleCountPattern(g), ...trueFalsePattern(g)]);
}
