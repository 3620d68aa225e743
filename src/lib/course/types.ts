/** The course's domain types, shared by the content build, the screens and the tests. */

/** Course-wide facts from `content/course.json`. */
export interface CourseMeta {
  title: string;
  subtitle: string;
  /** What the learner will be able to do after the course. */
  objectives: string[];
  /** Share of points needed to pass a quiz, 0..1. */
  passMark: number;
}

/** A lesson as the index knows it: metadata only, the text is loaded on demand. */
export interface LessonEntry {
  id: string;
  moduleId: string;
  title: string;
  order: number;
  minutes: number;
  objectives: string[];
  /** 1-based position inside its module. */
  index: number;
  /** Path of the .svx file relative to the project root, e.g. `content/01-…/02-….svx`. */
  file: string;
  prev: LessonRef | null;
  next: LessonRef | null;
}

/** Enough to draw a link to a lesson. */
export interface LessonRef {
  id: string;
  moduleId: string;
  title: string;
}

/** A module with its lessons in order. */
export interface ModuleEntry {
  id: string;
  title: string;
  order: number;
  /** 1-based position inside the course. */
  index: number;
  objectives: string[];
  /** Short authored description shown on the home card. */
  summary: string;
  /** Sum of the lessons' minutes. */
  minutes: number;
  file: string;
  lessons: LessonEntry[];
}

/** Everything the app knows about the course before any lesson text is loaded. */
export interface CourseIndex {
  course: CourseMeta;
  modules: ModuleEntry[];
}
