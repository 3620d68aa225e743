import { describe, expect, it } from 'vitest';
import { ContentError } from '../course/schema.ts';
import { sampleQuiz } from '../../../tests/fixtures/quiz.ts';
import { parseFinalTestFile, parseQuizFile, type LessonParagraphs } from './schema.ts';

const FILE = 'content/01-x/quiz.json';
const lessons: LessonParagraphs = new Map([
  ['cepochka-v-restorane', new Map([['s3', 'Приняв заказ от клиента, официант передает заказ повару.'], ['s4', 'Таким образом, официант и повар сами становятся внутренними клиентами.']])],
  ['kto-obsluzhivaet-obsluzhivayushchih', new Map([['s1', 'Заголовок'], ['s2', 'Необходимо, чтобы их самих качественно обслуживали.']])],
]);

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const quiz = () => clone({ minutes: 5, questions: sampleQuiz.questions.slice(0, 5) });

/** The ContentError a broken file raises: file and field named. */
function errorOf(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError, got none');
}

describe('quiz content schema', () => {
  it('accepts a good quiz with every question type', () => {
    expect(parseQuizFile(clone(sampleQuiz), FILE, lessons).questions).toHaveLength(6);
  });

  it.each([
    ['a missing explanation', (q: any) => delete q.questions[1].explanation, 'questions.1.explanation', /required field is missing/],
    ['an empty prompt', (q: any) => (q.questions[0].prompt = '  '), 'questions.0.prompt', /must not be empty/],
    ['an unknown type', (q: any) => (q.questions[2].type = 'essay'), 'questions.2.type', /single/],
    ['a misspelt field', (q: any) => (q.questions[0].explanaton = 'x'), 'questions.0.explanaton', /unknown field/],
    ['a true/false answer given as text', (q: any) => (q.questions[2].answer = 'true'), 'questions.2.answer', /boolean/],
    ['an answer naming no option', (q: any) => (q.questions[0].answer = 'povar'), 'questions.0.answer', /not the id of an option/],
    ['a multiple answer naming no option', (q: any) => (q.questions[1].answer = ['oficiant', 'boss']), 'questions.1.answer.1', /not the id of an option/],
    ['a multiple question where every option is right', (q: any) => (q.questions[1].answer = ['oficiant', 'povar', 'gost']), 'questions.1.answer', /add at least one wrong option/],
    ['a duplicate option id', (q: any) => (q.questions[0].options[1].id = 'oficiant'), 'questions.0.options', /used twice/],
    ['too few ordering items', (q: any) => q.questions[3].items.pop(), 'questions.3.items', /at least 3/],
    ['a matching item without its pair', (q: any) => delete q.questions[4].answer.povar, 'questions.4.answer.povar', /every item needs/],
    ['a matching pair naming no choice', (q: any) => (q.questions[4].answer.povar = 'kuhni'), 'questions.4.answer.povar', /not the id of a choice/],
    ['a matching pair for no item', (q: any) => (q.questions[4].answer.gost = 'povara'), 'questions.4.answer.gost', /not the id of an item/],
    ['a bad lesson id', (q: any) => (q.questions[0].source.lesson = 'no-such-lesson'), 'questions.0.source.lesson', /no lesson has the id "no-such-lesson"/],
    ['a paragraph no lesson shows', (q: any) => (q.questions[0].source.paragraph = 's9'), 'questions.0.source.paragraph', /s9 is not a source paragraph shown in any lesson; lesson "cepochka-v-restorane" shows s3, s4/],
    ['a paragraph shown in another lesson', (q: any) => (q.questions[0].source.paragraph = 's2'), 'questions.0.source.paragraph', /s2 is shown in lesson "kto-obsluzhivaet-obsluzhivayushchih", not in "cepochka-v-restorane"/],
    ['an old-style block number', (q: any) => (q.questions[0].source.paragraph = 'p3'), 'questions.0.source.paragraph', /id of a source paragraph: s1, s2/],
    ['words that are not in the paragraph', (q: any) => (q.questions[0].source.words = 'склад не предоставит'), 'questions.0.source.words', /not in source paragraph s3/],
    ['a reference without words', (q: any) => delete q.questions[0].source.words, 'questions.0.source.words', /required field is missing/],
    ['a repeated question id', (q: any) => (q.questions[3].id = 'single-q'), 'questions.3.id', /already used/],
    ['too many questions', (q: any) => q.questions.push(...clone(sampleQuiz.questions.slice(0, 2)).map((x, i) => ({ ...x, id: `extra-${i}`, prompt: `Ещё ${i}` }))), 'questions', /4–6 questions/],
    ['too few questions', (q: any) => q.questions.splice(3), 'questions', /4–6 questions/],
    ['a pass mark out of range', (q: any) => (q.passMark = 80), 'passMark', /at most 1/],
  ])('refuses %s, naming the file and the field', (_name, breakIt, field, problem) => {
    const data = quiz();
    breakIt(data);
    const error = errorOf(() => parseQuizFile(data, FILE, lessons));
    expect(error.file).toBe(FILE);
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
    expect(error.message).toContain(`${FILE} → ${field}`);
  });

  describe('fill-the-gap', () => {
    const gap = () => clone({ minutes: 5, questions: [...sampleQuiz.questions.slice(0, 3), sampleQuiz.questions[5]] });

    it('needs exactly one gap and the answer among the options', () => {
      const noGap = gap();
      (noGap.questions[3] as any).text = 'Нет пропуска.';
      expect(errorOf(() => parseQuizFile(noGap, FILE, lessons))).toMatchObject({ field: 'questions.3.text', problem: expect.stringMatching(/exactly one gap/) });
      const stray = gap();
      (stray.questions[3] as any).answer = 'любили';
      expect(errorOf(() => parseQuizFile(stray, FILE, lessons))).toMatchObject({ field: 'questions.3.answer' });
    });

    it('accepts a quotation that is word for word in the paragraph, and refuses one that is not', () => {
      const quoted = gap();
      (quoted.questions[3] as any).quote = true;
      expect(() => parseQuizFile(quoted, FILE, lessons)).not.toThrow();
      (quoted.questions[3] as any).text = 'Необходимо, чтобы их качественно ___.';
      expect(errorOf(() => parseQuizFile(quoted, FILE, lessons))).toMatchObject({ field: 'questions.3.text', problem: expect.stringMatching(/not word for word/) });
    });
  });
});

describe('final test schema', () => {
  const bank = (n: number) =>
    clone({
      draw: 10,
      questions: Array.from({ length: n }, (_, i) => ({ ...sampleQuiz.questions[i % 6], id: `q-${i}`, prompt: `Вопрос ${i}` })),
    });

  it('accepts a bank of 20 with a draw of 10', () => {
    expect(parseFinalTestFile(bank(20), 'content/final-test.json', lessons).questions).toHaveLength(20);
  });

  it('refuses a bank under 20, a draw over the bank, and a missing draw', () => {
    expect(errorOf(() => parseFinalTestFile(bank(19), 'content/final-test.json', lessons))).toMatchObject({ file: 'content/final-test.json', field: 'questions' });
    const greedy = { ...bank(20), draw: 21 };
    expect(errorOf(() => parseFinalTestFile(greedy, 'content/final-test.json', lessons))).toMatchObject({ field: 'draw', problem: expect.stringMatching(/bank has 20/) });
    const { draw: _unused, ...noDraw } = bank(20);
    expect(errorOf(() => parseFinalTestFile(noDraw, 'content/final-test.json', lessons))).toMatchObject({ field: 'draw', problem: 'required field is missing' });
  });

  it('refuses two questions with the same prompt', () => {
    const twins = bank(20);
    (twins.questions[7] as any).prompt = 'Вопрос 2';
    expect(errorOf(() => parseFinalTestFile(twins, 'content/final-test.json', lessons))).toMatchObject({ field: 'questions.7.prompt' });
  });
});
