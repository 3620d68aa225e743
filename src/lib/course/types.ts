/**
 * The course's domain types, shared by the content build, the screens and the tests. The app's
 * index (`CourseIndex`) holds what every screen needs to find its way; the authored course
 * (`AuthoredCourse`, what the build reads) adds each file's path and the words only one screen
 * shows, which travel with that screen instead: a lesson's objectives in its own chunk (its
 * frontmatter); the course's subtitle and objectives, and each module's summary and objectives,
 * with home and the module screen (`virtual:course-about`).
 */

/** Course-wide facts from `content/course.json`, as the app's index keeps them. */
export interface CourseMeta {
  title: string;
  /** Share of points needed to pass a quiz, 0..1. */
  passMark: number;
}

/** What a module is about: its home card and its screen show it. */
export interface ModuleAbout {
  objectives: string[];
  /** Short authored description shown on the home card. */
  summary: string;
}

/** The course's and its modules' descriptions, shown on home and the module screens only. */
export interface CourseAbout {
  subtitle: string;
  /** What the learner will be able to do after the course. */
  objectives: string[];
  /** Keyed by module id. */
  modules: Record<string, ModuleAbout>;
}

/** A lesson as the index knows it: metadata only, the text (and its objectives) is loaded on demand. */
export interface LessonEntry {
  id: string;
  moduleId: string;
  title: string;
  order: number;
  minutes: number;
  /** 1-based position inside its module. */
  index: number;
}

/** Where an authored piece of content lives: its path relative to the project root. */
interface FromFile {
  /** e.g. `content/01-…/02-….svx`. */
  file: string;
}

/** A lesson as authored, with the steps around it (the app finds them in `steps`: `neighbours`). */
export interface AuthoredLesson extends LessonEntry, FromFile {
  objectives: string[];
  prev: StepRef | null;
  next: StepRef | null;
}

/** What a step of the course path is. */
export type StepKind = 'lesson' | 'exercise' | 'quiz' | 'final';

/**
 * One step on the course path (lessons, then the module's exercises, then its quiz; the final
 * test last). Enough to draw a link to it: see `stepHref` in course.ts.
 */
export interface StepRef {
  kind: StepKind;
  /** Lesson id, exercise id, module id (for a module quiz) or 'final'. */
  id: string;
  /** The module it belongs to; null for the final test. */
  moduleId: string | null;
  /** Lesson or exercise title; for a quiz, the module's title. */
  title: string;
}

/** An exercise or quiz of a module, read from `content/NN-module/exercise-*.json` or `quiz.json`. */
export interface ActivityEntry {
  kind: 'exercise' | 'quiz';
  /** Exercise id, or the module id for the module quiz. */
  id: string;
  moduleId: string;
  title: string;
  minutes: number;
  /** Exercise type (chain, simulator, promptness…); 'quiz' for quizzes. */
  type: string;
}

/** An exercise or quiz as authored. */
export interface AuthoredActivity extends ActivityEntry, FromFile {}

/** A module with its lessons in order. */
export interface ModuleEntry {
  id: string;
  title: string;
  order: number;
  /** 1-based position inside the course. */
  index: number;
  /** Sum of the lessons' minutes. */
  minutes: number;
  lessons: LessonEntry[];
  /** Exercises in file-name order, then the module quiz if there is one. */
  activities: ActivityEntry[];
}

/** A module as authored. */
export interface AuthoredModule extends Omit<ModuleEntry, 'lessons' | 'activities'>, ModuleAbout, FromFile {
  lessons: AuthoredLesson[];
  activities: AuthoredActivity[];
}

/** Everything the app knows about the course before any lesson text is loaded. */
export interface CourseIndex {
  course: CourseMeta;
  modules: ModuleEntry[];
  /** The final test, when the course has one. */
  finalTest: { minutes: number } | null;
  /** The whole course path in order: every lesson, exercise, quiz and the final test. */
  steps: StepRef[];
}

/** The course as the build reads it from `content/`. */
export interface AuthoredCourse extends Omit<CourseIndex, 'course' | 'modules' | 'finalTest'> {
  course: CourseMeta & Omit<CourseAbout, 'modules'>;
  modules: AuthoredModule[];
  /** `content/final-test.json`, when the course has a final test. */
  finalTest: ({ minutes: number } & FromFile) | null;
}
