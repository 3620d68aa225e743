/** The fullest progress a learner of a course can have: the worst case for suspend data (LMS tests). */
import type { CourseIndex } from '$lib/course/types.ts';
import type { ProgressData } from '$lib/lms/suspend-data.ts';
import type { ActivityRecord, AttemptRecord } from '$lib/progress/api.ts';
import { activityKey } from '$lib/progress/status.ts';

const DAY = 86_400_000;

/**
 * The fullest progress the real course can hold: every lesson read, every activity tried
 * `perActivity` times from 2020 until today (as long as the moment bounds allow; the varints of
 * minutes are as wide as over ten years), with ids as long as a record allows (64 characters — an
 * imported backup may carry any id; `pad` '€' makes the longest in UTF-8) or store-made UUIDs, and a
 * location with a long query.
 */
export function fullestLearner(courseIndex: CourseIndex, { perActivity = 1000, longIds = true, pad = 'ж' } = {}): ProgressData {
  const start = Date.UTC(2020, 0, 1);
  const span = Math.floor((Date.now() - start) / DAY) - 1;
  const lessons = courseIndex.modules.flatMap((m) => m.lessons).map((l, i) => ({ lessonId: l.id, firstVisitedAt: start + i * DAY, lastVisitedAt: start + span * DAY, finishedAt: start + i * DAY + 3_600_000 }));
  const activities: ActivityRecord[] = courseIndex.steps
    .filter((s) => s.kind !== 'lesson')
    .map((s, k) => {
      const key = activityKey(s.kind as 'quiz' | 'exercise' | 'final', s.id);
      const attempts: AttemptRecord[] = Array.from({ length: perActivity }, (_, n) => {
        const finishedAt = start + (n * span * DAY) / perActivity + k * 60_000;
        return {
          id: longIds ? `${key}-${n}-`.padEnd(64, pad).slice(0, 64) : crypto.randomUUID(),
          startedAt: finishedAt - 7 * 3_600_000,
          finishedAt,
          score: n === perActivity - 2 ? 100 : (n * 37) % 100, // the best is not the latest: three kept
          passed: n % 3 === 0,
          mistakes: Array.from({ length: 200 }, (_, m) => `question-${m}`),
        };
      });
      return { key, attempts, best: 100, passed: true, draft: { answers: 'x'.repeat(5000) }, updatedAt: start + span * DAY };
    });
  const lesson = courseIndex.steps.find((s) => s.kind === 'lesson')!;
  return { lessons, activities, meta: { location: `#/lesson/${lesson.id}?p=${'p9'.repeat(55)}`, updatedAt: start + span * DAY } };
}

