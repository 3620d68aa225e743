import { describe, expect, it } from 'vitest';
import { buildCourseIndex } from '../../build/build-index.ts';
import { locate } from './locate.ts';

const index = buildCourseIndex({
  course: { path: 'c.json', data: { title: 'К', subtitle: 'П', objectives: ['Ц'], passMark: 0.8 } },
  files: [
    { path: 'content/01-a/module.svx', frontmatter: { id: 'a', title: 'Модуль А', order: 1, summary: 'С', objectives: ['Ц'] } },
    { path: 'content/01-a/l.svx', frontmatter: { id: 'l1', title: 'Урок 1', order: 1, objectives: ['Ц'], check: { prompt: 'В?', options: [{ text: 'Да', right: true, why: 'Так.' }, { text: 'Нет', why: 'Не так.' }] } } },
  ],
  activities: [{ path: 'content/01-a/quiz.json', frontmatter: {} }],
  finalTest: { path: 'content/final-test.json', frontmatter: {} },
});

describe('locate', () => {
  it('finds lessons, quizzes (with a question in the query), modules and the final test', () => {
    expect(locate(index, '#/lesson/l1')?.step).toMatchObject({ kind: 'lesson', title: 'Урок 1' });
    expect(locate(index, '#/quiz/a?q=3')?.step).toMatchObject({ kind: 'quiz', id: 'a' });
    expect(locate(index, '#/module/a')).toMatchObject({ step: null, module: { id: 'a' } });
    expect(locate(index, '#/final')?.step?.kind).toBe('final');
  });

  it.each([null, '', '#/', '#/lesson/gone', '#/module/%E0%A4%A', '#/settings', 'javascript:alert(1)'])('gives null for %s', (hash) => {
    expect(locate(index, hash)).toBeNull();
  });
});
