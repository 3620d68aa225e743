/**
 * The team table's state on the manager's screen: the reports and assignments kept on this device,
 * the chosen assignment filter and sort. The table itself comes from the pure `team.ts`.
 */
import { progressByAssignment } from '$lib/manager/progress-by-assignment.ts';
import { buildTeamTable, filterByAssignment, localDay, personKey, sortRows, type SortKey } from '$lib/manager/team.ts';
import type { Assignment, Report } from '$lib/exchange/types.ts';
import { MODULE_ORDER } from '$lib/manager/module-names.ts';

/** The filter's values: every assignment, reports without one, or one assignment's id. */
export const ALL = '*';
export const NONE = '-';

export class TeamState {
  /** The local calendar day the table counts overdue from. */
  today = $state(localDay(new Date()));
  reports = $state<Report[]>([]);
  assignments = $state<Assignment[]>([]);
  /** `ALL`, `NONE` or an assignment id. */
  filter = $state(ALL);
  sortBy = $state<SortKey>('learner');
  direction = $state<'asc' | 'desc'>('asc');

  /** Every row, unfiltered and in the builder's order. */
  all = $derived(buildTeamTable(this.reports, this.assignments, this.today));

  /** Per assignment: who is done, behind, overdue, and who has not reported (see `progress-by-assignment.ts`). */
  progress = $derived(progressByAssignment(this.all, this.assignments, MODULE_ORDER));

  /** The assignment ids present in the table (null = reports without an assignment). */
  assignmentIds = $derived([...new Set(this.all.map((r) => r.assignmentId))]);

  /** The rows shown: filtered, then sorted. */
  rows = $derived(
    sortRows(filterByAssignment(this.all, this.filter === ALL ? undefined : this.filter === NONE ? null : this.filter), this.sortBy, {
      direction: this.direction,
      moduleOrder: MODULE_ORDER,
    }),
  );

  /** Sorts by a column; the same column again reverses the order. */
  sort(key: SortKey): void {
    if (this.sortBy === key) this.direction = this.direction === 'asc' ? 'desc' : 'asc';
    else [this.sortBy, this.direction] = [key, 'asc'];
  }

  /** The reports of one person (a team-table person key) in one assignment, newest first. */
  reportsOf(key: string, assignmentId: string | null): Report[] {
    return this.reports.filter((r) => r.assignmentId === assignmentId && personKey(r) === key).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The assignment created on this device with that id, if any. */
  assignment(id: string | null): Assignment | undefined {
    return id === null ? undefined : this.assignments.find((a) => a.id === id);
  }
}
