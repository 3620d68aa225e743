/**
 * The app's view of the course: the validated index (built at compile time by the content plugin),
 * lookups, links, and lazy loaders for lesson text.
 */
import type { Component } from 'svelte';
import { courseIndex, lessonLoaders, moduleIntroLoaders } from 'virtual:course';
import { findLesson, findModule } from './build-index.ts';

export { courseIndex };

/** Finds a module by id in the built course. */
export const getModule = (id: string | null | undefined) => (id ? findModule(courseIndex, id) : undefined);
/** Finds a lesson and its module by lesson id in the built course. */
export const getLesson = (id: string | null | undefined) => (id ? findLesson(courseIndex, id) : undefined);

/** Hash links, relative to the page, so they work from any folder and inside an LMS. */
export const links = {
  home: '#/',
  module: (id: string) => `#/module/${encodeURIComponent(id)}`,
  lesson: (id: string, paragraph?: string) =>
    `#/lesson/${encodeURIComponent(id)}${paragraph ? `?p=${encodeURIComponent(paragraph)}` : ''}`,
};

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
