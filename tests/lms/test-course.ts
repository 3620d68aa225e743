/** Small course indexes for the LMS unit tests (src/lib/lms/*.test.ts), built by the real index builder. */
import { buildCourseIndex, type ContentFile } from '../../src/build/build-index.ts';
import type { ActivityRecord, AttemptRecord } from '$lib/progress/api.ts';
import { withAttempt } from '$lib/progress/api.ts';
import type { CourseIndex } from '$lib/course/types.ts';

const course = { path: 'content/course.json', data: { title: 'Курс', subtitle: 'О курсе', objectives: ['Цель'], passMark: 0.8 } };
const mod = (folder: string, id: string, order: number): ContentFile => ({
  path: `content/${folder}/module.svx`,
  frontmatter: { id, title: `Модуль ${id}`, order, summary: 'Кратко', objectives: ['Цель'] },
});
const lesson = (folder: string, id: string, order: number): ContentFile => ({
  path: `content/${folder}/${id}.svx`,
  frontmatter: { id, title: `Урок ${id}`, order, objectives: ['Понять'], check: { prompt: 'В?', options: [{ text: 'Да', right: true, why: 'Так.' }, { text: 'Нет', why: 'Не так.' }] } },
});

/**
 * Module a: lessons a1, a2, exercise «chain», quiz a; module b: lesson b1, quiz b; and, unless
 * `final` is false, the final test. Steps: a1 a2 chain quiz:a b1 quiz:b final.
 */
export function testCourse({ final = true } = {}): CourseIndex {
  return buildCourseIndex({
    course,
    files: [mod('01-a', 'a', 1), lesson('01-a', 'a1', 1), lesson('01-a', 'a2', 2), mod('02-b', 'b', 2), lesson('02-b', 'b1', 1)],
    activities: [
      { path: 'content/01-a/exercise-chain.json', frontmatter: { id: 'chain', type: 'chain', title: 'Цепочка' } },
      { path: 'content/01-a/quiz.json', frontmatter: { minutes: 3 } },
      { path: 'content/02-b/quiz.json', frontmatter: { minutes: 3 } },
    ],
    finalTest: final ? { path: 'content/final-test.json', frontmatter: {} } : null,
  });
}

const T0 = Date.UTC(2026, 2, 10, 9, 0);
let counter = 0;

/** An attempt finished `minutes` after a fixed morning, with a fresh UUID unless an id is given. */
export function attempt(score: number, passed: boolean, minutes = counter++, id: string = crypto.randomUUID()): AttemptRecord {
  const finishedAt = T0 + minutes * 60_000;
  return { id, startedAt: finishedAt - 95_000, finishedAt, score, passed, mistakes: passed ? [] : ['q1'] };
}

/** An activity record holding these attempts. */
export function activity(key: string, ...attempts: AttemptRecord[]): ActivityRecord {
  let record: ActivityRecord | undefined;
  for (const a of attempts) record = withAttempt(record, key, a);
  return record ?? { key, attempts: [], best: 0, passed: false, draft: null, updatedAt: T0 };
}

/** A lesson record, finished unless told otherwise. */
export function lessonRecord(lessonId: string, finished = true, minutes = 0) {
  const at = T0 + minutes * 60_000;
  return { lessonId, firstVisitedAt: at, lastVisitedAt: at + 120_000, finishedAt: finished ? at + 60_000 : null };
}
