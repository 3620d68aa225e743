/**
 * One schema for all quiz content (module `quiz.json` files and the final test's bank), plus the
 * checks a schema cannot express: answers that point at real options, links to lesson paragraphs
 * that exist, quotations that really are in the lesson. Every problem is a ContentError naming the
 * file and the field (`questions.2.answer`). Pure: the lessons' paragraphs are passed in.
 */
import * as v from 'valibot';
import { ContentError, parseContent } from '../course/schema.ts';
import { normalizeSpace } from '../../build/fidelity.ts';
import type { FinalTestFile, Question, QuizFile } from './types.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const choice = v.strictObject({ id, text });
const choices = (min: number) => v.pipe(v.array(choice), v.minLength(min, `needs at least ${min}`));

const base = {
  id,
  prompt: text,
  explanation: text,
  source: v.strictObject({
    lesson: id,
    paragraph: v.pipe(v.string(), v.regex(/^s[1-9]\d*$/, 'must be the id of a source paragraph: s1, s2… in the order of the source text')),
    words: v.pipe(text, v.maxLength(120, 'name a few words, not the whole paragraph')),
  }),
};

/** Any question; `type` picks the shape. */
export const QuestionSchema = v.variant('type', [
  v.strictObject({ ...base, type: v.literal('single'), options: choices(3), answer: id }),
  v.strictObject({ ...base, type: v.literal('multiple'), options: choices(3), answer: v.pipe(v.array(id), v.minLength(1, 'needs at least one right option')) }),
  v.strictObject({ ...base, type: v.literal('truefalse'), answer: v.boolean() }),
  v.strictObject({ ...base, type: v.literal('ordering'), items: choices(3) }),
  v.strictObject({ ...base, type: v.literal('matching'), items: choices(2), choices: choices(2), answer: v.record(id, id) }),
  v.strictObject({
    ...base,
    type: v.literal('gap'),
    text: v.pipe(text, v.check((t) => t.split('___').length === 2, 'must contain exactly one gap written as ___')),
    quote: v.boolean(),
    options: v.pipe(v.array(text), v.minLength(3, 'needs at least 3')),
    answer: text,
  }),
]);

const passMark = v.optional(v.pipe(v.number(), v.minValue(0.5, 'must be at least 0.5'), v.maxValue(1, 'must be at most 1')));
const minutes = v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(20)));

/** `content/NN-module/quiz.json`: each module ends with 4–6 questions. */
export const QuizFileSchema = v.strictObject({
  minutes,
  passMark,
  questions: v.pipe(v.array(QuestionSchema), v.minLength(4, 'a module quiz needs 4–6 questions'), v.maxLength(6, 'a module quiz needs 4–6 questions')),
});

/** `content/final-test.json`: a bank of at least 20 questions, `draw` of them asked each time. */
export const FinalTestFileSchema = v.strictObject({
  minutes,
  passMark,
  draw: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(5, 'must be at least 5')),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(20, 'the final test bank needs at least 20 questions')),
});

/**
 * The source paragraphs every lesson shows, by lesson id: their stable ids (`s3` = third paragraph
 * of the source text) and their text, as the lesson pages give them ids (rehype-paragraph-ids.js).
 */
export type LessonParagraphs = ReadonlyMap<string, ReadonlyMap<string, string>>;

function duplicates(values: string[]): string | undefined {
  return values.find((value, i) => values.indexOf(value) !== i);
}

/** The cross-field checks of one question; `at` is its dotted path (`questions.3`). */
function checkQuestion(q: Question, at: string, file: string, lessons: LessonParagraphs): void {
  const fail = (field: string, problem: string): never => {
    throw new ContentError(file, `${at}.${field}`, problem);
  };
  const paragraphs = lessons.get(q.source.lesson);
  if (!paragraphs) fail('source.lesson', `no lesson has the id "${q.source.lesson}"; known: ${[...lessons.keys()].join(', ')}`);
  const paragraph = paragraphs?.get(q.source.paragraph);
  if (paragraph === undefined) {
    const shownIn = [...lessons].find(([, ps]) => ps.has(q.source.paragraph))?.[0];
    fail(
      'source.paragraph',
      shownIn
        ? `source paragraph ${q.source.paragraph} is shown in lesson "${shownIn}", not in "${q.source.lesson}"`
        : `${q.source.paragraph} is not a source paragraph shown in any lesson; lesson "${q.source.lesson}" shows ${[...(paragraphs?.keys() ?? [])].join(', ') || 'none'}`,
    );
  }
  // «Перечитать» must land on the words the question is about, not merely on some paragraph.
  if (paragraph !== undefined && !normalizeSpace(paragraph).toLowerCase().includes(normalizeSpace(q.source.words).toLowerCase())) {
    fail('source.words', `«${q.source.words}» is not in source paragraph ${q.source.paragraph} («${paragraph.slice(0, 60)}…»): point the question at the paragraph it is about`);
  }

  if (q.type === 'single' || q.type === 'multiple') {
    const ids = q.options.map((o) => o.id);
    const twice = duplicates(ids);
    if (twice) fail('options', `option id "${twice}" is used twice`);
    const right = typeof q.answer === 'string' ? [q.answer] : q.answer;
    right.forEach((a, i) => {
      if (!ids.includes(a)) fail(q.type === 'single' ? 'answer' : `answer.${i}`, `"${a}" is not the id of an option (${ids.join(', ')})`);
    });
    if (q.type === 'multiple' && duplicates(q.answer)) fail('answer', 'lists an option twice');
    if (q.type === 'multiple' && q.answer.length === q.options.length) fail('answer', 'every option is right: add at least one wrong option');
  }
  if (q.type === 'ordering') {
    const twice = duplicates(q.items.map((i) => i.id));
    if (twice) fail('items', `item id "${twice}" is used twice`);
  }
  if (q.type === 'matching') {
    const items = q.items.map((i) => i.id);
    const choiceIds = q.choices.map((c) => c.id);
    const twiceItem = duplicates(items);
    if (twiceItem) fail('items', `item id "${twiceItem}" is used twice`);
    const twiceChoice = duplicates(choiceIds);
    if (twiceChoice) fail('choices', `choice id "${twiceChoice}" is used twice`);
    for (const item of items) {
      const pair = q.answer[item];
      if (!pair) fail(`answer.${item}`, 'required field is missing: every item needs its right choice');
      else if (!choiceIds.includes(pair)) fail(`answer.${item}`, `"${pair}" is not the id of a choice (${choiceIds.join(', ')})`);
    }
    const extra = Object.keys(q.answer).find((key) => !items.includes(key));
    if (extra) fail(`answer.${extra}`, `"${extra}" is not the id of an item (${items.join(', ')})`);
  }
  if (q.type === 'gap') {
    const twice = duplicates(q.options);
    if (twice) fail('options', `"${twice}" is offered twice`);
    if (!q.options.includes(q.answer)) fail('answer', `"${q.answer}" is not one of the options`);
    const filled = normalizeSpace(q.text.replace('___', q.answer));
    if (q.quote && paragraph !== undefined && !normalizeSpace(paragraph).includes(filled)) {
      fail('text', `is marked "quote": true, but filled with the answer it is not word for word in ${q.source.lesson} ${q.source.paragraph}: only quote the lesson exactly, or set "quote": false`);
    }
  }
}

function checkQuestions(questions: Question[], file: string, lessons: LessonParagraphs): void {
  const twice = duplicates(questions.map((q) => q.id));
  if (twice) throw new ContentError(file, `questions.${questions.findLastIndex((q) => q.id === twice)}.id`, `question id "${twice}" is already used in this file`);
  // A learner (and a test) tells questions apart by what they read: the prompt, and a gap's sentence.
  const shown = questions.map((q) => (q.type === 'gap' ? `${q.prompt}\n${q.text}` : q.prompt));
  const same = duplicates(shown);
  if (same !== undefined) throw new ContentError(file, `questions.${shown.lastIndexOf(same)}.prompt`, 'another question reads the same: reword one of them');
  questions.forEach((q, i) => checkQuestion(q, `questions.${i}`, file, lessons));
}

/** Validates a module quiz file; throws a ContentError naming the file and the field. */
export function parseQuizFile(data: unknown, file: string, lessons: LessonParagraphs): QuizFile {
  const quiz = parseContent(QuizFileSchema, data, file);
  checkQuestions(quiz.questions, file, lessons);
  return quiz;
}

/** Validates the final test's bank; throws a ContentError naming the file and the field. */
export function parseFinalTestFile(data: unknown, file: string, lessons: LessonParagraphs): FinalTestFile {
  const test = parseContent(FinalTestFileSchema, data, file);
  if (test.draw > test.questions.length) throw new ContentError(file, 'draw', `asks for ${test.draw} questions but the bank has ${test.questions.length}`);
  checkQuestions(test.questions, file, lessons);
  return test;
}
