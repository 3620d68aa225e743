import {
  ActivityHeaderSchema,
  ContentError,
  CourseMetaSchema,
  LessonFrontmatterSchema,
  ModuleFrontmatterSchema,
  parseContent,
} from '../lib/course/schema.ts';
import { countWords, lessonWords, readingMinutes } from '../lib/course/reading-time.ts';
import type { AuthoredActivity, AuthoredCourse, AuthoredLesson, AuthoredModule, CourseAbout, CourseIndex, StepRef } from '../lib/course/types.ts';

/** One content file as read from disk: its path and its parsed frontmatter (or JSON data). */
export interface ContentFile {
  /** Path relative to the project root, forward slashes: `content/01-x/module.svx`. */
  path: string;
  frontmatter: unknown;
  /** The whole .svx text, for a lesson's reading time; absent in tests that only check metadata. */
  body?: string;
}

/** The raw inputs of the course tree. */
export interface ContentInput {
  course: { path: string; data: unknown };
  /** Every `module.svx` and lesson `.svx`; grouped by their folder. */
  files: ContentFile[];
  /** Every `exercise-*.json` and `quiz.json` inside module folders, with their parsed data. */
  activities?: ContentFile[];
  /** `content/final-test.json`, if present. */
  finalTest?: ContentFile | null;
}

const MODULE_FILE = 'module.svx';
const QUIZ_FILE = 'quiz.json';

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function assertUniqueOrder(items: { order: number; file: string }[], what: string): void {
  const seen = new Map<number, string>();
  for (const item of items) {
    const other = seen.get(item.order);
    if (other) throw new ContentError(item.file, 'order', `${what} order ${item.order} is already used by ${other}`);
    seen.set(item.order, item.file);
  }
}

function readActivity(file: ContentFile, moduleId: string, moduleTitle: string): AuthoredActivity {
  const header = parseContent(ActivityHeaderSchema, file.frontmatter, file.path);
  if (file.path.endsWith(`/${QUIZ_FILE}`)) {
    return { kind: 'quiz', id: moduleId, moduleId, title: moduleTitle, minutes: header.minutes ?? 5, type: 'quiz', file: file.path };
  }
  if (!header.id) throw new ContentError(file.path, 'id', 'required field is missing');
  if (!header.title) throw new ContentError(file.path, 'title', 'required field is missing');
  if (!header.type) throw new ContentError(file.path, 'type', 'required field is missing');
  return { kind: 'exercise', id: header.id, moduleId, title: header.title, minutes: header.minutes ?? 5, type: header.type, file: file.path };
}

/**
 * Builds the module → lesson tree once: validates every frontmatter, sorts by `order`, numbers the
 * lessons, attaches each module's exercises and quiz, and links the whole course path prev/next.
 * @throws ContentError naming the file and the field of the first problem found.
 */
export function buildCourseIndex(input: ContentInput): AuthoredCourse {
  const course = parseContent(CourseMetaSchema, input.course.data, input.course.path);

  const folders = new Map<string, ContentFile[]>();
  for (const file of input.files) {
    const folder = folderOf(file.path);
    folders.set(folder, [...(folders.get(folder) ?? []), file]);
  }

  const modules: AuthoredModule[] = [];
  const ids = new Map<string, string>();
  const claimId = (value: string, file: string) => {
    const other = ids.get(value);
    if (other) throw new ContentError(file, 'id', `id "${value}" is already used by ${other}`);
    ids.set(value, file);
  };

  for (const [folder, files] of folders) {
    const moduleFile = files.find((f) => f.path.endsWith(`/${MODULE_FILE}`));
    if (!moduleFile) throw new ContentError(`${folder}/${MODULE_FILE}`, null, 'missing: every module folder needs a module.svx');
    const meta = parseContent(ModuleFrontmatterSchema, moduleFile.frontmatter, moduleFile.path);
    claimId(meta.id, moduleFile.path);

    const lessons = files
      .filter((f) => f !== moduleFile)
      .map((f) => {
        if (typeof f.frontmatter === 'object' && f.frontmatter !== null && 'minutes' in f.frontmatter) {
          throw new ContentError(f.path, 'minutes', 'remove it: a lesson\'s reading time is computed from its words (150 a minute)');
        }
        // The check is rendered from the lesson's own chunk: keep it out of the index.
        const { check, ...meta } = parseContent(LessonFrontmatterSchema, f.frontmatter, f.path);
        const words = lessonWords(f.body ?? '') + countWords([check.prompt, ...check.options.flatMap((o) => [o.text, o.why])].join(' '));
        return { ...meta, minutes: readingMinutes(words), file: f.path };
      });
    if (lessons.length === 0) throw new ContentError(moduleFile.path, null, 'the module has no lessons');
    lessons.forEach((l) => claimId(l.id, l.file));
    assertUniqueOrder(lessons, 'lesson');
    lessons.sort((a, b) => a.order - b.order);

    const activities = (input.activities ?? [])
      .filter((f) => folderOf(f.path) === folder)
      .sort((a, b) => Number(a.path.endsWith(`/${QUIZ_FILE}`)) - Number(b.path.endsWith(`/${QUIZ_FILE}`)) || a.path.localeCompare(b.path))
      .map((f) => readActivity(f, meta.id, meta.title));
    activities.filter((a) => a.kind === 'exercise').forEach((a) => claimId(a.id, a.file));

    modules.push({
      ...meta,
      index: 0,
      file: moduleFile.path,
      minutes: lessons.reduce((sum, l) => sum + l.minutes, 0) + activities.reduce((sum, a) => sum + a.minutes, 0),
      lessons: lessons.map((l, i) => ({ ...l, moduleId: meta.id, index: i + 1, prev: null, next: null })),
      activities,
    });
  }
  if (modules.length === 0) throw new ContentError('content/', null, 'no modules found');
  assertUniqueOrder(modules, 'module');
  modules.sort((a, b) => a.order - b.order);
  modules.forEach((m, i) => (m.index = i + 1));

  const finalTest = input.finalTest
    ? { file: input.finalTest.path, minutes: parseContent(ActivityHeaderSchema, input.finalTest.frontmatter, input.finalTest.path).minutes ?? 10 }
    : null;

  const steps: StepRef[] = modules.flatMap((m) => [
    ...m.lessons.map((l): StepRef => ({ kind: 'lesson', id: l.id, moduleId: m.id, title: l.title })),
    ...m.activities.map((a): StepRef => ({ kind: a.kind, id: a.id, moduleId: m.id, title: a.title })),
  ]);
  if (finalTest) steps.push({ kind: 'final', id: 'final', moduleId: null, title: course.title });

  const lessonsById = new Map<string, AuthoredLesson>(modules.flatMap((m) => m.lessons.map((l) => [l.id, l] as const)));
  steps.forEach((step, i) => {
    const lesson = step.kind === 'lesson' ? lessonsById.get(step.id) : undefined;
    if (!lesson) return;
    lesson.prev = steps[i - 1] ?? null;
    lesson.next = steps[i + 1] ?? null;
  });
  return { course, modules, finalTest, steps };
}

/**
 * The index the app ships: the authored course without what the running app gets elsewhere or
 * never needs (file paths, a lesson's objectives and neighbours, the course's and modules'
 * descriptions: `courseAbout`).
 */
export function appIndex(authored: AuthoredCourse): CourseIndex {
  const { title, passMark } = authored.course;
  return {
    course: { title, passMark },
    modules: authored.modules.map(({ file: _file, summary: _summary, objectives: _goals, lessons, activities, ...module }) => ({
      ...module,
      lessons: lessons.map(({ file: _f, objectives: _o, prev: _p, next: _n, ...lesson }) => lesson),
      activities: activities.map(({ file: _f, ...activity }) => activity),
    })),
    finalTest: authored.finalTest && { minutes: authored.finalTest.minutes },
    steps: authored.steps,
  };
}

/** What home and the module screens describe the course and its modules with (`virtual:course-about`). */
export function courseAbout(authored: AuthoredCourse): CourseAbout {
  const { subtitle, objectives } = authored.course;
  return { subtitle, objectives, modules: Object.fromEntries(authored.modules.map((m) => [m.id, { summary: m.summary, objectives: m.objectives }])) };
}

export { findLesson, findModule, neighbours } from '../lib/course/lookup.ts';
