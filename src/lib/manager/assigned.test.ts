import { describe, expect, it } from 'vitest';
import type { CourseIndex, ModuleEntry } from '../course/types.ts';
import type { ActivityRecord } from '../progress/api.ts';
import { assignedViews } from './assigned.ts';
import { sampleAssignment, T0 } from '../../../tests/fixtures/manager.ts';

const module = (id: string, title: string): ModuleEntry => ({
  id,
  title,
  order: 0,
  index: 0,
  minutes: 1,
  lessons: [{ id: `${id}-1`, moduleId: id, title: 'x', order: 0, minutes: 1, index: 1 }],
  activities: [],
});
const index: CourseIndex = {
  course: { title: '', passMark: 0.8 },
  modules: [module('alpha', 'Альфа'), module('beta', 'Бета')],
  finalTest: null,
  steps: [],
};
const read = (id: string) => ({ lessonId: id, firstVisitedAt: T0, lastVisitedAt: T0, finishedAt: T0 });
const final = (passed: boolean): ActivityRecord => ({ key: 'final', attempts: [{ id: 'a', startedAt: T0, finishedAt: T0, score: passed ? 90 : 10, passed, mistakes: [] }], best: passed ? 90 : 10, passed, draft: null, updatedAt: T0 });
const accepted = (over = {}) => ({ assignment: sampleAssignment({ modules: ['alpha', 'beta', 'final'], due: '2025-05-20', ...over }), acceptedAt: T0 });

describe('assignedViews', () => {
  it('shows each assigned module with its title and status', () => {
    const [view] = assignedViews([accepted()], index, { 'alpha-1': read('alpha-1') }, { final: final(false) }, '2025-05-19');
    expect(view?.modules).toEqual([
      { id: 'alpha', title: 'Альфа', status: 'done', overdue: false },
      { id: 'beta', title: 'Бета', status: 'not-started', overdue: false },
      { id: 'final', title: null, status: 'in-progress', overdue: false },
    ]);
    expect(view?.done).toBe(false);
    expect(view?.overdue).toBe(false);
  });

  it('is not overdue on the due day itself, overdue the day after, except what is done', () => {
    const lessons = { 'alpha-1': read('alpha-1') };
    expect(assignedViews([accepted()], index, lessons, {}, '2025-05-20')[0]?.overdue).toBe(false);
    const [late] = assignedViews([accepted()], index, lessons, {}, '2025-05-21');
    expect(late?.modules.map((m) => m.overdue)).toEqual([false, true, true]);
    expect(late?.overdue).toBe(true);
  });

  it('says done when everything is, and nothing is late then', () => {
    const [view] = assignedViews([accepted()], index, { 'alpha-1': read('alpha-1'), 'beta-1': read('beta-1') }, { final: final(true) }, '2030-01-01');
    expect(view?.done).toBe(true);
    expect(view?.overdue).toBe(false);
  });

  it('shows a module unknown to this course without a title, not started', () => {
    const [view] = assignedViews([accepted({ modules: ['newer-module'] })], index, {}, {}, '2025-01-01');
    expect(view?.modules).toEqual([{ id: 'newer-module', title: null, status: 'not-started', overdue: false }]);
  });

  it('puts the soonest due first', () => {
    const views = assignedViews([accepted({ id: 'later00000', due: '2025-06-01' }), accepted({ id: 'sooner0000', due: '2025-05-01' })], index, {}, {}, '2025-01-01');
    expect(views.map((v) => v.assignment.id)).toEqual(['sooner0000', 'later00000']);
  });
});
