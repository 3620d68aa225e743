import { describe, expect, it } from 'vitest';
import { activity, attempt, lessonRecord, testCourse } from '../../../tests/lms/test-course.ts';
import type { ActivityRecord } from '$lib/progress/api.ts';
import type { LessonRecord } from '$lib/progress/records.ts';
import { courseSteps, modulesDone, nextStep, type JourneyState } from './next-step.ts';

const index = testCourse();
// Steps of the test course, in order: a1 a2 chain quiz:a b1 quiz:b final.
const ORDER = ['lesson:a1', 'lesson:a2', 'exercise:chain', 'quiz:a', 'lesson:b1', 'quiz:b', 'final:final'];

/** Progress with the given steps done (`lesson:a1`, `exercise:chain`, `quiz:a`, `final:final`). */
function state(...done: string[]): JourneyState {
  const lessons: Record<string, LessonRecord> = {};
  const activities: Record<string, ActivityRecord> = {};
  for (const step of done) {
    const [kind, id] = step.split(':') as [string, string];
    if (kind === 'lesson') lessons[id] = lessonRecord(id);
    else if (kind === 'final') activities['final'] = activity('final', attempt(90, true));
    else activities[`${kind}:${id}`] = activity(`${kind}:${id}`, attempt(kind === 'exercise' ? 50 : 90, true));
  }
  return { lessons, activities };
}
const name = (n: ReturnType<typeof nextStep>) => (n.kind === 'step' ? `${n.step.kind}:${n.step.id}` : n.kind);

describe('nextStep over every prefix of the course path', () => {
  it.each(ORDER.map((_, i) => i))('with the first %i steps done, the next is the step after them', (i) => {
    const next = nextStep(index, state(...ORDER.slice(0, i)));
    expect(name(next)).toBe(ORDER[i]);
    expect(courseSteps(index, state(...ORDER.slice(0, i)))).toEqual({ done: i, total: ORDER.length });
  });

  it('with every step done, the certificate', () => {
    expect(name(nextStep(index, state(...ORDER)))).toBe('certificate');
  });

  it('with all modules passed, the final test — not a passed quiz, not the start', () => {
    const next = nextStep(index, state(...ORDER.slice(0, -1)));
    expect(next).toMatchObject({ kind: 'step', step: { kind: 'final' } });
  });
});

describe('nextStep in every other state', () => {
  it('a failed quiz stays the next step until passed', () => {
    const s = state('lesson:a1', 'lesson:a2', 'exercise:chain');
    s.activities['quiz:a'] = activity('quiz:a', attempt(40, false));
    expect(name(nextStep(index, s))).toBe('quiz:a');
    expect(name(nextStep(index, s, { after: { kind: 'quiz', id: 'a', moduleId: 'a', title: '' } }))).toBe('quiz:a');
  });

  it('a lesson skipped earlier is offered after the rest of the path', () => {
    const s = state('lesson:a2', 'exercise:chain', 'quiz:a', 'lesson:b1', 'quiz:b');
    expect(name(nextStep(index, s))).toBe('lesson:a1');
    expect(name(nextStep(index, s, { after: { kind: 'quiz', id: 'b', moduleId: 'b', title: '' } }))).toBe('final:final');
    expect(name(nextStep(index, state(...ORDER.slice(1))))).toBe('lesson:a1');
  });

  it('after a step, looks forward first, then wraps; the step itself while it is not done', () => {
    const after = { kind: 'lesson' as const, id: 'a2', moduleId: 'a', title: '' };
    expect(name(nextStep(index, state('lesson:a2'), { after }))).toBe('exercise:chain');
    expect(name(nextStep(index, state(), { after }))).toBe('lesson:a2');
    expect(name(nextStep(index, state(...ORDER.slice(1)), { after }))).toBe('lesson:a1');
  });

  it('from a module, the first open step of that module, then what follows it', () => {
    expect(name(nextStep(index, state(), { module: 'b' }))).toBe('lesson:b1');
    expect(name(nextStep(index, state('lesson:b1', 'quiz:b'), { module: 'b' }))).toBe('final:final');
    expect(name(nextStep(index, state(...ORDER.slice(0, 6)), { module: 'b' }))).toBe('final:final');
  });

  it('marks the step that opens an untouched module', () => {
    expect(nextStep(index, state())).toMatchObject({ startsModule: true });
    expect(nextStep(index, state('lesson:a1'))).toMatchObject({ startsModule: false });
    expect(nextStep(index, state(...ORDER.slice(0, 4)))).toMatchObject({ startsModule: true, step: { id: 'b1' } });
  });

  it('offers a due review only once the course is done and the certificate seen', () => {
    expect(name(nextStep(index, state('lesson:a1'), null, { dueReview: 'a', certificateSeen: true }))).toBe('lesson:a2');
    expect(name(nextStep(index, state(...ORDER), null, { dueReview: 'a' }))).toBe('certificate');
    expect(nextStep(index, state(...ORDER), null, { dueReview: 'a', certificateSeen: true })).toEqual({ kind: 'review', moduleId: 'a' });
  });

  it('home goes back to where the learner stopped while that step is open, else by the rule', () => {
    const b1 = { kind: 'lesson' as const, id: 'b1', moduleId: 'b', title: '' };
    const quizA = { kind: 'quiz' as const, id: 'a', moduleId: 'a', title: '' };
    expect(name(nextStep(index, state('lesson:a1'), null, { resume: b1 }))).toBe('lesson:b1');
    expect(name(nextStep(index, state(...ORDER.slice(0, 4), 'lesson:b1'), null, { resume: b1 }))).toBe('quiz:b');
    // A quiz already passed is never offered again (the «Продолжить» to a passed quiz).
    expect(name(nextStep(index, state(...ORDER.slice(0, 6)), null, { resume: quizA }))).toBe('final:final');
  });

  it('an exercise counts as done once worked through, whatever the first score', () => {
    const s = state('lesson:a1', 'lesson:a2');
    s.activities['exercise:chain'] = activity('exercise:chain', attempt(25, false));
    expect(name(nextStep(index, s))).toBe('quiz:a');
  });

  it('a course without a final test ends at the certificate after the last quiz', () => {
    const small = testCourse({ final: false });
    expect(name(nextStep(small, state(...ORDER.slice(0, 6))))).toBe('certificate');
  });
});

describe('modulesDone', () => {
  it('lists the modules whose every step is done, in course order', () => {
    expect(modulesDone(index, state())).toEqual([]);
    expect(modulesDone(index, state(...ORDER.slice(0, 4)))).toEqual(['a']);
    expect(modulesDone(index, state('lesson:b1', 'quiz:b'))).toEqual(['b']);
    expect(modulesDone(index, state(...ORDER))).toEqual(['a', 'b']);
  });
});
