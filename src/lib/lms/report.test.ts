import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '$lib/progress/api.ts';
import type { LessonRecord } from '$lib/progress/records.ts';
import { cmiValues, courseReport, lessonStatus12, sessionTimeValue, type CourseReport } from './report.ts';
import { activity, attempt, lessonRecord, testCourse } from '../../../tests/lms/test-course.ts';

const index = testCourse();
const noFinal = testCourse({ final: false });

const lessonsOf = (...records: LessonRecord[]) => Object.fromEntries(records.map((l) => [l.lessonId, l]));
const activitiesOf = (...records: ActivityRecord[]) => Object.fromEntries(records.map((a) => [a.key, a]));

/** Everything of both modules done: lessons read, the exercise tried, both quizzes passed. */
const allLessons = lessonsOf(lessonRecord('a1'), lessonRecord('a2'), lessonRecord('b1'));
const modulesDone = [activity('exercise:chain', attempt(40, false)), activity('quiz:a', attempt(50, false), attempt(90, true)), activity('quiz:b', attempt(80, true))];

describe('courseReport', () => {
  it('a learner who has just started: incomplete, no score, a little progress', () => {
    expect(courseReport(index, lessonsOf(lessonRecord('a1')), {})).toEqual({ completion: 'incomplete', success: 'unknown', score: null, progress: 0.08 });
    expect(courseReport(index, {}, {})).toEqual({ completion: 'incomplete', success: 'unknown', score: null, progress: 0 });
  });

  it('modules done but the final test not taken: still incomplete, no score yet', () => {
    const report = courseReport(index, allLessons, activitiesOf(...modulesDone));
    expect(report).toEqual({ completion: 'incomplete', success: 'unknown', score: null, progress: 0.66 });
  });

  it('the final test failed after everything else: completed and failed, with its score', () => {
    const report = courseReport(index, allLessons, activitiesOf(...modulesDone, activity('final', attempt(60, false))));
    expect(report).toEqual({ completion: 'completed', success: 'failed', score: 60, progress: 1 });
  });

  it('the final test passed: completed and passed; the score is the final test’s best', () => {
    const final = activity('final', attempt(70, false), attempt(100, true), attempt(85, true));
    expect(courseReport(index, allLessons, activitiesOf(...modulesDone, final))).toEqual({ completion: 'completed', success: 'passed', score: 100, progress: 1 });
  });

  it('a final test passed while a module is unfinished is not completion (the home screen agrees)', () => {
    const report = courseReport(index, allLessons, activitiesOf(modulesDone[0]!, modulesDone[1]!, activity('final', attempt(90, true))));
    expect(report.completion).toBe('incomplete');
    expect(report.success).toBe('unknown');
    expect(report.score).toBe(90);
  });

  it('with no final test: the score is the average best of the quizzes taken, passed when every module is done', () => {
    expect(courseReport(noFinal, {}, activitiesOf(activity('quiz:a', attempt(50, false), attempt(75, false)))).score).toBe(75);
    expect(courseReport(noFinal, allLessons, activitiesOf(...modulesDone))).toEqual({ completion: 'completed', success: 'passed', score: 85, progress: 1 });
  });
});

describe('courseReport with the LMS’s pass mark', () => {
  const final = (score: number, passed: boolean) => activity('final', attempt(score, passed));

  it('decides the pass once every module is done and the final test was taken', () => {
    // Passed by the course (80) but short of the LMS's 90: failed.
    expect(courseReport(index, allLessons, activitiesOf(...modulesDone, final(85, true)), 90)).toMatchObject({ completion: 'completed', success: 'failed', score: 85 });
    // Failed by the course but over the LMS's 70: passed.
    expect(courseReport(index, allLessons, activitiesOf(...modulesDone, final(75, false)), 70)).toMatchObject({ completion: 'completed', success: 'passed', score: 75, progress: 1 });
    expect(courseReport(index, allLessons, activitiesOf(...modulesDone, final(90, true)), 90)).toMatchObject({ success: 'passed' });
  });

  it('never passes before the modules are done or the final test is taken', () => {
    expect(courseReport(index, allLessons, activitiesOf(modulesDone[0]!, final(100, true)), 50)).toMatchObject({ completion: 'incomplete', success: 'unknown' });
    expect(courseReport(index, allLessons, activitiesOf(...modulesDone), 0)).toMatchObject({ completion: 'incomplete', success: 'unknown' });
  });

  it('with no final test, the quiz average meets the mark or fails it', () => {
    expect(courseReport(noFinal, allLessons, activitiesOf(...modulesDone), 90)).toMatchObject({ completion: 'completed', success: 'failed', score: 85 });
    expect(courseReport(noFinal, allLessons, activitiesOf(...modulesDone), 85)).toMatchObject({ completion: 'completed', success: 'passed', score: 85 });
  });
});

describe('cmiValues', () => {
  const passed: CourseReport = { completion: 'completed', success: 'passed', score: 87.5, progress: 1 };
  const started: CourseReport = { completion: 'incomplete', success: 'unknown', score: null, progress: 0.25 };
  const failed: CourseReport = { completion: 'completed', success: 'failed', score: 60, progress: 1 };

  it('SCORM 1.2: lesson status, score 0..100, location, suspend data, and exit suspend while not finished', () => {
    expect(cmiValues('1.2', { report: started, location: '#/lesson/a2', suspendData: 'sz1:x' })).toEqual([
      ['cmi.core.lesson_status', 'incomplete'],
      ['cmi.core.lesson_location', '#/lesson/a2'],
      ['cmi.suspend_data', 'sz1:x'],
      ['cmi.core.exit', 'suspend'],
    ]);
    expect(cmiValues('1.2', { report: passed, location: '#/final', suspendData: 'sz1:y' })).toEqual([
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.score.raw', '87.5'],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.lesson_location', '#/final'],
      ['cmi.suspend_data', 'sz1:y'],
      ['cmi.core.exit', ''],
    ]);
  });

  it('SCORM 1.2 lesson_status: passed, failed, completed (no score at all), incomplete', () => {
    expect(lessonStatus12(passed)).toBe('passed');
    expect(lessonStatus12(failed)).toBe('failed');
    expect(lessonStatus12({ ...passed, score: null })).toBe('completed');
    expect(lessonStatus12(started)).toBe('incomplete');
    // A failed final can still be retried: the LMS keeps the resume data.
    expect(cmiValues('1.2', { report: failed, location: null, suspendData: '' })).toContainEqual(['cmi.core.exit', 'suspend']);
  });

  it('SCORM 2004: completion and success apart, scaled score, progress measure, location, exit', () => {
    expect(cmiValues('2004', { report: passed, location: '#/final', suspendData: 'sz1:y' })).toEqual([
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'passed'],
      ['cmi.score.scaled', '0.875'],
      ['cmi.score.raw', '87.5'],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.progress_measure', '1'],
      ['cmi.location', '#/final'],
      ['cmi.suspend_data', 'sz1:y'],
      ['cmi.exit', 'normal'],
    ]);
    expect(cmiValues('2004', { report: started, location: null, suspendData: '' })).toEqual([
      ['cmi.completion_status', 'incomplete'],
      ['cmi.success_status', 'unknown'],
      ['cmi.progress_measure', '0.25'],
      ['cmi.suspend_data', ''],
      ['cmi.exit', 'suspend'],
    ]);
    expect(cmiValues('2004', { report: failed, location: null, suspendData: '' }).slice(0, 3)).toEqual([
      ['cmi.completion_status', 'completed'],
      ['cmi.success_status', 'failed'],
      ['cmi.score.scaled', '0.6'],
    ]);
  });

  it('keeps the location within the element: 255 characters in 1.2, 1000 in 2004 (the query goes first)', () => {
    const long = `#/lesson/a1?p=${'x'.repeat(300)}`;
    const location = (version: '1.2' | '2004', value: string) => cmiValues(version, { report: started, location: value, suspendData: '' }).find(([k]) => k.endsWith('location'))?.[1];
    expect(location('1.2', long)).toBe('#/lesson/a1');
    expect(location('2004', long)).toBe(long);
    expect(location('1.2', `#/lesson/${'y'.repeat(300)}`)).toBeUndefined();
  });

  it('never sends a score with an incomplete status (an LMS would compare it with its mastery score)', () => {
    const midway: CourseReport = { completion: 'incomplete', success: 'unknown', score: 100, progress: 0.5 };
    for (const version of ['1.2', '2004'] as const) {
      const values = cmiValues(version, { report: midway, location: null, suspendData: 'sz1:x' });
      expect(values.filter(([k]) => k.includes('score'))).toEqual([]);
      expect(values[0]).toEqual([version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete']);
    }
  });

  it('no credit: neither status nor score, only the place, resume data and exit', () => {
    expect(cmiValues('1.2', { report: passed, location: '#/final', suspendData: 'sz1:y' }, { status: false }).map(([k]) => k)).toEqual(['cmi.core.lesson_location', 'cmi.suspend_data', 'cmi.core.exit']);
    expect(cmiValues('2004', { report: failed, location: null, suspendData: 'sz1:y' }, { status: false }).map(([k]) => k)).toEqual(['cmi.suspend_data', 'cmi.exit']);
  });

  it('session time in each version’s format', () => {
    expect(sessionTimeValue('1.2', 3_725_500)).toEqual(['cmi.core.session_time', '0001:02:05.50']);
    expect(sessionTimeValue('2004', 3_725_500)).toEqual(['cmi.session_time', 'PT1H2M5.5S']);
  });
});
