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
  file: string;
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
  /** Exercises in file-name order, then the module quiz if there is one. */
  activities: ActivityEntry[];
}

/** Everything the app knows about the course before any lesson text is loaded. */
export interface CourseIndex {
  course: CourseMeta;
  modules: ModuleEntry[];
  /** `content/final-test.json`, when the course has a final test. */
  finalTest: { file: string; minutes: number } | null;
  /** The whole course path in order: every lesson, exercise, quiz and the final test. */
  steps: StepRef[];
}
