import { describe, expect, it } from 'vitest';
import type { CourseIndex, ModuleEntry } from '../course/types.ts';
import type { ActivityRecord, AttemptRecord } from '../progress/api.ts';
import type { LessonRecord } from '../progress/records.ts';
import { decode, encode } from './codec.ts';
import { byId, reportFromProgress, reportName, reportsOfLearner } from './report-from-progress.ts';
import { sampleAssignment, T0 } from '../../../tests/fixtures/manager.ts';

const module = (id: string, lessons: string[], exercises: string[] = [], quiz = true): ModuleEntry => ({
  id,
  title: id,
  order: 0,
  index: 0,
  minutes: 1,
  lessons: lessons.map((l, i) => ({ id: l, moduleId: id, title: l, order: i, minutes: 1, index: i + 1 })),
  activities: [
    ...exercises.map((e) => ({ kind: 'exercise' as const, id: e, moduleId: id, title: e, minutes: 1, type: 'chain' })),
    ...(quiz ? [{ kind: 'quiz' as const, id, moduleId: id, title: id, minutes: 1, type: 'quiz' }] : []),
  ],
});

const index: CourseIndex = {
  course: { title: 'Сильное звено', passMark: 0.8 },
  modules: [module('alpha', ['a1', 'a2'], ['chain']), module('beta', ['b1']), module('gamma', ['g1'], [], false)],
  finalTest: { minutes: 5 },
  steps: [],
};

const read = (id: string, at = T0): LessonRecord => ({ lessonId: id, firstVisitedAt: at, lastVisitedAt: at, finishedAt: at });
const opened = (id: string): LessonRecord => ({ ...read(id), finishedAt: null });
const attempt = (score: number, finishedAt: number, passed = score >= 80): AttemptRecord => ({ id: `x${finishedAt}`, startedAt: finishedAt - 60_000, finishedAt, score, passed, mistakes: [] });
const activity = (key: string, attempts: AttemptRecord[], draft: unknown = null): ActivityRecord => ({
  key,
  attempts,
  best: Math.max(0, ...attempts.map((a) => a.score)),
  passed: attempts.some((a) => a.passed),
  draft,
  updatedAt: T0,
});

const NOW = T0 + 86_400_000;
const build = (lessons: LessonRecord[], activities: ActivityRecord[], assignment = sampleAssignment({ modules: ['alpha', 'beta'] })) =>
  reportFromProgress({ index, learner: 'Иван Смирнов', learnerId: '00000000-0000-4000-8000-0000000001fa', ...byId({ lessons, activities }), assignment, now: NOW });

describe('reportFromProgress', () => {
  it('reports a learner who has done nothing as not started in every assigned module', () => {
    const report = build([], []);
    expect(report).toEqual({
      v: 1,
      assignmentId: 'k7m2q9x4ab',
      due: '2025-05-20',
      learner: 'Иван Смирнов',
      learnerId: '00000000-0000-4000-8000-0000000001fa',
      createdAt: NOW,
      modules: [
        { id: 'alpha', status: 'not-started', best: 0, attempts: 0, completedAt: null },
        { id: 'beta', status: 'not-started', best: 0, attempts: 0, completedAt: null },
      ],
    });
  });

  it('says passed only when the module is done, dated by the first passing attempt', () => {
    const quiz = activity('quiz:alpha', [attempt(60, T0 + 1000), attempt(85, T0 + 2000), attempt(100, T0 + 3000)]);
    const report = build([read('a1'), read('a2')], [activity('exercise:chain', [attempt(100, T0 + 500)]), quiz]);
    expect(report.modules[0]).toEqual({ id: 'alpha', status: 'passed', best: 100, attempts: 3, completedAt: T0 + 2000 });
  });

  it('keeps a passed quiz in progress while a lesson is unread, with its score and attempts', () => {
    const quiz = activity('quiz:alpha', [attempt(90, T0 + 2000)]);
    const report = build([read('a1'), opened('a2')], [activity('exercise:chain', [attempt(100, T0)]), quiz]);
    expect(report.modules[0]).toEqual({ id: 'alpha', status: 'in-progress', best: 90, attempts: 1, completedAt: null });
  });

  it('counts failed attempts: in progress, best score, no completion', () => {
    const report = build([read('b1')], [activity('quiz:beta', [attempt(40, T0), attempt(70, T0 + 1)])]);
    expect(report.modules[1]).toEqual({ id: 'beta', status: 'in-progress', best: 70, attempts: 2, completedAt: null });
  });

  it('treats a quiz opened but not finished (a draft) as in progress with no attempts', () => {
    const report = build([], [activity('quiz:beta', [], { answers: [1] })]);
    expect(report.modules[1]).toEqual({ id: 'beta', status: 'in-progress', best: 0, attempts: 0, completedAt: null });
  });

  it('rounds scores to whole percent', () => {
    const report = build([read('b1')], [activity('quiz:beta', [attempt(66.6, T0)])]);
    expect(report.modules[1]?.best).toBe(67);
  });

  it('dates a module without a quiz by its last lesson read', () => {
    const report = build([read('g1', T0 + 5000)], [], sampleAssignment({ modules: ['gamma'] }));
    expect(report.modules).toEqual([{ id: 'gamma', status: 'passed', best: 0, attempts: 0, completedAt: T0 + 5000 }]);
  });

  it('reports a module this course does not know as not started', () => {
    const report = build([], [], sampleAssignment({ modules: ['alpha', 'from-a-newer-course'] }));
    expect(report.modules.map((m) => [m.id, m.status])).toEqual([
      ['alpha', 'not-started'],
      ['from-a-newer-course', 'not-started'],
    ]);
  });

  it('adds the final test when assigned, and every module when only the final test is', () => {
    const final = activity('final', [attempt(50, T0), attempt(95, T0 + 9)]);
    const report = build([], [final], sampleAssignment({ modules: ['final'] }));
    expect(report.modules.map((m) => m.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(report.final).toEqual({ status: 'passed', best: 95, attempts: 2, completedAt: T0 + 9 });
  });

  it('reports an assigned final test nobody opened as not started', () => {
    const report = build([], [], sampleAssignment({ modules: ['alpha', 'final'] }));
    expect(report.final).toEqual({ status: 'not-started', best: 0, attempts: 0, completedAt: null });
  });

  it('without an assignment: every module, and the final test only once touched', () => {
    const none = reportFromProgress({ index, learner: 'Анна', learnerId: 'p-anna', lessons: {}, activities: {}, assignment: null, now: NOW });
    expect(none.assignmentId).toBeNull();
    expect(none.due).toBeNull();
    expect(none.modules.map((m) => m.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(none).not.toHaveProperty('final');
    const touched = reportFromProgress({ index, learner: 'Анна', learnerId: 'p-anna', lessons: {}, activities: { final: activity('final', [attempt(40, T0)]) }, assignment: null, now: NOW });
    expect(touched.final).toEqual({ status: 'in-progress', best: 40, attempts: 1, completedAt: null });
  });

  it('always makes a report the codec accepts, and it survives the round trip', () => {
    const quiz = activity('quiz:alpha', [attempt(85, T0 + 2000)]);
    const report = build([read('a1'), read('a2')], [activity('exercise:chain', [attempt(100, T0)]), quiz, activity('quiz:beta', [attempt(10, T0)])]);
    const encoded = encode('report', report);
    expect(encoded.ok).toBe(true);
    if (encoded.ok) expect(decode(encoded.text, 'report')).toEqual({ ok: true, kind: 'report', value: report });
  });

  it('keeps a name with markup verbatim, drops characters a report may not carry', () => {
    expect(reportName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(reportName('Иван\u202EСмирнов\n')).toBe('Иван Смирнов');
    expect(reportName('\u0007')).toBe('?');
    expect(reportName('Я'.repeat(200))).toHaveLength(80);
    // The one name rule: zero-width and other invisible-only names, and a lone surrogate.
    expect(reportName('\u200B\u200C\u2060\uFEFF')).toBe('?');
    expect(reportName('\u3164')).toBe('?');
    expect(reportName('Ив\u200Bан\uD800')).toBe('Ив ан');
    expect(reportName('👩‍🍳'.repeat(100))).toBe('👩‍🍳'.repeat(64));
    const report = reportFromProgress({ index, learner: 'Ив\u2066ан', learnerId: '00000000-0000-4000-8000-0000000001fa', lessons: {}, activities: {}, assignment: null, now: NOW });
    expect(encode('report', report).ok).toBe(true);
  });
});

describe('reportsOfLearner', () => {
  const base = { index, learner: 'Вера', learnerId: '00000000-0000-4000-8000-0000000002fb', lessons: [read('b1')], activities: [activity('quiz:beta', [attempt(90, T0)])], now: NOW };

  it('makes one report per accepted assignment', () => {
    const reports = reportsOfLearner({ ...base, assignments: [sampleAssignment({ id: 'first00000', modules: ['beta'] }), sampleAssignment({ id: 'second0000', modules: ['alpha'] })] });
    expect(reports.map((r) => [r.assignmentId, r.modules.map((m) => `${m.id}:${m.status}`)])).toEqual([
      ['first00000', ['beta:passed']],
      ['second0000', ['alpha:not-started']],
    ]);
  });

  it('makes one whole-course report for a learner without assignments', () => {
    const [report, ...rest] = reportsOfLearner({ ...base, assignments: [] });
    expect(rest).toEqual([]);
    expect(report?.assignmentId).toBeNull();
    expect(report?.modules.map((m) => m.status)).toEqual(['not-started', 'passed', 'not-started']);
  });
});

describe('spaced reviews in the report', () => {
  it('lists the reviews taken of the modules reported, oldest first, and they survive the link', () => {
    const lessons = { a1: read('a1'), a2: read('a2') };
    const activities = {
      'quiz:alpha': activity('quiz:alpha', [attempt(100, T0 + 1000)]),
      'review:alpha:2': activity('review:alpha:2', [attempt(67, T0 + 9_000_000, false)]),
      'review:alpha:1': activity('review:alpha:1', [attempt(100, T0 + 5_000_000)]),
      'review:gone:1': activity('review:gone:1', [attempt(100, T0 + 6_000_000)]),
    };
    const report = reportFromProgress({ index, learner: 'Анна', learnerId: null, lessons, activities, assignment: null, now: T0 + 10_000_000 });
    expect(report.reviews).toEqual([
      { module: 'alpha', round: 1, at: T0 + 5_000_000, score: 100 },
      { module: 'alpha', round: 2, at: T0 + 9_000_000, score: 67 },
    ]);
    const link = encode('report', report);
    expect(link.ok && decode(link.text)).toEqual({ ok: true, kind: 'report', value: report });
  });

  it('has no reviews field when none was taken', () => {
    const report = reportFromProgress({ index, learner: 'Анна', learnerId: null, lessons: {}, activities: {}, assignment: null, now: T0 });
    expect('reviews' in report).toBe(false);
  });
});
