/** The app's hash links. Pure, so end-to-end tests build the same links the app shows. */

/** Hash links, relative to the page, so they work from any folder and inside an LMS. */
export const links = {
  home: '#/',
  module: (id: string) => `#/module/${encodeURIComponent(id)}`,
  lesson: (id: string, paragraph?: string) =>
    `#/lesson/${encodeURIComponent(id)}${paragraph ? `?p=${encodeURIComponent(paragraph)}` : ''}`,
  exercise: (id: string) => `#/exercise/${encodeURIComponent(id)}`,
  quiz: (moduleId: string) => `#/quiz/${encodeURIComponent(moduleId)}`,
  final: '#/final',
};
