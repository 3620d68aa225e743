/**
 * Turns stored records into what the learner sees: a module's status and percent, whether the
 * course is complete, and the overall score for the certificate. Pure.
 */
import type { CourseIndex, ModuleEntry, StepRef } from '$lib/course/types.ts';
import type { ActivityRecord } from './api.ts';
import type { LessonRecord } from './records.ts';

export type ModuleStatus = 'not-started' | 'in-progress' | 'done';

/** Progress of one module. */
export interface ModuleProgress {
  status: ModuleStatus;
  /** 0..100, whole number. */
  percent: number;
  /** Best score of the module quiz, if attempted. */
  quizBest: number | null;
}

/** The storage key of an activity of the course path. */
export const activityKey = (kind: 'quiz' | 'exercise' | 'final', id: string) => (kind === 'final' ? 'final' : `${kind}:${id}`);

type Lessons = Record<string, LessonRecord | undefined>;
type Activities = Record<string, ActivityRecord | undefined>;

/**
 * Whether one step of the course path is done: a lesson read to the end, an exercise worked through
 * to the right answer (a recorded attempt), a quiz or the final test passed. The one rule behind
 * module status, the next step and the certificate.
 */
export function stepDone(step: Pick<StepRef, 'kind' | 'id'>, lessons: Lessons, activities: Activities): boolean {
  if (step.kind === 'lesson') return !!lessons[step.id]?.finishedAt;
  const record = activities[activityKey(step.kind, step.id)];
  return step.kind === 'exercise' ? (record?.attempts.length ?? 0) > 0 : !!record?.passed;
}

/**
 * A module counts its lessons (finished = read to the end), its exercises (done = any attempt)
 * and its quiz (done = passed). Done when every one of them is done.
 */
export function moduleProgress(module: ModuleEntry, lessons: Lessons, activities: Activities): ModuleProgress {
  const parts: { done: boolean; touched: boolean }[] = [
    ...module.lessons.map((l) => ({ done: stepDone({ kind: 'lesson', id: l.id }, lessons, activities), touched: !!lessons[l.id] })),
    ...module.activities.map((a) => ({ done: stepDone(a, lessons, activities), touched: !!activities[activityKey(a.kind, a.id)] })),
  ];
  const done = parts.filter((p) => p.done).length;
  const quiz = module.activities.find((a) => a.kind === 'quiz');
  const quizRecord = quiz ? activities[activityKey('quiz', quiz.id)] : undefined;
  return {
    status: done === parts.length ? 'done' : parts.some((p) => p.touched) ? 'in-progress' : 'not-started',
    percent: parts.length ? Math.floor((done / parts.length) * 100) : 0,
    quizBest: quizRecord?.attempts.length ? quizRecord.best : null,
  };
}

/** Whether every module is done and the final test (if any) passed; with the certificate score. */
export function courseCompletion(index: CourseIndex, lessons: Lessons, activities: Activities): { complete: boolean; score: number | null; completedAt: number | null } {
  const modulesDone = index.modules.every((m) => moduleProgress(m, lessons, activities).status === 'done');
  const final = activities['final'];
  const finalPassed = index.finalTest ? !!final?.passed : true;
  if (!modulesDone || !finalPassed) return { complete: false, score: null, completedAt: null };
  const firstPass = (record: ActivityRecord | undefined) => Math.min(...(record?.attempts.filter((a) => a.passed).map((a) => a.finishedAt) ?? []));
  if (final) return { complete: true, score: final.best, completedAt: firstPass(final) };
  // No final test: complete when the last module was done — a fixed moment, not "now".
  const moments = index.modules.flatMap((m) => [
    ...m.lessons.map((l) => lessons[l.id]?.finishedAt ?? 0),
    ...m.activities.map((a) => {
      const record = activities[activityKey(a.kind, a.id)];
      return a.kind === 'quiz' ? firstPass(record) : Math.min(...(record?.attempts.map((t) => t.finishedAt) ?? []));
    }),
  ]);
  return { complete: true, score: null, completedAt: Math.max(0, ...moments.filter(Number.isFinite)) };
}
