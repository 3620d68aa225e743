import { ContentError, CourseMetaSchema, LessonFrontmatterSchema, ModuleFrontmatterSchema, parseContent } from './schema.ts';
import type { CourseIndex, LessonEntry, LessonRef, ModuleEntry } from './types.ts';

/** One content file as read from disk: its path and its parsed frontmatter. */
export interface ContentFile {
  /** Path relative to the project root, forward slashes: `content/01-x/module.svx`. */
  path: string;
  frontmatter: unknown;
}

/** The raw inputs of the course tree. */
export interface ContentInput {
  course: { path: string; data: unknown };
  /** Every `module.svx` and lesson `.svx`; grouped by their folder. */
  files: ContentFile[];
}

const MODULE_FILE = 'module.svx';

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

/**
 * Builds the part → module → lesson tree once: validates every frontmatter, sorts by `order`,
 * numbers the lessons and links them prev/next across the whole course.
 * @throws ContentError naming the file and the field of the first problem found.
 */
export function buildCourseIndex(input: ContentInput): CourseIndex {
  const course = parseContent(CourseMetaSchema, input.course.data, input.course.path);

  const folders = new Map<string, ContentFile[]>();
  for (const file of input.files) {
    const folder = folderOf(file.path);
    folders.set(folder, [...(folders.get(folder) ?? []), file]);
  }

  const modules: ModuleEntry[] = [];
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
      .map((f) => ({ ...parseContent(LessonFrontmatterSchema, f.frontmatter, f.path), file: f.path }));
    if (lessons.length === 0) throw new ContentError(moduleFile.path, null, 'the module has no lessons');
    lessons.forEach((l) => claimId(l.id, l.file));
    assertUniqueOrder(lessons, 'lesson');
    lessons.sort((a, b) => a.order - b.order);

    modules.push({
      ...meta,
      index: 0,
      file: moduleFile.path,
      minutes: lessons.reduce((sum, l) => sum + l.minutes, 0),
      lessons: lessons.map((l, i) => ({ ...l, moduleId: meta.id, index: i + 1, prev: null, next: null })),
    });
  }
  if (modules.length === 0) throw new ContentError('content/', null, 'no modules found');
  assertUniqueOrder(modules, 'module');
  modules.sort((a, b) => a.order - b.order);
  modules.forEach((m, i) => (m.index = i + 1));

  const all: LessonEntry[] = modules.flatMap((m) => m.lessons);
  const ref = (l: LessonEntry | undefined): LessonRef | null => (l ? { id: l.id, moduleId: l.moduleId, title: l.title } : null);
  all.forEach((lesson, i) => {
    lesson.prev = ref(all[i - 1]);
    lesson.next = ref(all[i + 1]);
  });
  return { course, modules };
}

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
