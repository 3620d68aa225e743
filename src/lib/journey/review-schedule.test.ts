import { describe, expect, it } from 'vitest';
import { activity, attempt, lessonRecord, testCourse } from '../../../tests/lms/test-course.ts';
import type { AttemptRecord } from '$lib/progress/api.ts';
import type { JourneyState } from './next-step.ts';
import { pickReviewQuestions } from './review-questions.ts';
import { moduleDoneAt, nextReviewAt, parseReviewKey, reviewKey, reviewsDue, reviewsTaken } from './review-schedule.ts';

const index = testCourse();
const DAY = 24 * 60 * 60 * 1000;

/** Module a done: its quiz first passed at `quizAt` (the last of its steps). */
function moduleADone(): { state: JourneyState; doneAt: number } {
  const quiz = activity('quiz:a', attempt(40, false, 10), attempt(90, true, 20));
  const state: JourneyState = {
    lessons: { a1: lessonRecord('a1'), a2: lessonRecord('a2') },
    activities: { 'exercise:chain': activity('exercise:chain', attempt(50, false, 5)), 'quiz:a': quiz },
  };
  return { state, doneAt: quiz.attempts[1]!.finishedAt };
}
const took = (state: JourneyState, round: number, at: number) => {
  const a: AttemptRecord = { id: `r${round}`, startedAt: at, finishedAt: at, score: 100, passed: true, mistakes: [] };
  state.activities[reviewKey('a', round)] = activity(reviewKey('a', round), a);
};

describe('review schedule', () => {
  it('a module not done has no review', () => {
    const { state } = moduleADone();
    state.lessons['a2'] = lessonRecord('a2', false);
    expect(moduleDoneAt(index.modules[0]!, state)).toBeNull();
    expect(reviewsDue(index, state, Date.now() + 100 * DAY)).toEqual([]);
  });

  it('the module is done when its quiz was first passed', () => {
    const { state, doneAt } = moduleADone();
    expect(moduleDoneAt(index.modules[0]!, state)).toBe(doneAt);
  });

  it('nothing is due before two days; round 1 at two days', () => {
    const { state, doneAt } = moduleADone();
    expect(reviewsDue(index, state, doneAt + 2 * DAY - 1)).toEqual([]);
    expect(reviewsDue(index, state, doneAt + 2 * DAY)).toEqual([{ moduleId: 'a', round: 1, dueAt: doneAt + 2 * DAY }]);
    expect(nextReviewAt(index, state, doneAt)).toBe(doneAt + 2 * DAY);
  });

  it('a taken round is not offered again; the next falls due at 7 and then 21 days', () => {
    const { state, doneAt } = moduleADone();
    took(state, 1, doneAt + 2 * DAY);
    expect(reviewsDue(index, state, doneAt + 6 * DAY)).toEqual([]);
    expect(nextReviewAt(index, state, doneAt + 3 * DAY)).toBe(doneAt + 7 * DAY);
    expect(reviewsDue(index, state, doneAt + 7 * DAY)).toMatchObject([{ round: 2 }]);
    took(state, 2, doneAt + 7 * DAY);
    expect(reviewsDue(index, state, doneAt + 20 * DAY)).toEqual([]);
    expect(reviewsDue(index, state, doneAt + 21 * DAY)).toMatchObject([{ round: 3 }]);
    took(state, 3, doneAt + 21 * DAY);
    expect(reviewsDue(index, state, doneAt + 400 * DAY)).toEqual([]);
    expect(nextReviewAt(index, state, doneAt + 22 * DAY)).toBeNull();
  });

  it('after a long absence only the latest round is offered, and taking it covers the earlier ones', () => {
    const { state, doneAt } = moduleADone();
    expect(reviewsDue(index, state, doneAt + 30 * DAY)).toMatchObject([{ round: 3 }]);
    took(state, 3, doneAt + 30 * DAY);
    expect(reviewsDue(index, state, doneAt + 31 * DAY)).toEqual([]);
  });

  it('reviews of several modules come oldest first', () => {
    const { state, doneAt } = moduleADone();
    state.lessons['b1'] = lessonRecord('b1', true, 0);
    state.activities['quiz:b'] = activity('quiz:b', attempt(100, true, 5));
    const due = reviewsDue(index, state, doneAt + 3 * DAY);
    expect(due.map((d) => d.moduleId)).toEqual(['b', 'a']);
  });

  it('keys round-trip; other keys are not reviews', () => {
    expect(parseReviewKey(reviewKey('01-a', 2))).toEqual({ moduleId: '01-a', round: 2 });
    expect(parseReviewKey('quiz:a')).toBeNull();
    expect(parseReviewKey('review:a:x')).toBeNull();
  });

  it('lists reviews taken for the report', () => {
    const { state, doneAt } = moduleADone();
    took(state, 1, doneAt + 2 * DAY);
    expect(reviewsTaken(state.activities)).toEqual([{ moduleId: 'a', round: 1, at: doneAt + 2 * DAY, score: 100 }]);
  });
});

describe('pickReviewQuestions', () => {
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => ({ id }));
  const quiz = (...mistakes: string[][]) =>
    activity('quiz:a', ...mistakes.map((m, i): AttemptRecord => ({ id: `a${i}`, startedAt: i, finishedAt: i + 1, score: 50, passed: i > 0, mistakes: m })));

  it('puts the questions first answered wrong first', () => {
    for (let seed = 1; seed < 20; seed++) {
      const picked = pickReviewQuestions(questions, quiz(['q5', 'q2'], ['q4']), seed).map((q) => q.id);
      expect(picked).toHaveLength(3);
      expect(new Set(picked.slice(0, 2))).toEqual(new Set(['q5', 'q2']));
      expect(picked[2]).toBe('q4');
    }
  });

  it('never repeats a question and is stable for a seed', () => {
    const a = pickReviewQuestions(questions, undefined, 7).map((q) => q.id);
    expect(new Set(a).size).toBe(3);
    expect(pickReviewQuestions(questions, undefined, 7).map((q) => q.id)).toEqual(a);
    const seen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) pickReviewQuestions(questions, undefined, seed).forEach((q) => seen.add(q.id));
    expect(seen.size).toBe(6);
  });

  it('gives what there is when the module has fewer questions', () => {
    expect(pickReviewQuestions(questions.slice(0, 2), undefined, 1)).toHaveLength(2);
  });
});
