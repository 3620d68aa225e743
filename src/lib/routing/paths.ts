/**
 * The router's path patterns (svelte-spa-router syntax), beside the links that lead to them
 * (routing.ts). A module of their own so that only the router table (src/routes.ts, fetched with
 * the screens) and the manager's navigation carry them, not the shell every first screen loads.
 */
export const PATHS = {
  home: '/',
  module: '/module/:moduleId',
  lesson: '/lesson/:lessonId',
  exercise: '/exercise/:exerciseId',
  quiz: '/quiz/:moduleId',
  /** Spaced review («Повторение») of a passed module. */
  review: '/review/:moduleId',
  final: '/final',
  settings: '/settings',
  certificate: '/certificate',
  manager: '/manager',
  managerNew: '/manager/new',
  managerTeam: '/manager/team',
  /** The 10-minute pre-shift briefing guide (printable). */
  managerBriefing: '/manager/briefing',
  glossary: '/glossary',
  glossaryTerm: '/glossary/:termId',
  /** The course on one printable page. */
  summary: '/summary',
  /** «Моя цепочка», the learner's reflection at the end of the course. */
  reflection: '/reflection',
  /** The learner's own report (`?a=<assignment id>`). */
  report: '/report',
  /** An assignment link; with nothing (or anything odd) after it, the screen says what is wrong. */
  assign: '/assign',
  assignLink: '/assign/*',
  /** A learner's report link, opened by the manager. */
  reportLink: '/report/*',
  notFound: '*',
} as const;
