/**
 * What the course tells the LMS, decided by the same rules the learner sees on the home screen
 * (status.ts), then spelled in each version's data model. Pure.
 */
import type { CourseIndex } from '$lib/course/types.ts';
import type { ActivityRecord } from '$lib/progress/api.ts';
import type { LessonRecord } from '$lib/progress/records.ts';
import { courseCompletion, moduleProgress } from '$lib/progress/status.ts';
import type { ScormVersion } from './package-meta.ts';
import { iso8601Duration, scorm12Time } from './time.ts';

/** The course's standing, independent of the SCORM version. */
export interface CourseReport {
  /** Completed once every module is done and the final test was taken (passed or not). */
  completion: 'completed' | 'incomplete';
  /** Passed when the course is complete; failed when only a failed final test stands in the way. */
  success: 'passed' | 'failed' | 'unknown';
  /** 0..100: the final test's best, or (no final test) the average best of the module quizzes taken. */
  score: number | null;
  /** 0..1: share of the modules' steps done, with the final test as one more step. */
  progress: number;
}

type Lessons = Record<string, LessonRecord | undefined>;
type Activities = Record<string, ActivityRecord | undefined>;

/** The report for a learner's lessons and activities. */
export function courseReport(index: CourseIndex, lessons: Lessons, activities: Activities): CourseReport {
  const modules = index.modules.map((m) => moduleProgress(m, lessons, activities));
  const modulesDone = modules.every((m) => m.status === 'done');
  const final = activities['final'];
  const finalTaken = (final?.attempts.length ?? 0) > 0;
  const { complete } = courseCompletion(index, lessons, activities);

  let score: number | null = null;
  if (index.finalTest) {
    score = finalTaken ? final!.best : null;
  } else {
    const quizBests = modules.map((m) => m.quizBest).filter((b): b is number => b !== null);
    score = quizBests.length ? quizBests.reduce((a, b) => a + b, 0) / quizBests.length : null;
  }
  if (score !== null) score = Math.round(Math.min(100, Math.max(0, score)) * 100) / 100;

  const parts = modules.length + (index.finalTest ? 1 : 0);
  const done = modules.reduce((n, m) => n + m.percent / 100, 0) + (index.finalTest && finalTaken ? 1 : 0);
  const failedFinal = modulesDone && finalTaken && !complete;
  return {
    completion: complete || failedFinal ? 'completed' : 'incomplete',
    success: complete ? 'passed' : failedFinal ? 'failed' : 'unknown',
    score,
    progress: complete ? 1 : parts ? Math.min(1, Math.floor((done / parts) * 100) / 100) : 0,
  };
}

/** Everything one report to the LMS carries. */
export interface LmsSnapshot {
  report: CourseReport;
  /** The hash route to come back to, e.g. `#/lesson/kto-obsluzhivaet`. */
  location: string | null;
  suspendData: string;
}

/** SCORM 1.2 `cmi.core.lesson_status` for a report. */
export function lessonStatus12(report: CourseReport): 'passed' | 'failed' | 'completed' | 'incomplete' {
  if (report.success === 'passed') return report.score === null ? 'completed' : 'passed';
  if (report.success === 'failed') return 'failed';
  return 'incomplete';
}

/** Fits a location into the element's size: the query goes first, then the whole value. */
function fitLocation(location: string | null, max: number): string | null {
  if (!location) return null;
  if (location.length <= max) return location;
  const path = location.split('?')[0]!;
  return path.length <= max ? path : null;
}

/**
 * The data-model elements and values of a report, in the order they are set. `exit` is
 * `suspend` while the course is not finished, so the LMS resumes with the suspend data next time.
 */
export function cmiValues(version: ScormVersion, snapshot: LmsSnapshot): [string, string][] {
  const { report } = snapshot;
  const finished = report.completion === 'completed' && report.success !== 'failed';
  const values: [string, string][] = [];
  if (version === '1.2') {
    values.push(['cmi.core.lesson_status', lessonStatus12(report)]);
    if (report.score !== null) values.push(['cmi.core.score.raw', String(report.score)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    const location = fitLocation(snapshot.location, 255);
    if (location) values.push(['cmi.core.lesson_location', location]);
    values.push(['cmi.suspend_data', snapshot.suspendData], ['cmi.core.exit', finished ? '' : 'suspend']);
    return values;
  }
  values.push(['cmi.completion_status', report.completion], ['cmi.success_status', report.success]);
  if (report.score !== null) {
    values.push(['cmi.score.scaled', String(Math.round(report.score * 100) / 10_000)], ['cmi.score.raw', String(report.score)], ['cmi.score.min', '0'], ['cmi.score.max', '100']);
  }
  values.push(['cmi.progress_measure', String(report.progress)]);
  const location = fitLocation(snapshot.location, 1000);
  if (location) values.push(['cmi.location', location]);
  values.push(['cmi.suspend_data', snapshot.suspendData], ['cmi.exit', finished ? 'normal' : 'suspend']);
  return values;
}

/** The session-time element and its value for a session of `ms` milliseconds. */
export function sessionTimeValue(version: ScormVersion, ms: number): [string, string] {
  return version === '1.2' ? ['cmi.core.session_time', scorm12Time(ms)] : ['cmi.session_time', iso8601Duration(ms)];
}

/** Where each version keeps the learner's id and name, the suspend data and the location. */
export const LEARNER_ELEMENTS = {
  '1.2': { id: 'cmi.core.student_id', name: 'cmi.core.student_name', suspendData: 'cmi.suspend_data', location: 'cmi.core.lesson_location' },
  '2004': { id: 'cmi.learner_id', name: 'cmi.learner_name', suspendData: 'cmi.suspend_data', location: 'cmi.location' },
} as const;
