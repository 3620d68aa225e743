/**
 * Node-only: reads `content/` from disk, validates it and checks the source text's fidelity.
 * Used by the Vite plugin (so a broken course never builds) and by the content tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildCourseIndex, type ContentFile } from './build-index.ts';
import { applyCorrections, checkFidelity, lessonParagraphs, sourceParagraphs, type Correction, type FidelityProblem } from './fidelity.ts';
import { activityValidators } from './activity-validators.ts';
import { validateGlossary } from '../lib/glossary/schema.ts';
import { ContentError } from '../lib/course/schema.ts';
import { ROLES } from '../lib/course/roles.ts';
import { findAnswerPatterns } from '../lib/quiz/answer-patterns.ts';
import type { Question } from '../lib/quiz/types.ts';
import type { AuthoredCourse } from '../lib/course/types.ts';

/** Reads the YAML frontmatter of an .svx file; a file without one gets a ContentError. */
export function readFrontmatter(text: string, file: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new ContentError(file, null, 'missing frontmatter (a block between --- lines at the very top)');
  try {
    return parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ContentError(file, null, `frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The course as loaded from disk. */
export interface LoadedContent {
  index: AuthoredCourse;
  /** Absolute paths of every file the course is built from, for the dev server to watch. */
  files: string[];
  source: { expected: string[]; fidelity: FidelityProblem[] };
  /** Answer patterns worth a build warning (errors have already stopped the load). */
  warnings: string[];
}

/** Loads and validates `content/` under `root`. Throws ContentError on any broken metadata. */
export function loadContent(root: string): LoadedContent {
  const contentDir = join(root, 'content');
  const rel = (abs: string) => relative(root, abs).split('\\').join('/');
  const files: string[] = [];
  const read = (abs: string) => {
    files.push(abs);
    return readFileSync(abs, 'utf8');
  };

  const coursePath = join(contentDir, 'course.json');
  let courseData: unknown;
  try {
    courseData = JSON.parse(read(coursePath));
  } catch (error) {
    throw new ContentError(rel(coursePath), null, `not valid JSON: ${(error as Error).message}`);
  }

  const readJson = (abs: string): unknown => {
    try {
      return JSON.parse(read(abs));
    } catch (error) {
      throw new ContentError(rel(abs), null, `not valid JSON: ${(error as Error).message}`);
    }
  };
  const svx: ContentFile[] = [];
  const activities: ContentFile[] = [];
  const bodies = new Map<string, string>();
  const folders = readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    for (const name of readdirSync(join(contentDir, folder)).filter((n) => n === 'quiz.json' || /^exercise-.+\.json$/.test(n)).sort()) {
      const abs = join(contentDir, folder, name);
      activities.push({ path: rel(abs), frontmatter: readJson(abs) });
    }
    for (const name of readdirSync(join(contentDir, folder)).filter((n) => n.endsWith('.svx')).sort()) {
      const abs = join(contentDir, folder, name);
      const text = read(abs);
      const path = rel(abs);
      svx.push({ path, frontmatter: readFrontmatter(text, path), body: text });
      bodies.set(path, text);
    }
  }
  const finalPath = join(contentDir, 'final-test.json');
  const finalTest = existsSync(finalPath) ? { path: rel(finalPath), frontmatter: readJson(finalPath) } : null;
  const index = buildCourseIndex({ course: { path: rel(coursePath), data: courseData }, files: svx, activities, finalTest });
  validateActivities([...activities, ...(finalTest ? [finalTest] : [])], index);
  // The glossary the lessons' term links point into (the links themselves are a rehype step).
  const glossaryPath = join(contentDir, 'glossary.json');
  if (existsSync(glossaryPath)) validateGlossary(readJson(glossaryPath), rel(glossaryPath));
  index.modules.flatMap((m) => m.lessons).forEach((l) => checkLessonTeaches(bodies.get(l.file) ?? '', l.file));
  const warnings = reportAnswerPatterns(activities, finalTest);

  const sourceText = read(join(contentDir, 'source', 'internal-clients.ru.txt'));
  const { corrections } = JSON.parse(read(join(contentDir, 'source', 'corrections.json'))) as { corrections: Correction[] };
  const corrected = applyCorrections(sourceParagraphs(sourceText), corrections);
  const shown = index.modules.flatMap((m) => m.lessons).flatMap((l) => lessonParagraphs(bodies.get(l.file) ?? '').map((text) => ({ file: l.file, text })));
  const fidelity = [...corrected.problems, ...checkFidelity(corrected.paragraphs, shown)];
  return { index, files, source: { expected: corrected.paragraphs, fidelity }, warnings };
}

/**
 * Every lesson teaches by example: a `<RoleScenario role="…">` for each of the three front-line roles
 * inside `<RoleScenarios>`, and its check placed with `<LessonCheck {...check} />`.
 */
export function checkLessonTeaches(svx: string, file: string): void {
  if (!/<RoleScenarios>/.test(svx)) throw new ContentError(file, null, 'needs a <RoleScenarios> block with one <RoleScenario> per role after the source text');
  for (const role of ROLES) {
    const n = svx.match(new RegExp(`<RoleScenario\\b[^>]*\\brole="${role}"`, 'g'))?.length ?? 0;
    if (n !== 1) throw new ContentError(file, null, `needs exactly one <RoleScenario role="${role}" title="…">, found ${n}`);
  }
  if (!/<LessonCheck \{\.\.\.check\} \/>/.test(svx)) throw new ContentError(file, 'check', 'the check is in the frontmatter but not on the page: add <LessonCheck {...check} /> after the role scenarios');
}

/** Runs each activity file through the validator registered for its type. */
function validateActivities(files: ContentFile[], index: AuthoredCourse): void {
  const types = new Map(index.modules.flatMap((m) => m.activities).map((a) => [a.file, a.type]));
  for (const file of files) {
    const type = types.get(file.path) ?? 'final';
    const validate = activityValidators[type];
    if (!validate) throw new ContentError(file.path, 'type', `unknown activity type "${type}"; known: ${Object.keys(activityValidators).join(', ') || 'none'}`);
    validate(file.frontmatter, file.path);
  }
}

/**
 * Looks for answer patterns across the module quizzes (as one set: a learner takes them all) and in
 * the final test's bank. A clear-cut pattern refuses the build; a leaning one is returned as a warning.
 */
export function reportAnswerPatterns(activities: ContentFile[], finalTest: ContentFile | null): string[] {
  const questionsOf = (f: ContentFile) => (f.frontmatter as { questions: Question[] }).questions;
  const quizzes = activities.filter((f) => f.path.endsWith('/quiz.json'));
  const findings = findAnswerPatterns([
    { name: 'module quizzes', questions: quizzes.flatMap(questionsOf) },
    ...(finalTest ? [{ name: 'final test bank', questions: questionsOf(finalTest) }] : []),
  ]);
  const error = findings.find((f) => f.level === 'error');
  if (error) throw new ContentError(error.message.startsWith('final') && finalTest ? finalTest.path : (quizzes[0]?.path ?? 'content/'), 'questions', error.message);
  return findings.map((f) => f.message);
}
