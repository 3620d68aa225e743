import { describe, expect, it } from 'vitest';
import { appIndex, buildCourseIndex, courseAbout, findLesson, neighbours, type ContentFile } from './build-index.ts';
import { loadContent } from './load-content.ts';
import { ContentError } from '../lib/course/schema.ts';

const course = { path: 'content/course.json', data: { title: 'Курс', subtitle: 'О курсе', objectives: ['Цель'], passMark: 0.8 } };
const mod = (folder: string, id: string, order: number): ContentFile => ({
  path: `content/${folder}/module.svx`,
  frontmatter: { id, title: `Модуль ${id}`, order, summary: 'Кратко', objectives: ['Цель'] },
});
const check = { prompt: 'Кто клиент?', options: [{ text: 'Гость', right: true, why: 'Верно.' }, { text: 'Повар', why: 'Нет.' }] };
/** A lesson whose body has `words` words (the check adds 7): 300 read in 2 minutes, 450 in 3. */
const lesson = (folder: string, id: string, order: number, extra: object = {}, words = 300): ContentFile => ({
  path: `content/${folder}/${id}.svx`,
  frontmatter: { id, title: `Урок ${id}`, order, objectives: ['Понять'], check, ...extra },
  body: `---\nid: ${id}\n---\n${'слово '.repeat(words)}`,
});

function errorOf(fn: () => unknown): ContentError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('buildCourseIndex', () => {
  const files = [
    mod('02-b', 'b', 2),
    lesson('02-b', 'b1', 1),
    mod('01-a', 'a', 1),
    lesson('01-a', 'a2', 2),
    lesson('01-a', 'a1', 1, {}, 450),
  ];

  it('orders modules and lessons by their order field, not by the order files came in', () => {
    const index = buildCourseIndex({ course, files });
    expect(index.modules.map((m) => m.id)).toEqual(['a', 'b']);
    expect(index.modules[0]!.lessons.map((l) => [l.id, l.index])).toEqual([['a1', 1], ['a2', 2]]);
    expect(index.modules.map((m) => m.index)).toEqual([1, 2]);
  });

  it('computes each lesson’s reading time from its words and sums the minutes of a module', () => {
    const index = buildCourseIndex({ course, files });
    expect(index.modules[0]!.lessons.map((l) => l.minutes)).toEqual([3, 2]);
    expect(index.modules[0]!.minutes).toBe(5);
  });

  it('keeps the in-lesson check out of the index (it ships with the lesson text)', () => {
    expect(JSON.stringify(buildCourseIndex({ course, files }))).not.toContain('Кто клиент?');
  });

  it('links every lesson to the previous and next step across module borders', () => {
    const index = buildCourseIndex({ course, files });
    const lesson = (id: string) => index.modules.flatMap((m) => m.lessons).find((l) => l.id === id)!;
    expect(lesson('a2').prev?.id).toBe('a1');
    expect(lesson('a2').next).toEqual({ kind: 'lesson', id: 'b1', moduleId: 'b', title: 'Урок b1' });
    expect(lesson('a1').prev).toBeNull();
    expect(lesson('b1').next).toBeNull();
    expect(findLesson(index, 'a2')?.module.id).toBe('a');
  });

  it('puts exercises, then the quiz, after a module’s lessons, and the final test last', () => {
    const index = buildCourseIndex({
      course,
      files,
      activities: [
        { path: 'content/01-a/quiz.json', frontmatter: { minutes: 4 } },
        { path: 'content/01-a/exercise-chain.json', frontmatter: { id: 'chain', type: 'chain', title: 'Цепочка' } },
      ],
      finalTest: { path: 'content/final-test.json', frontmatter: {} },
    });
    expect(index.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['lesson:a1', 'lesson:a2', 'exercise:chain', 'quiz:a', 'lesson:b1', 'final:final']);
    expect(neighbours(index, 'lesson', 'a2').next).toMatchObject({ kind: 'exercise', id: 'chain' });
    expect(neighbours(index, 'lesson', 'b1').next).toMatchObject({ kind: 'final' });
    expect(neighbours(index, 'quiz', 'a')).toMatchObject({ prev: { id: 'chain' }, next: { id: 'b1' } });
    expect(index.modules[0]!.minutes).toBe(5 + 4 + 5);
  });

  it.each([
    ['a lesson with no title', lesson('01-a', 'x', 3, { title: undefined }), 'content/01-a/x.svx', 'title', /missing/],
    ['an empty title', lesson('01-a', 'x', 3, { title: '  ' }), 'content/01-a/x.svx', 'title', /empty/],
    ['a typed reading time', lesson('01-a', 'x', 3, { minutes: 2 }), 'content/01-a/x.svx', 'minutes', /computed from its words/],
    ['a lesson without a check', lesson('01-a', 'x', 3, { check: undefined }), 'content/01-a/x.svx', 'check', /missing/],
    ['a check with two right options', lesson('01-a', 'x', 3, { check: { ...check, options: check.options.map((o) => ({ ...o, right: true })) } }), 'content/01-a/x.svx', 'check.options', /exactly one option/],
    ['a check option without a why', lesson('01-a', 'x', 3, { check: { ...check, options: [check.options[0], { text: 'Повар' }] } }), 'content/01-a/x.svx', 'check.options.1.why', /missing/],
    ['an unknown field', lesson('01-a', 'x', 3, { autor: 'Я' }), 'content/01-a/x.svx', 'autor', /unknown field/],
    ['a capitalised id', lesson('01-a', 'X', 3), 'content/01-a/X.svx', 'id', /lowercase/],
    ['a duplicate order', lesson('01-a', 'x', 2), 'content/01-a/x.svx', 'order', /already used/],
    ['a duplicate id', { ...lesson('01-a', 'a1', 3), path: 'content/01-a/copy.svx' }, 'content/01-a/copy.svx', 'id', /already used/],
    ['objectives as a map', lesson('01-a', 'x', 3, { objectives: [{ 'Понять главное': 'чтобы' }] }), 'content/01-a/x.svx', 'objectives.0', /quotes/],
  ])('refuses %s, naming the file and the field', (_name, bad, file, field, problem) => {
    const error = errorOf(() => buildCourseIndex({ course, files: [...files, bad] }));
    expect(error.file).toBe(file);
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
    expect(error.message).toContain(`${file} → ${field}`);
  });

  it('refuses a module folder without module.svx', () => {
    const error = errorOf(() => buildCourseIndex({ course, files: [lesson('03-c', 'c1', 1)] }));
    expect(error.file).toBe('content/03-c/module.svx');
  });

  it('refuses a module without lessons', () => {
    expect(errorOf(() => buildCourseIndex({ course, files: [mod('01-a', 'a', 1)] })).problem).toMatch(/no lessons/);
  });

  it('refuses a broken course.json, naming the field', () => {
    const error = errorOf(() => buildCourseIndex({ course: { ...course, data: { ...course.data, passMark: 2 } }, files }));
    expect([error.file, error.field]).toEqual(['content/course.json', 'passMark']);
  });

  it('refuses an exercise without a type', () => {
    const error = errorOf(() =>
      buildCourseIndex({ course, files, activities: [{ path: 'content/01-a/exercise-x.json', frontmatter: { id: 'x', title: 'X' } }] }),
    );
    expect([error.file, error.field]).toEqual(['content/01-a/exercise-x.json', 'type']);
  });
});

describe('appIndex', () => {
  it('keeps what the screens find their way with, and leaves out file paths, lesson objectives and the course’s and modules’ descriptions', () => {
    const authored = loadContent(process.cwd()).index;
    const app = appIndex(authored);
    const json = JSON.stringify(app);
    expect(json).not.toMatch(/"file"|content\/|"subtitle"/);
    expect(app.course).toEqual({ title: authored.course.title, passMark: authored.course.passMark });
    expect(app.modules.flatMap((m) => m.lessons).every((l) => !('objectives' in l))).toBe(true);
    // Module goals and summaries come with home and the module screen (courseAbout), not in the index.
    expect(app.modules.every((m) => !('summary' in m) && !('objectives' in m))).toBe(true);
    expect(courseAbout(authored)).toEqual({
      subtitle: authored.course.subtitle,
      objectives: authored.course.objectives,
      modules: Object.fromEntries(authored.modules.map((m) => [m.id, { summary: m.summary, objectives: m.objectives }])),
    });
    expect(app.steps).toEqual(authored.steps);
    expect(app.modules.flatMap((m) => m.lessons)).toEqual(authored.modules.flatMap((m) => m.lessons).map(({ id, moduleId, title, order, minutes, index }) => ({ id, moduleId, title, order, minutes, index })));
    // What the authored lessons keep as neighbours, the app finds on the course path.
    for (const lesson of authored.modules.flatMap((m) => m.lessons)) expect(neighbours(app, 'lesson', lesson.id)).toEqual({ prev: lesson.prev, next: lesson.next });
    expect(app.finalTest).toEqual(authored.finalTest && { minutes: authored.finalTest.minutes });
  });
});
