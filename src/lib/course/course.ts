/**
 * The app's view of the course: the validated index (built at compile time by the content plugin),
 * lookups, and lazy loaders for lesson text. Links to its places come from the routing module.
 */
import type { Component } from 'svelte';
import { activityLoaders, courseIndex, lessonLoaders, moduleIntroLoaders } from 'virtual:course';
import { loadOncePerKey } from '$lib/app/load-once.ts';
import { loadMessages } from '$lib/i18n/index.ts';
import { pictureArea, pictureWords } from '$lib/i18n/picture-words.ts';
import { findLesson, findModule, neighbours } from './lookup.ts';
import type { StepRef } from './types.ts';

export { courseIndex };

/** Finds a module by id in the built course. */
export const getModule = (id: string | null | undefined) => (id ? findModule(courseIndex, id) : undefined);
/** Finds a lesson and its module by lesson id in the built course. */
export const getLesson = (id: string | null | undefined) => (id ? findLesson(courseIndex, id) : undefined);

/** The steps around a step of the course path (for «Назад» / «Далее» on activity screens). */
export const stepNeighbours = (kind: StepRef['kind'], id: string) => neighbours(courseIndex, kind, id);

/**
 * One promise per thing loaded, kept once it resolves: a screen that asks again (the router already
 * fetched it with the screen's code, src/routes.ts) gets an already-settled promise, so its text
 * or data is drawn in the same frame as the screen, not a task later (no layout shift). A failed
 * load is forgotten, so a retry fetches again.
 */
const loads = loadOncePerKey<unknown>();
const once = <T>(key: string, load: () => Promise<T>) => loads(key, load) as Promise<T>;

/**
 * Loads an activity's data (parsed JSON, validated at build time).
 * @param key `exercise:<id>`, `quiz:<moduleId>` or `final:final`.
 */
export function loadActivityData(key: string): Promise<unknown> {
  return once(`activity:${key}`, async () => {
    const load = activityLoaders[key];
    if (!load) throw new Error(`Unknown activity ${key}`);
    return (await load()).default;
  });
}

/**
 * A lesson's own chunk: its text, and the objectives shown above it. Its picture's description
 * comes with it (picture-words.ts; nothing for a lesson without a picture), so each lesson carries
 * only its own, and a failed load is one «попробуйте снова» for both.
 */
export interface LessonText {
  Text: Component;
  objectives: string[];
}

/** Loads a lesson's text and objectives (and its picture's words); rejects for an unknown id. */
export function loadLessonText(id: string): Promise<LessonText> {
  return once(`lesson:${id}`, async () => {
    const load = lessonLoaders[id];
    if (!load) throw new Error(`Unknown lesson ${id}`);
    const [{ default: Text, metadata }] = await Promise.all([load(), loadMessages([pictureArea(id)], pictureWords)]);
    return { Text, objectives: metadata.objectives };
  });
}

/** Loads a module's authored introduction (the body of its module.svx). */
export function loadModuleIntro(id: string): Promise<Component> {
  return once(`module:${id}`, async () => {
    const load = moduleIntroLoaders[id];
    if (!load) throw new Error(`Unknown module ${id}`);
    return (await load()).default;
  });
}

/** Total minutes and lessons of the course, for the home screen. */
export const courseTotals = {
  lessons: courseIndex.modules.reduce((n, m) => n + m.lessons.length, 0),
  minutes: courseIndex.modules.reduce((n, m) => n + m.minutes, 0),
};
