/**
 * The manager's team table: imported reports folded into one row per learner × assignment × module.
 * Pure: the caller passes today's date, so the same reports always give the same table.
 */
import { FINAL_ID, MODULE_STATUSES, type Assignment, type ModuleStatus, type Report, type ResultEntry, type TeamRow } from '../exchange/types.ts';

/**
 * A name normalised for comparison: the same name typed on two devices may differ in case,
 * spacing, «ё»/«е», full-width letters or invisible characters. Used to match reports from older
 * versions (which carry no profile id) and the staff an assignment expects.
 */
export function learnerKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е');
}

/** Today (or any moment) as the local calendar day `YYYY-MM-DD`, for `today` below. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Overdue: not passed and the due day is over; the due day itself is not overdue. */
export function isOverdue(status: ModuleStatus, due: string | null, today: string): boolean {
  return status !== 'passed' && due !== null && today > due;
}

/**
 * Who a report is from: its profile id when it carries one (two people with the same name stay
 * two; a renamed learner keeps their row), otherwise the normalised name (older reports).
 */
export function personKey(report: Pick<Report, 'learner' | 'learnerId'>): string {
  return report.learnerId !== undefined ? `id:${report.learnerId}` : `name:${learnerKey(report.learner)}`;
}

const rank = (s: ModuleStatus) => MODULE_STATUSES.indexOf(s);
const NOT_STARTED: ResultEntry = { status: 'not-started', best: 0, attempts: 0, completedAt: null };

/** Combines two reports of the same thing: best status and score, most attempts, earliest pass. */
function merge(a: ResultEntry, b: ResultEntry): ResultEntry {
  const times = [a.completedAt, b.completedAt].filter((t): t is number => t !== null);
  return {
    status: rank(b.status) > rank(a.status) ? b.status : a.status,
    best: Math.max(a.best, b.best),
    attempts: Math.max(a.attempts, b.attempts),
    completedAt: times.length ? Math.min(...times) : null,
  };
}

/** What one report says, module by module: reported results, the final test, and assigned modules it left out. */
function entriesOf(report: Report, assignment: Assignment | undefined): [string, ResultEntry][] {
  const entries: [string, ResultEntry][] = report.modules.map(({ id, ...result }) => [id, result]);
  if (report.final) entries.push([FINAL_ID, report.final]);
  for (const id of assignment?.modules ?? []) if (!entries.some(([m]) => m === id)) entries.push([id, NOT_STARTED]);
  return entries;
}

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

/**
 * Builds the team table from reports (in any order, duplicates welcome), joined by person (see
 * `personKey`): a row shows the name from that person's newest report.
 * @param assignments the manager's own assignments; they supply due dates, the modules a report
 *   left out (shown as not started), and the expected staff: each expected name nobody with that
 *   name has answered gets not-started rows with `reported: false`. A report for an unknown
 *   assignment uses the due date it carries.
 * @param today the local calendar day `YYYY-MM-DD` (see `localDay`).
 * @returns rows ordered by learner name (Russian collation), then in assignment/report module order.
 */
export function buildTeamTable(reports: readonly Report[], assignments: readonly Assignment[], today: string): TeamRow[] {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const rows = new Map<string, TeamRow>();
  const newestFirst = [...reports].sort((a, b) => b.createdAt - a.createdAt);
  for (const report of newestFirst) {
    const assignment = report.assignmentId === null ? undefined : byId.get(report.assignmentId);
    const person = personKey(report);
    for (const [moduleId, result] of entriesOf(report, assignment)) {
      const key = JSON.stringify([person, report.assignmentId, moduleId]);
      const seen = rows.get(key);
      if (seen) {
        Object.assign(seen, merge(seen, result));
        continue;
      }
      const due = assignment ? (assignment.modules.includes(moduleId) ? assignment.due : null) : report.due;
      rows.set(key, {
        key,
        learner: report.learner,
        learnerKey: person,
        learnerId: report.learnerId ?? null,
        reported: true,
        assignmentId: report.assignmentId,
        moduleId,
        ...result,
        due,
        overdue: false,
        reportedAt: report.createdAt,
      });
    }
  }
  for (const assignment of assignments) {
    const seen = new Map<string, number>();
    for (const name of missingStaff(assignment, rows.values())) {
      // The same name listed twice is two people: each gets their own key.
      const n = (seen.get(learnerKey(name)) ?? 0) + 1;
      seen.set(learnerKey(name), n);
      const person = `expected:${n}:${learnerKey(name)}`;
      for (const moduleId of assignment.modules) {
        const key = JSON.stringify(['expected', person, assignment.id, moduleId]);
        rows.set(key, { key, learner: name, learnerKey: person, learnerId: null, reported: false, assignmentId: assignment.id, moduleId, ...NOT_STARTED, due: assignment.due, overdue: false, reportedAt: null });
      }
    }
  }
  const table = [...rows.values()].map((row) => ({ ...row, overdue: isOverdue(row.status, row.due, today) }));
  return table.sort((a, b) => collator.compare(a.learner, b.learner));
}

/**
 * The names an assignment expects that no report answers. Each report's person answers at most one
 * expected entry with their (normalised) name, so a name listed twice needs two people.
 */
export function missingStaff(assignment: Assignment, rows: Iterable<Pick<TeamRow, 'assignmentId' | 'learnerKey' | 'learner' | 'reported'>>): string[] {
  const answered = new Map<string, number>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.assignmentId !== assignment.id || !row.reported || seen.has(row.learnerKey)) continue;
    seen.add(row.learnerKey);
    const name = learnerKey(row.learner);
    answered.set(name, (answered.get(name) ?? 0) + 1);
  }
  return (assignment.expected ?? []).filter((name) => {
    const key = learnerKey(name);
    const left = answered.get(key) ?? 0;
    if (left > 0) answered.set(key, left - 1);
    return left === 0;
  });
}

/** Columns the table can be sorted by. */
export type SortKey = 'learner' | 'assignment' | 'module' | 'status' | 'best' | 'attempts' | 'completedAt' | 'due' | 'overdue' | 'reportedAt';

/** Options of `sortRows`. */
export interface SortOptions {
  direction?: 'asc' | 'desc';
  /** Module ids in course order; modules sort by it (unknown ones after, by id). */
  moduleOrder?: readonly string[];
}

type Key = string | number | null;

function sortValue(row: TeamRow, by: SortKey, moduleOrder: readonly string[]): Key {
  switch (by) {
    case 'learner': return row.learner;
    case 'assignment': return row.assignmentId;
    case 'module': {
      const at = moduleOrder.indexOf(row.moduleId);
      return at >= 0 ? at : moduleOrder.length + 0.5;
    }
    case 'status': return rank(row.status);
    case 'overdue': return row.overdue ? 1 : 0;
    default: return row[by];
  }
}

/**
 * A sorted copy of the rows. Stable (equal rows keep their order, so sorting by status after name
 * gives names within each status); text uses Russian collation; empty values go last either way.
 */
export function sortRows(rows: readonly TeamRow[], by: SortKey, options: SortOptions = {}): TeamRow[] {
  const sign = options.direction === 'desc' ? -1 : 1;
  const order = options.moduleOrder ?? [];
  return [...rows].sort((a, b) => {
    const [x, y] = [sortValue(a, by, order), sortValue(b, by, order)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    let c = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : Number(x) - Number(y);
    if (c === 0 && by === 'module') c = collator.compare(a.moduleId, b.moduleId);
    return sign * c;
  });
}

/**
 * Rows of one assignment; `null` selects reports made without an assignment, `undefined` keeps all.
 */
export function filterByAssignment(rows: readonly TeamRow[], assignmentId: string | null | undefined): TeamRow[] {
  return assignmentId === undefined ? [...rows] : rows.filter((r) => r.assignmentId === assignmentId);
}

/** The assignment ids present in the table, for the filter's choices (null = without an assignment). */
export function assignmentIdsOf(rows: readonly TeamRow[]): (string | null)[] {
  return [...new Set(rows.map((r) => r.assignmentId))];
}
