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

/**
 * The report for a learner's lessons and activities. `passMark` (0..100) is the LMS's own pass
 * mark when it gives one: then the course passes when every module is done and the score (the
 * final test's best) reaches it; without one, the course's rules decide (courseCompletion).
 */
export function courseReport(index: CourseIndex, lessons: Lessons, activities: Activities, passMark: number | null = null): CourseReport {
  const modules = index.modules.map((m) => moduleProgress(m, lessons, activities));
  const modulesDone = modules.every((m) => m.status === 'done');
  const final = activities['final'];
  const finalTaken = (final?.attempts.length ?? 0) > 0;
  let { complete } = courseCompletion(index, lessons, activities);

  let score: number | null = null;
  if (index.finalTest) {
    score = finalTaken ? final!.best : null;
  } else {
    const quizBests = modules.map((m) => m.quizBest).filter((b): b is number => b !== null);
    score = quizBests.length ? quizBests.reduce((a, b) => a + b, 0) / quizBests.length : null;
  }
  if (score !== null) score = Math.round(Math.min(100, Math.max(0, score)) * 100) / 100;
  if (passMark !== null && modulesDone && (!index.finalTest || finalTaken)) complete = score === null || score >= passMark;

  const parts = modules.length + (index.finalTest ? 1 : 0);
  const done = modules.reduce((n, m) => n + m.percent / 100, 0) + (index.finalTest && finalTaken ? 1 : 0);
  // Failed: everything done, and the final test (or, with the LMS's pass mark and no final test,
  // the quiz average) short of the mark.
  const failedFinal = modulesDone && (finalTaken || (passMark !== null && !index.finalTest)) && !complete;
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
 * The score goes only with the final status (passed or failed): an LMS that compares a score with
 * its mastery score must never see one while the course is incomplete. With `status` false (a
 * no-credit attempt) neither status nor score is set.
 */
export function cmiValues(version: ScormVersion, snapshot: LmsSnapshot, { status = true } = {}): [string, string][] {
  const { report } = snapshot;
  const finished = report.completion === 'completed' && report.success !== 'failed';
  const final = report.success === 'passed' || report.success === 'failed';
  const score = status && final ? report.score : null;
  const values: [string, string][] = [];
  if (version === '1.2') {
    if (status) values.push(['cmi.core.lesson_status', lessonStatus12(report)]);
    if (score !== null) values.push(['cmi.core.score.raw', String(score)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    const location = fitLocation(snapshot.location, 255);
    if (location) values.push(['cmi.core.lesson_location', location]);
    values.push(['cmi.suspend_data', snapshot.suspendData], ['cmi.core.exit', finished ? '' : 'suspend']);
    return values;
  }
  if (status) values.push(['cmi.completion_status', report.completion], ['cmi.success_status', report.success]);
  if (score !== null) {
    values.push(['cmi.score.scaled', String(Math.round(score * 100) / 10_000)], ['cmi.score.raw', String(score)], ['cmi.score.min', '0'], ['cmi.score.max', '100']);
  }
  if (status) values.push(['cmi.progress_measure', String(report.progress)]);
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
