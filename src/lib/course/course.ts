/**
 * The app's view of the course: the validated index (built at compile time by the content plugin),
 * lookups, links, and lazy loaders for lesson text.
 */
import type { Component } from 'svelte';
import { activityLoaders, courseIndex, lessonLoaders, moduleIntroLoaders } from 'virtual:course';
import { links } from './links.ts';
import { findLesson, findModule, neighbours } from './lookup.ts';
import type { StepRef } from './types.ts';

export { courseIndex };

/** Finds a module by id in the built course. */
export const getModule = (id: string | null | undefined) => (id ? findModule(courseIndex, id) : undefined);
/** Finds a lesson and its module by lesson id in the built course. */
export const getLesson = (id: string | null | undefined) => (id ? findLesson(courseIndex, id) : undefined);

export { links };

/** The link to any step of the course path. */
export function stepHref(step: StepRef): string {
  switch (step.kind) {
    case 'lesson':
      return links.lesson(step.id);
    case 'exercise':
      return links.exercise(step.id);
    case 'quiz':
      return links.quiz(step.id);
    case 'final':
      return links.final;
  }
}

/** The steps around a step of the course path (for «Назад» / «Далее» on activity screens). */
export const stepNeighbours = (kind: StepRef['kind'], id: string) => neighbours(courseIndex, kind, id);

/**
 * Loads an activity's data (parsed JSON, validated at build time).
 * @param key `exercise:<id>`, `quiz:<moduleId>` or `final:final`.
 */
export async function loadActivityData(key: string): Promise<unknown> {
  const load = activityLoaders[key];
  if (!load) throw new Error(`Unknown activity ${key}`);
  return (await load()).default;
}

/** Loads the compiled text of a lesson; rejects for an unknown id. */
export async function loadLessonText(id: string): Promise<Component> {
  const load = lessonLoaders[id];
  if (!load) throw new Error(`Unknown lesson ${id}`);
  return (await load()).default;
}

/** Loads a module's authored introduction (the body of its module.svx). */
export async function loadModuleIntro(id: string): Promise<Component> {
  const load = moduleIntroLoaders[id];
  if (!load) throw new Error(`Unknown module ${id}`);
  return (await load()).default;
}

/** Total minutes and lessons of the course, for the home screen. */
export const courseTotals = {
  lessons: courseIndex.modules.reduce((n, m) => n + m.lessons.length, 0),
  minutes: courseIndex.modules.reduce((n, m) => n + m.minutes, 0),
};
