/**
 * What the learner's home shows about assignments: each accepted assignment with its modules,
 * their status as home shows it, and what is overdue. Pure: the caller passes today.
 */
import type { CourseIndex } from '../course/types.ts';
import type { ActivityRecord } from '../progress/api.ts';
import type { AcceptedAssignment, LessonRecord } from '../progress/records.ts';
import { moduleProgress, type ModuleStatus } from '../progress/status.ts';
import { isOverdue } from './team.ts';
import { FINAL_ID, type Assignment } from '../exchange/types.ts';

/** One assigned module (or the final test, id `FINAL_ID`) as the learner sees it. */
export interface AssignedModule {
  id: string;
  /** Its title in this course, or null when this version of the course has no such module. */
  title: string | null;
  status: ModuleStatus;
  overdue: boolean;
}

/** One accepted assignment as the learner sees it. */
export interface AssignedView {
  assignment: Assignment;
  acceptedAt: number;
  modules: AssignedModule[];
  /** Every assigned module done. */
  done: boolean;
  /** Some assigned module is overdue. */
  overdue: boolean;
}

type Lessons = Record<string, LessonRecord | undefined>;
type Activities = Record<string, ActivityRecord | undefined>;

function statusOf(id: string, index: CourseIndex, lessons: Lessons, activities: Activities): { title: string | null; status: ModuleStatus } {
  if (id === FINAL_ID) {
    const final = activities[FINAL_ID];
    return { title: null, status: final?.passed ? 'done' : final ? 'in-progress' : 'not-started' };
  }
  const module = index.modules.find((m) => m.id === id);
  return module ? { title: module.title, status: moduleProgress(module, lessons, activities).status } : { title: null, status: 'not-started' };
}

/**
 * The learner's assignments, soonest due first (then the earliest accepted).
 * @param today the local calendar day `YYYY-MM-DD` (see `localDay`).
 */
export function assignedViews(accepted: readonly AcceptedAssignment[], index: CourseIndex, lessons: Lessons, activities: Activities, today: string): AssignedView[] {
  return accepted
    .map(({ assignment, acceptedAt }) => {
      const modules = assignment.modules.map((id) => {
        const { title, status } = statusOf(id, index, lessons, activities);
        return { id, title, status, overdue: isOverdue(status === 'done' ? 'passed' : status, assignment.due, today) };
      });
      return { assignment, acceptedAt, modules, done: modules.every((m) => m.status === 'done'), overdue: modules.some((m) => m.overdue) };
    })
    .sort((a, b) => a.assignment.due.localeCompare(b.assignment.due) || a.acceptedAt - b.acceptedAt);
}
