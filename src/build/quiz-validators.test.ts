import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activityValidators } from './activity-validators.ts';
import { readLessonParagraphs, validateFinalTestContent, validateQuizContent } from './quiz-validators.ts';
import type { FinalTestFile, QuizFile } from '../lib/quiz/types.ts';

const moduleFolders = readdirSync('content', { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d\d-/.test(d.name)).map((d) => d.name);
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('the course content', () => {
  it('registers the quiz validators for the build', () => {
    expect(activityValidators.quiz).toBe(validateQuizContent);
    expect(activityValidators.final).toBe(validateFinalTestContent);
  });

  it('knows which source paragraphs each lesson shows, by their stable ids', () => {
    const lessons = readLessonParagraphs();
    expect(lessons.get('cepochka-v-restorane')?.get('s3')).toMatch(/^Представим себе ситуацию/);
    expect([...(lessons.get('biznes-kak-cepochka')?.keys() ?? [])]).toEqual(['s7', 's8', 's9']);
    expect([...(lessons.get('dve-kompanii')?.keys() ?? [])]).toEqual(['s5', 's6']); // the «Главное» box has no id
    expect(lessons.has('vneshnie-i-vnutrennie-klienty')).toBe(false); // a module intro is not a lesson
  });

  it.each(moduleFolders)('%s ends with a valid quiz of 4–6 questions', (folder) => {
    const file = `content/${folder}/quiz.json`;
    const data = readJson(file) as QuizFile;
    expect(() => validateQuizContent(data, file)).not.toThrow();
    expect(data.questions.length).toBeGreaterThanOrEqual(4);
    expect(data.questions.length).toBeLessThanOrEqual(6);
  });

  it('has a valid final test bank of at least 20, drawing 10', () => {
    const data = readJson('content/final-test.json') as FinalTestFile;
    expect(() => validateFinalTestContent(data, 'content/final-test.json')).not.toThrow();
    expect(data.questions.length).toBeGreaterThanOrEqual(20);
    expect(data.draw).toBe(10);
  });

  it('uses every question type across the course, and explains every question', () => {
    const all = [...moduleFolders.map((f) => readJson(`content/${f}/quiz.json`) as QuizFile), readJson('content/final-test.json') as FinalTestFile].flatMap((q) => q.questions);
    expect(new Set(all.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'ordering', 'matching', 'gap']));
    all.forEach((q) => expect(q.explanation.length, q.id).toBeGreaterThan(40));
  });

  it('refuses a quiz that links to a paragraph the lesson does not show', () => {
    const data = readJson(`content/${moduleFolders[0]}/quiz.json`) as QuizFile;
    const broken = { ...data, questions: data.questions.map((q, i) => (i === 1 ? { ...q, source: { lesson: 'cepochka-v-restorane', paragraph: 's9', words: 'продукт' } } : q)) };
    expect(() => validateQuizContent(broken, 'content/x/quiz.json')).toThrow('content/x/quiz.json → questions.1.source.paragraph: source paragraph s9 is shown in lesson "biznes-kak-cepochka", not in "cepochka-v-restorane"');
  });

  it('refuses the broken references of the fixture: a «Главное» box counted as a paragraph', () => {
    const data = readJson('tests/fixtures/quiz-references/box-counted.json');
    expect(() => validateQuizContent(data, 'tests/fixtures/quiz-references/box-counted.json')).toThrow(/questions\.0\.source\.words: «внутренними клиентами» is not in source paragraph s3/);
  });
});
