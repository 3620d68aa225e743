/**
 * The team view's answer to a shift lead's first question — who has done it, who is behind, who is
 * overdue, who has not reported at all — per assignment, per person. Pure: built from the team
 * table's rows (`buildTeamTable`, which joins reports by person and adds the expected staff who
 * never reported), so the table, this summary and the CSV always agree.
 */
import { learnerKey } from './team.ts';
import type { Assignment, TeamRow } from '../exchange/types.ts';

/**
 * Where one person stands in one assignment: `done` every module passed; `in-progress` something
 * started; `not-started` a report with nothing started; `not-reported` expected, but no report yet.
 */
export type PersonState = 'done' | 'in-progress' | 'not-started' | 'not-reported';

export const PERSON_STATES = ['done', 'in-progress', 'not-started', 'not-reported'] as const satisfies readonly PersonState[];

/** One person in one assignment. */
export interface PersonProgress {
  /** The person's key in the team table (`id:…` or `name:…`): stable across renames when it is an id. */
  key: string;
  /** Their name as in their newest report, or as the assignment expects them. */
  name: string;
  state: PersonState;
  /** Not done and the due day is over. */
  overdue: boolean;
  /** Joined by name: a report from an older version without a profile id. */
  byName: boolean;
  /** The assignment names them, or names nobody (always true for `not-reported`). */
  expected: boolean;
  /** Their rows, one per module, in the assignment's module order. */
  modules: TeamRow[];
  /** When their newest report was made; null when they have not reported. */
  reportedAt: number | null;
}

/** Counts for «done N of M». `notStarted` includes those who have not reported. */
export interface ProgressCounts {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  notReported: number;
  overdue: number;
}

/** One assignment (or the reports made without one) as the team view shows it. */
export interface AssignmentProgress {
  /** The assignment id, or null for reports of the whole course made without one. */
  assignmentId: string | null;
  /** The assignment when it was created on this device. */
  assignment: Assignment | undefined;
  /** Its due day, when known. */
  due: string | null;
  /** The module ids, in the assignment's order (or course order when it is not on this device). */
  moduleIds: string[];
  /** Everyone in it, in the table's name order. */
  people: PersonProgress[];
  counts: ProgressCounts;
  /** Names of the expected people who have not reported at all. */
  missing: string[];
  /** The people who are overdue, for the reminder list. */
  overdue: PersonProgress[];
}

/** How one person's module rows add up. */
export function personState(modules: readonly Pick<TeamRow, 'status' | 'reported'>[]): PersonState {
  if (modules.length > 0 && modules.every((m) => !m.reported)) return 'not-reported';
  if (modules.length > 0 && modules.every((m) => m.status === 'passed')) return 'done';
  if (modules.every((m) => m.status === 'not-started')) return 'not-started';
  return 'in-progress';
}

function countOf(people: readonly PersonProgress[]): ProgressCounts {
  const is = (s: PersonState) => people.filter((p) => p.state === s).length;
  return {
    total: people.length,
    done: is('done'),
    inProgress: is('in-progress'),
    notStarted: is('not-started') + is('not-reported'),
    notReported: is('not-reported'),
    overdue: people.filter((p) => p.overdue).length,
  };
}

const orderBy = (order: readonly string[]) => (a: string, b: string) => {
  const [x, y] = [order.indexOf(a), order.indexOf(b)];
  return (x < 0 ? order.length : x) - (y < 0 ? order.length : y) || (a < b ? -1 : a > b ? 1 : 0);
};

/**
 * Groups the team table by assignment, then by person.
 * @param rows the team table (`buildTeamTable`), in its name order.
 * @param assignments the assignments created on this device, newest first; each is listed even with
 *   nobody in it yet, then assignments only known from reports, then reports without an assignment.
 * @param moduleOrder module ids in course order, for assignments not on this device.
 */
export function progressByAssignment(rows: readonly TeamRow[], assignments: readonly Assignment[], moduleOrder: readonly string[] = []): AssignmentProgress[] {
  const byAssignment = new Map<string | null, TeamRow[]>(assignments.map((a) => [a.id, []]));
  for (const row of rows) {
    const list = byAssignment.get(row.assignmentId);
    if (list) list.push(row);
    else byAssignment.set(row.assignmentId, [row]);
  }
  const known = new Map(assignments.map((a) => [a.id, a]));
  const ids = [...byAssignment.keys()];
  // Known assignments first (as given), then unknown ones, and «without an assignment» last.
  ids.sort((a, b) => rankOf(a) - rankOf(b));
  function rankOf(id: string | null): number {
    if (id === null) return Number.MAX_SAFE_INTEGER;
    const at = assignments.findIndex((a) => a.id === id);
    return at >= 0 ? at : assignments.length + ids.indexOf(id);
  }

  return ids.map((assignmentId) => {
    const assignment = assignmentId === null ? undefined : known.get(assignmentId);
    const own = byAssignment.get(assignmentId) ?? [];
    const moduleIds = assignment ? [...assignment.modules] : [...new Set(own.map((r) => r.moduleId))].sort(orderBy(moduleOrder));
    const expected = new Set((assignment?.expected ?? []).map(learnerKey));
    const byPerson = new Map<string, TeamRow[]>();
    for (const row of own) {
      const key = row.learnerKey;
      byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
    }
    const people = [...byPerson.entries()].map(([key, list]): PersonProgress => {
      const modules = [...list].sort((a, b) => orderBy(moduleIds)(a.moduleId, b.moduleId));
      const first = modules[0]!;
      const state = personState(modules);
      const reportedAt = Math.max(...modules.map((m) => m.reportedAt ?? -1));
      return {
        key,
        name: first.learner,
        state,
        overdue: state !== 'done' && modules.some((m) => m.overdue),
        byName: first.reported && first.learnerId === null,
        // Without a list everyone who reported counts as expected; with one, only the names on it.
        expected: !first.reported || expected.size === 0 || expected.has(learnerKey(first.learner)),
        modules,
        reportedAt: reportedAt >= 0 ? reportedAt : null,
      };
    });
    return {
      assignmentId,
      assignment,
      due: assignment?.due ?? own.find((r) => r.due !== null)?.due ?? null,
      moduleIds,
      people,
      counts: countOf(people),
      missing: people.filter((p) => p.state === 'not-reported').map((p) => p.name),
      overdue: people.filter((p) => p.overdue),
    };
  });
}
