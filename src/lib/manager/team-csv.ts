/**
 * The team table's CSV columns. Every word comes from the caller (i18n), so this module stays
 * language-free; dates default to `YYYY-MM-DD HH:MM`, which Excel reads as a date in any locale.
 */
import type { CsvColumn } from './csv.ts';
import { localDay } from './team.ts';
import type { ModuleStatus, TeamRow } from '../exchange/types.ts';

/** The columns of the export, in file order. */
export const TEAM_CSV_FIELDS = ['learner', 'assignment', 'module', 'status', 'best', 'attempts', 'completedAt', 'due', 'overdue'] as const;
export type TeamCsvField = (typeof TEAM_CSV_FIELDS)[number];

/** The words and formats of the export, supplied by the caller in the interface language. */
export interface TeamCsvText {
  /** Header of each column, e.g. `{ learner: 'Сотрудник', best: 'Лучший результат, %', … }`. */
  headers: Record<TeamCsvField, string>;
  /** Status words, e.g. `{ passed: 'Пройден', … }`. */
  status: Record<ModuleStatus, string>;
  /** The status of an expected person who has not reported at all, e.g. «Нет отчёта». */
  notReported: string;
  /** Shown in the overdue column: `{ yes: 'да', no: '' }`. */
  overdue: { yes: string; no: string };
  /** Module title for a module id (the final test's id is `FINAL_ID`); the id itself by default. */
  moduleTitle?: (id: string) => string;
  /** How an assignment is named; its id by default, empty without one. */
  assignmentName?: (id: string | null) => string;
  /** How a completion time is written; local `YYYY-MM-DD HH:MM` by default. */
  formatTime?: (ms: number) => string;
}

const defaultTime = (ms: number) => {
  const d = new Date(ms);
  return `${localDay(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** Columns for `toCsv(rows, teamCsvColumns(text))`. */
export function teamCsvColumns(text: TeamCsvText): CsvColumn<TeamRow>[] {
  const moduleTitle = text.moduleTitle ?? ((id) => id);
  const assignmentName = text.assignmentName ?? ((id) => id ?? '');
  const formatTime = text.formatTime ?? defaultTime;
  const cell: Record<TeamCsvField, CsvColumn<TeamRow>['value']> = {
    learner: (r) => r.learner,
    assignment: (r) => assignmentName(r.assignmentId),
    module: (r) => moduleTitle(r.moduleId),
    status: (r) => (r.reported ? text.status[r.status] : text.notReported),
    best: (r) => r.best,
    attempts: (r) => r.attempts,
    completedAt: (r) => (r.completedAt === null ? null : formatTime(r.completedAt)),
    due: (r) => r.due,
    overdue: (r) => (r.overdue ? text.overdue.yes : text.overdue.no),
  };
  return TEAM_CSV_FIELDS.map((field) => ({ header: text.headers[field], value: cell[field] }));
}
