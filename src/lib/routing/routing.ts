/**
 * The app's URL scheme, spelt here and nowhere else (the router's patterns in paths.ts beside it):
 * the links every screen builds, which places need a learner, which are worth resuming to, and how
 * a stored place is read back. Pure (no Svelte, no course data): the router table (src/routes.ts), the
 * screens, the course's «Продолжить» and the LMS adapter all ask this module.
 */

/** Where the payload of an assignment or report link sits: `#/assign/<payload>`, `#/report/<payload>`. */
export const PAYLOAD_ROUTE = { assignment: '/assign/', report: '/report/' } as const;

const at = (kind: string, id: string) => `#/${kind}/${encodeURIComponent(id)}`;

/** Hash links, relative to the page, so they work from any folder and inside an LMS. */
export const links = {
  home: '#/',
  module: (id: string) => at('module', id),
  lesson: (id: string, paragraph?: string) => `${at('lesson', id)}${paragraph ? `?p=${encodeURIComponent(paragraph)}` : ''}`,
  exercise: (id: string) => at('exercise', id),
  quiz: (moduleId: string) => at('quiz', moduleId),
  final: '#/final',
  review: (moduleId: string) => at('review', moduleId),
  settings: '#/settings',
  certificate: '#/certificate',
  manager: '#/manager',
  managerNew: '#/manager/new',
  managerTeam: '#/manager/team',
  managerBriefing: '#/manager/briefing',
  /** The glossary, or one term in it (the lessons' term links are made at build time in the same shape). */
  glossary: (termId?: string) => (termId ? at('glossary', termId) : '#/glossary'),
  summary: '#/summary',
  reflection: '#/reflection',
  learnerReport: '#/report',
  /** The learner's report for one assignment. */
  report: (assignmentId: string) => `#/report?a=${encodeURIComponent(assignmentId)}`,
};

/** A step of the course path, as far as links are concerned. */
export interface StepPlace {
  kind: 'lesson' | 'exercise' | 'quiz' | 'final';
  id: string;
}

/** The link to any step of the course path. */
export function stepHref(step: StepPlace): string {
  return step.kind === 'final' ? links.final : at(step.kind, step.id);
}

/**
 * The manager area and the storage-free pages work without a learner; so does a learner's report
 * link (`/report/<payload>`), which the manager opens (the learner's own `/report` needs them).
 */
export function isManagerRoute(location: string): boolean {
  return /^\/manager(\/|$)|^\/report\/./.test(location);
}

/** The reference pages (glossary, course summary) hold nobody's progress: open to anyone. */
export const isReferenceRoute = (location: string): boolean => /^\/(glossary|summary)(\/|$)/.test(location);

/** Every route but the manager's and the reference pages needs a signed-in learner: it is the learner side. */
export const needsLearner = (location: string): boolean => !isManagerRoute(location) && !isReferenceRoute(location);

/**
 * Lessons, exercises and tests: where «Продолжить» may take the learner back. A module's overview
 * is not a place to resume, so glancing at it keeps the exact lesson or question.
 */
export function isLearningRoute(location: string): boolean {
  return /^\/(lesson|exercise|quiz)\/[^/]+$|^\/final$/.test(location);
}

/** A course place read from a stored hash like `#/quiz/m1?q=3`. */
export interface Place {
  kind: 'lesson' | 'module' | 'exercise' | 'quiz' | 'final';
  /** The decoded id (none for `final`). */
  id: string | undefined;
}

/** Reads a stored hash back into a course place; null for anything else or a broken escape. */
export function parsePlace(hash: string | null | undefined): Place | null {
  if (!hash) return null;
  const match = /^#\/(lesson|module|exercise|quiz|final)(?:\/([^/?]+))?/.exec(hash);
  if (!match) return null;
  const [, kind, rawId] = match;
  try {
    return { kind: kind as Place['kind'], id: rawId ? decodeURIComponent(rawId) : undefined };
  } catch {
    return null;
  }
}

/**
 * The route and query of an address, read as svelte-spa-router reads them: what follows `#/`
 * (or `/` when there is none), split at the first `?`.
 */
export function locationOf(href: string): { location: string; querystring: string } {
  const at = href.indexOf('#/');
  const full = at > -1 ? href.slice(at + 1) : '/';
  const q = full.indexOf('?');
  return q > -1 ? { location: full.slice(0, q), querystring: full.slice(q + 1) } : { location: full, querystring: '' };
}
