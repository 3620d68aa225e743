/**
 * Vite plugin behind `virtual:course`: the validated course index plus one lazy loader per lesson,
 * module intro and activity (exercise, quiz, final test), so each is its own small chunk. A broken course stops the build with
 * the file and field named.
 */
import type { Plugin } from 'vite';
import { appIndex, courseAbout } from './build-index.ts';
import { loadContent } from './load-content.ts';
import { typographDeep } from './typography.js';

const ID = 'virtual:course';
const RESOLVED = '\0virtual:course';
/** The course's title alone, for the header and page titles of the first screen (no index). */
const TITLE_ID = 'virtual:course-title';
const TITLE_RESOLVED = '\0virtual:course-title';
/** The course's subtitle and objectives and its modules' summaries and objectives, for home and the module screens. */
const ABOUT_ID = 'virtual:course-about';
const ABOUT_RESOLVED = '\0virtual:course-about';

/** @param root the project root (where `content/` lives). */
export function coursePlugin(root: string): Plugin {
  return {
    name: 'course-content',
    resolveId: (id) => (id === ID ? RESOLVED : id === TITLE_ID ? TITLE_RESOLVED : id === ABOUT_ID ? ABOUT_RESOLVED : null),
    load(id) {
      if (id === TITLE_RESOLVED) return `export const courseTitle = ${JSON.stringify(loadContent(root).index.course.title)};`;
      if (id === ABOUT_RESOLVED) return `export const courseAbout = ${JSON.stringify(courseAbout(loadContent(root).index))};`;
      if (id !== RESOLVED) return null;
      const { index, files, source, warnings } = loadContent(root);
      files.forEach((f) => this.addWatchFile(f));
      warnings.forEach((w) => this.warn(w));
      if (source.fidelity.length > 0) {
        throw new Error(`The lessons do not reproduce the source text faithfully:\n- ${source.fidelity.map((p) => p.message).join('\n- ')}`);
      }
      const loader = (file: string) => `() => import(${JSON.stringify(`/${file}`)})`;
      const lessons = index.modules.flatMap((m) => m.lessons).map((l) => `${JSON.stringify(l.id)}: ${loader(l.file)}`);
      const intros = index.modules.map((m) => `${JSON.stringify(m.id)}: ${loader(m.file)}`);
      const activities = index.modules.flatMap((m) => m.activities).map((a) => `${JSON.stringify(`${a.kind}:${a.id}`)}: ${loader(a.file)}`);
      if (index.finalTest) activities.push(`"final:final": ${loader(index.finalTest.file)}`);
      return [
        `export const courseIndex = ${JSON.stringify(appIndex(index))};`,
        `export const lessonLoaders = {${lessons.join(',\n')}};`,
        `export const moduleIntroLoaders = {${intros.join(',\n')}};`,
        `export const activityLoaders = {${activities.join(',\n')}};`,
      ].join('\n');
    },
  };
}

/**
 * Vite plugin: the typographer's step for the content data the interface shows — every JSON file
 * under `content/` (quizzes, exercises) — before Vite turns the JSON into a module. The files on
 * disk stay as authors type them. Build only: unit tests compare content strings as authored
 * (the lesson text itself is typographed by the rehype step in every mode).
 * @param root the project root (where `content/` lives).
 */
export function typographyPlugin(root: string): Plugin {
  const content = `${root.replace(/\/$/, '')}/content/`;
  return {
    name: 'course-typography',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.json')) return null;
      if (!file.startsWith(content)) return null;
      return { code: JSON.stringify(typographDeep(JSON.parse(code) as unknown)), map: null };
    },
  };
}
