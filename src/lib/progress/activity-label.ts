/** Names an activity key (`quiz:<module>`, `exercise:<id>`, `final`) the way the course calls it. */
import { courseIndex } from '$lib/course/course.ts';

/** The message key and values for an activity's name; unknown keys are named as they are. */
export function activityLabel(key: string): { id: string; values: Record<string, string> } {
  if (key === 'final') return { id: 'backup.activity.final', values: {} };
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (kind === 'quiz') {
    const module = courseIndex.modules.find((m) => m.id === id);
    if (module) return { id: 'backup.activity.quiz', values: { title: module.title } };
  }
  if (kind === 'exercise') {
    const exercise = courseIndex.modules.flatMap((m) => m.activities).find((a) => a.kind === 'exercise' && a.id === id);
    if (exercise) return { id: 'backup.activity.exercise', values: { title: exercise.title } };
  }
  return { id: 'backup.activity.other', values: { key } };
}
