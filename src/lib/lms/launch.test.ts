import { describe, expect, it } from 'vitest';
import { lmsHasNoStatus, readLaunch, reportsProgress, setsStatus } from './launch.ts';

const from = (values: Record<string, string>) => (element: string) => values[element] ?? '';

describe('readLaunch', () => {
  it('SCORM 1.2: entry, lesson_mode, credit, mastery_score (0..100) and lesson_status', () => {
    expect(
      readLaunch('1.2', from({ 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_mode': 'review', 'cmi.core.credit': 'no-credit', 'cmi.student_data.mastery_score': '85', 'cmi.core.lesson_status': 'not attempted' })),
    ).toEqual({ entry: 'ab-initio', mode: 'review', credit: false, passMark: 85, status: 'not attempted' });
  });

  it('SCORM 2004: entry, mode, credit, scaled_passing_score (−1..1, as 0..100) and completion_status', () => {
    expect(readLaunch('2004', from({ 'cmi.entry': 'resume', 'cmi.mode': 'browse', 'cmi.credit': 'credit', 'cmi.scaled_passing_score': '0.755', 'cmi.completion_status': 'incomplete' }))).toEqual({
      entry: 'resume',
      mode: 'browse',
      credit: true,
      passMark: 75.5,
      status: 'incomplete',
    });
  });

  it('silence means a normal attempt for credit with the course’s own pass mark', () => {
    for (const version of ['1.2', '2004'] as const) {
      expect(readLaunch(version, from({}))).toEqual({ entry: '', mode: 'normal', credit: true, passMark: null, status: '' });
    }
  });

  it('ignores a pass mark out of range or not a number; a negative scaled one is passed by any score', () => {
    expect(readLaunch('1.2', from({ 'cmi.student_data.mastery_score': '101' })).passMark).toBeNull();
    expect(readLaunch('1.2', from({ 'cmi.student_data.mastery_score': 'high' })).passMark).toBeNull();
    expect(readLaunch('1.2', from({ 'cmi.student_data.mastery_score': '0' })).passMark).toBe(0);
    expect(readLaunch('2004', from({ 'cmi.scaled_passing_score': '1.5' })).passMark).toBeNull();
    expect(readLaunch('2004', from({ 'cmi.scaled_passing_score': '-0.5' })).passMark).toBe(0);
    expect(readLaunch('2004', from({ 'cmi.scaled_passing_score': '1' })).passMark).toBe(100);
  });

  it('an unknown entry or mode counts as none / normal', () => {
    const launch = readLaunch('2004', from({ 'cmi.entry': 'later', 'cmi.mode': 'exam' }));
    expect([launch.entry, launch.mode]).toEqual(['', 'normal']);
  });
});

describe('what a launch lets the course do', () => {
  const base = readLaunch('2004', from({}));
  it('normal with credit: everything; no credit: no status; browse or review: nothing', () => {
    expect([reportsProgress(base), setsStatus(base)]).toEqual([true, true]);
    expect([reportsProgress({ ...base, credit: false }), setsStatus({ ...base, credit: false })]).toEqual([true, false]);
    for (const mode of ['browse', 'review'] as const) expect([reportsProgress({ ...base, mode }), setsStatus({ ...base, mode })]).toEqual([false, false]);
  });

  it('the LMS has no status when it says nothing, «not attempted» or «unknown»', () => {
    for (const status of ['', 'not attempted', 'unknown']) expect(lmsHasNoStatus({ ...base, status })).toBe(true);
    for (const status of ['incomplete', 'completed', 'passed', 'failed', 'browsed']) expect(lmsHasNoStatus({ ...base, status })).toBe(false);
  });
});
