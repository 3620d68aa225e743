import { describe, expect, it } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { activityLabel } from '$lib/progress/activity-label.ts';

describe('activityLabel', () => {
  it('names module quizzes, exercises and the final test as the course does', () => {
    const module = courseIndex.modules[0]!;
    expect(activityLabel(`quiz:${module.id}`)).toEqual({ id: 'backup.activity.quiz', values: { title: module.title } });
    const exercise = courseIndex.modules.flatMap((m) => m.activities).find((a) => a.kind === 'exercise');
    if (exercise) expect(activityLabel(`exercise:${exercise.id}`)).toEqual({ id: 'backup.activity.exercise', values: { title: exercise.title } });
    expect(activityLabel('final')).toEqual({ id: 'backup.activity.final', values: {} });
  });

  it('names an activity this build does not know by its key (a backup from another course version)', () => {
    expect(activityLabel('quiz:gone')).toEqual({ id: 'backup.activity.other', values: { key: 'quiz:gone' } });
    expect(activityLabel('exercise:a:b')).toEqual({ id: 'backup.activity.other', values: { key: 'exercise:a:b' } });
  });
});
