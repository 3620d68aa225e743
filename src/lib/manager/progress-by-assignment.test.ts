import { describe, expect, it } from 'vitest';
import { personState, progressByAssignment, type AssignmentProgress } from './progress-by-assignment.ts';
import { buildTeamTable } from './team.ts';
import { COURSE_MODULES, T0, inProgress, notStarted, passed, sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';
import type { Assignment, Report } from '../exchange/types.ts';

const [M1 = '', M2 = ''] = COURSE_MODULES;
const DAY = 86_400_000;
const assignment = sampleAssignment({ modules: [M1, M2], due: '2025-05-20', expected: ['Анна Котова', 'Иван Смирнов', 'Пётр Волков'] });
const done = (learner: string, learnerId?: string, over: Partial<Report> = {}) => sampleReport({ learner, learnerId, modules: [passed(M1), passed(M2)], ...over });
const started = (learner: string, learnerId?: string, over: Partial<Report> = {}) => sampleReport({ learner, learnerId, modules: [inProgress(M1, 40, 1), notStarted(M2)], ...over });
const idle = (learner: string, learnerId?: string) => sampleReport({ learner, learnerId, modules: [notStarted(M1), notStarted(M2)] });

function view(reports: Report[], assignments: Assignment[] = [assignment], today = '2025-05-15'): AssignmentProgress[] {
  return progressByAssignment(buildTeamTable(reports, assignments, today), assignments, COURSE_MODULES);
}
const only = (reports: Report[], today?: string) => {
  const [first] = view(reports, [assignment], today);
  if (!first) throw new Error('no assignment in the view');
  return first;
};
const states = (p: AssignmentProgress) => Object.fromEntries(p.people.map((x) => [x.name, x.state]));

describe('personState', () => {
  const row = (status: 'passed' | 'in-progress' | 'not-started', reported = true) => ({ status, reported });
  it('is done only when every module is passed', () => {
    expect(personState([row('passed'), row('passed')])).toBe('done');
    expect(personState([row('passed'), row('not-started')])).toBe('in-progress');
  });
  it('is in progress when anything is started, not started when nothing is', () => {
    expect(personState([row('in-progress'), row('not-started')])).toBe('in-progress');
    expect(personState([row('not-started'), row('not-started')])).toBe('not-started');
  });
  it('is not reported when no row came from a report', () => {
    expect(personState([row('not-started', false), row('not-started', false)])).toBe('not-reported');
  });
});

describe('progressByAssignment', () => {
  it('counts done of expected and names who has not reported at all', () => {
    const p = only([done('Анна Котова', 'p-anna'), started('Иван Смирнов', 'p-ivan')]);
    expect(p.counts).toEqual({ total: 3, done: 1, inProgress: 1, notStarted: 1, notReported: 1, overdue: 0 });
    expect(p.missing).toEqual(['Пётр Волков']);
    expect(states(p)).toEqual({ 'Анна Котова': 'done', 'Иван Смирнов': 'in-progress', 'Пётр Волков': 'not-reported' });
  });

  it('tells a report with nothing started from no report at all', () => {
    const p = only([idle('Иван Смирнов', 'p-ivan')]);
    expect(states(p)).toMatchObject({ 'Иван Смирнов': 'not-started', 'Пётр Волков': 'not-reported', 'Анна Котова': 'not-reported' });
    expect(p.counts).toMatchObject({ done: 0, notStarted: 3, notReported: 2 });
  });

  it('marks everyone not done as overdue after the due day, not on it', () => {
    const reports = [done('Анна Котова', 'p-anna'), started('Иван Смирнов', 'p-ivan')];
    expect(only(reports, '2025-05-20').counts.overdue).toBe(0);
    const late = only(reports, '2025-05-21');
    expect(late.counts.overdue).toBe(2);
    expect(late.overdue.map((x) => x.name)).toEqual(['Иван Смирнов', 'Пётр Волков']);
  });

  it('lists modules in the assignment order with every person', () => {
    const p = only([started('Иван Смирнов', 'p-ivan')]);
    expect(p.moduleIds).toEqual([M1, M2]);
    for (const person of p.people) expect(person.modules.map((m) => m.moduleId)).toEqual([M1, M2]);
  });

  it('keeps two people with the same name apart when their profile ids differ', () => {
    const p = only([done('Иван Смирнов', 'p-ivan-1'), started('Иван Смирнов', 'p-ivan-2')]);
    const ivans = p.people.filter((x) => x.name === 'Иван Смирнов');
    expect(ivans.map((x) => x.state).sort()).toEqual(['done', 'in-progress']);
    expect(new Set(ivans.map((x) => x.key)).size).toBe(2);
    // One expected Иван is answered; the other Иван is counted too, so nobody hides.
    expect(p.counts).toMatchObject({ total: 4, done: 1, notReported: 2 });
  });

  it('keeps a renamed learner in one row, under the newest name', () => {
    const before = started('Ваня Смирнов', 'p-ivan', { createdAt: T0 });
    const after = done('Иван Смирнов', 'p-ivan', { createdAt: T0 + DAY });
    const p = only([after, before]);
    const ivan = p.people.filter((x) => x.key === 'id:p-ivan');
    expect(ivan).toHaveLength(1);
    expect(ivan[0]).toMatchObject({ name: 'Иван Смирнов', state: 'done', byName: false, expected: true });
  });

  it('joins an older report without a profile id by name, and says so', () => {
    const p = only([started('иван  смирнов'), done('Иван Смирнов', undefined, { createdAt: T0 + DAY })]);
    const ivan = p.people.filter((x) => x.key === 'name:иван смирнов');
    expect(ivan).toHaveLength(1);
    expect(ivan[0]).toMatchObject({ state: 'done', byName: true, expected: true });
    expect(p.missing).toEqual(['Анна Котова', 'Пётр Волков']);
  });

  it('counts someone who reported without being on the list, marked as not expected', () => {
    const p = only([done('Ольга Белова', 'p-olga')]);
    expect(p.people.find((x) => x.name === 'Ольга Белова')).toMatchObject({ expected: false, state: 'done' });
    expect(p.counts).toMatchObject({ total: 4, done: 1, notReported: 3 });
  });

  it('needs two people for a name listed twice', () => {
    const twice = sampleAssignment({ modules: [M1], expected: ['Иван Смирнов', 'Иван Смирнов'] });
    const [one] = view([done('Иван Смирнов', 'a', { modules: [passed(M1)] })], [twice]);
    expect(one?.counts).toMatchObject({ total: 2, done: 1, notReported: 1 });
    const [two] = view([done('Иван Смирнов', 'a', { modules: [passed(M1)] }), done('Иван Смирнов', 'b', { modules: [passed(M1)] })], [twice]);
    expect(two?.counts).toMatchObject({ total: 2, done: 2, notReported: 0 });
  });

  it('lists an assignment with nobody in it yet, and one without an expected list', () => {
    const empty = sampleAssignment({ id: 'emptyemp01', expected: undefined });
    const [first, second] = view([], [assignment, empty]);
    expect(first?.counts).toMatchObject({ total: 3, notReported: 3 });
    expect(second?.people).toEqual([]);
    const [, withOne] = view([done('Ольга Белова', 'p-olga', { assignmentId: empty.id })], [assignment, empty]);
    expect(withOne?.people[0]).toMatchObject({ expected: true, state: 'in-progress' });
    expect(second?.counts.total).toBe(0);
  });

  it('puts assignments known only from reports after ours, and reports without one last', () => {
    const foreign = sampleReport({ assignmentId: 'foreign001', due: '2025-05-01', learner: 'Анна Котова', learnerId: 'p-anna' });
    const own = sampleReport({ assignmentId: null, due: null, learner: 'Анна Котова', learnerId: 'p-anna' });
    const list = view([own, foreign, done('Анна Котова', 'p-anna')], [assignment], '2025-05-02');
    expect(list.map((p) => p.assignmentId)).toEqual([assignment.id, 'foreign001', null]);
    expect(list[1]).toMatchObject({ due: '2025-05-01', assignment: undefined });
    expect(list[1]?.counts.overdue).toBe(1);
    expect(list[2]?.due).toBeNull();
  });
});
