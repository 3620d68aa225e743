import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAnswerPatterns, rightIsLongest } from './answer-patterns.ts';
import type { Question } from './types.ts';

const readQuestions = (path: string): Question[] => (JSON.parse(readFileSync(path, 'utf8')) as { questions: Question[] }).questions;
const fixture = (name: string) => readQuestions(`tests/fixtures/answer-patterns/${name}.json`);

describe('rightIsLongest', () => {
  const single = (texts: string[], answer = 'a'): Question => ({
    id: 'q',
    type: 'single',
    prompt: 'Вопрос?',
    options: texts.map((text, i) => ({ id: 'abcd'[i]!, text })),
    answer,
    explanation: 'Потому что.',
    source: { lesson: 'x', paragraph: 's1', words: 'x' },
  });
  it('is true only when a right option is strictly the longest', () => {
    expect(rightIsLongest(single(['Длинный правильный ответ', 'Коротко', 'Ещё'])  as never)).toBe(true);
    expect(rightIsLongest(single(['Коротко', 'Длинный неправильный ответ', 'Ещё']) as never)).toBe(false);
    expect(rightIsLongest(single(['Равно', 'Равно', 'Ещё']) as never)).toBe(false);
  });
});

describe('findAnswerPatterns (broken fixtures)', () => {
  it('refuses a bank where the right option is systematically the longest', () => {
    const findings = findAnswerPatterns([{ name: 'bank', questions: fixture('longest-right') }]);
    expect(findings).toEqual([{ level: 'error', message: expect.stringMatching(/^bank: the right option is the longest in 6 of 6 choice questions \(about 1\.5 by chance\)/) }]);
  });

  it('refuses multi-selects that all have the same number of right options', () => {
    const findings = findAnswerPatterns([{ name: 'bank', questions: fixture('multiple-same-count') }]);
    expect(findings).toEqual([{ level: 'error', message: expect.stringMatching(/every one of the 3 multiple-choice questions has exactly 2 right options/) }]);
  });

  it('refuses true/false keys that are all one way, and warns when they lean', () => {
    const oneSided = findAnswerPatterns([{ name: 'bank', questions: fixture('truefalse-one-sided') }]);
    expect(oneSided).toEqual([{ level: 'error', message: expect.stringMatching(/4 of 4 true\/false questions are answered «Нет» \(false\)/) }]);
    const leaning = fixture('truefalse-one-sided').map((q, i) => (i === 0 && q.type === 'truefalse' ? { ...q, answer: true } : q));
    const more = [...leaning, ...fixture('truefalse-one-sided').map((q) => ({ ...q, id: `${q.id}-2` }))];
    expect(findAnswerPatterns([{ name: 'bank', questions: more }])).toEqual([{ level: 'warning', message: expect.stringMatching(/7 of 8/) }]);
  });

  it('says nothing about a balanced set, or one too small to show a pattern', () => {
    expect(findAnswerPatterns([{ name: 'bank', questions: fixture('balanced') }])).toEqual([]);
    expect(findAnswerPatterns([{ name: 'bank', questions: fixture('longest-right').slice(0, 3) }])).toEqual([]);
  });
});

describe('the course content', () => {
  it('gives no answer pattern away: no errors and no warnings', () => {
    const modules = readdirSync('content', { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
      .flatMap((d) => readQuestions(`content/${d.name}/quiz.json`));
    const findings = findAnswerPatterns([
      { name: 'module quizzes', questions: modules },
      { name: 'final test bank', questions: readQuestions('content/final-test.json') },
    ]);
    expect(findings).toEqual([]);
  });
});
