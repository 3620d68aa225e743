/**
 * The manager area's pure core: assignment and report links (`codec`), the one schema they pass
 * (`schema`, `report-schema`), the team table (`team`) and its CSV export (`csv`, `team-csv`). No Svelte, no DOM:
 * screens build on it and tests run it in Node.
 */
export { FILE_LIMIT, LINK_LIMIT, ROUTE, decode, encode, fitsLink, linkTo } from './codec.ts';
export type { DecodeError, DecodeFailure, DecodeResult, Decoded, EncodeResult } from './codec.ts';
export { AssignmentSchema, NAME_MAX, NOTE_MAX, MODULES_MAX, describeIssues, isIsoDay, newAssignmentId } from '../exchange/schema.ts';
export { ModuleResultSchema, ReportSchema, ResultEntrySchema } from '../exchange/report-schema.ts';
export { BOM, SEPARATOR, csvBytes, csvCell, toCsv } from './csv.ts';
export type { CsvColumn, CsvValue } from './csv.ts';
export { assignmentIdsOf, buildTeamTable, filterByAssignment, isOverdue, learnerKey, localDay, sortRows } from './team.ts';
export type { SortKey, SortOptions } from './team.ts';
export { TEAM_CSV_FIELDS, teamCsvColumns } from './team-csv.ts';
export type { TeamCsvField, TeamCsvText } from './team-csv.ts';
export { FINAL_ID, FORMAT_VERSION, MODULE_STATUSES } from '../exchange/types.ts';
export type { Assignment, ModuleResult, ModuleStatus, PayloadKind, PayloadOf, Report, ResultEntry, TeamRow } from '../exchange/types.ts';
