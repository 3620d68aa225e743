/** Lookups in a built course index. Pure, and free of the content schema so the app stays small. */
import type { CourseIndex, LessonEntry, ModuleEntry, StepRef } from './types.ts';

/** Finds a module by id. */
export function findModule(index: CourseIndex, id: string): ModuleEntry | undefined {
  return index.modules.find((m) => m.id === id);
}

/** Finds a lesson and its module by the lesson id. */
export function findLesson(index: CourseIndex, id: string): { module: ModuleEntry; lesson: LessonEntry } | undefined {
  for (const module of index.modules) {
    const lesson = module.lessons.find((l) => l.id === id);
    if (lesson) return { module, lesson };
  }
  return undefined;
}

/** The steps before and after a step on the course path. */
export function neighbours(index: CourseIndex, kind: StepRef['kind'], id: string): { prev: StepRef | null; next: StepRef | null } {
  const i = index.steps.findIndex((s) => s.kind === kind && s.id === id);
  if (i === -1) return { prev: null, next: null };
  return { prev: index.steps[i - 1] ?? null, next: index.steps[i + 1] ?? null };
}
