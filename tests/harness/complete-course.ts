/**
 * Progress that completes the whole course — every lesson read, every exercise tried, every module
 * quiz and the final test passed — for certificate tests (unit and end-to-end).
 */
import type { ActivityRecord } from '../../src/lib/progress/api.ts';
import type { LessonRecord } from '../../src/lib/progress/records.ts';
import { activityKey } from '../../src/lib/progress/status.ts';
import type { CourseIndex } from '../../src/lib/course/types.ts';

/** Lessons and activities of a learner who finished `index` at `finishedAt` with `finalScore` on the final test. */
export function completeCourse(index: CourseIndex, finishedAt: number, finalScore = 92): { lessons: LessonRecord[]; activities: ActivityRecord[] } {
  let t = finishedAt - 3_600_000;
  const attempt = (key: string, score: number): ActivityRecord => {
    t += 60_000;
    const at = key === 'final' ? finishedAt : t;
    return { key, attempts: [{ id: `seed-${key}`, startedAt: at - 30_000, finishedAt: at, score, passed: true, mistakes: [] }], best: score, passed: true, draft: null, updatedAt: at };
  };
  const lessons = index.modules.flatMap((m) => m.lessons).map((l) => ({ lessonId: l.id, firstVisitedAt: t, lastVisitedAt: t, finishedAt: t }));
  const activities = index.modules.flatMap((m) => m.activities.map((a) => attempt(activityKey(a.kind, a.id), 100)));
  if (index.finalTest) activities.push(attempt('final', finalScore));
  return { lessons, activities };
}
