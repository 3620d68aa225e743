/**
 * What the learner and the manager area exchange: assignments a shift lead hands out, reports learners
 * send back, and the team table built from them. Neutral ground: progress (a learner's accepted
 * assignments) and manager both use it, neither owns it. Assignments and reports are inferred from
 * the valibot schemas in `schema.ts` (one convention: the schema is the type).
 */
import type * as v from 'valibot';
import type { ModuleResultSchema, ReportSchema, ResultEntrySchema } from './report-schema.ts';
import type { AssignmentSchema } from './schema.ts';

/** Version of the assignment/report format; bumped only when old apps could not read a new payload. */
export const FORMAT_VERSION = 1;

/** Where a learner stands in a module. */
export type ModuleStatus = 'not-started' | 'in-progress' | 'passed';

/**
 * The statuses, weakest first. `passed` means the module's quiz (or the final test) was passed at
 * least once; `in-progress` means something was opened or attempted but nothing passed yet (a failed
 * attempt is `in-progress` with `attempts > 0`); `not-started` means nothing at all.
 */
export const MODULE_STATUSES = ['not-started', 'in-progress', 'passed'] as const satisfies readonly ModuleStatus[];

/** The reserved module id the team table uses for the final test (`Report.final`). */
export const FINAL_ID = 'final';

/**
 * What a manager hands out: which modules, by when, and a note. Travels as `#/assign/<payload>`.
 * - `id`: random short id (see `newAssignmentId`), so reports can be matched to it;
 * - `createdAt`: when it was created, ms since the epoch;
 * - `due`: due date, inclusive, as a calendar day `YYYY-MM-DD` (no time zone: the day is the day);
 * - `modules`: module ids in the order the manager chose; 1..20, unique; may include `FINAL_ID`;
 * - `note`: free text for the learners, ≤ 500 characters, may span lines;
 * - `manager`: the manager's display name as the learner will see it (the one name rule).
 */
export type Assignment = v.InferOutput<typeof AssignmentSchema>;

/**
 * A learner's result in one module (or, without `id`, in the final test): status; best score, whole
 * percent 0..100 (0 with no attempt); finished attempts; when it was first passed (ms since the
 * epoch), null unless the status is `passed`.
 */
export type ResultEntry = v.InferOutput<typeof ResultEntrySchema>;

/** A learner's result in one module. */
export type ModuleResult = v.InferOutput<typeof ModuleResultSchema>;

/**
 * What a learner sends back (link, QR code or file). It is checksummed, not signed: the checksum
 * catches a cut-off link or a changed character, but anyone can write a "valid" report by hand.
 * - `assignmentId`: the assignment it answers, or null for a report of the whole course;
 * - `due`: the assignment's due date as the learner received it, or null;
 * - `learner`: the learner's name (the one name rule); kept verbatim (render as text);
 * - `learnerId`: the learner's profile id, absent in reports made before it was added;
 * - `createdAt`: when the report was made; `modules`: 1..20 results, unique ids; `final`: the final test.
 * - `reflection`: «Моя цепочка», only when the learner agreed to share it.
 * Its identity is assignment + learner + `createdAt` (see identity.ts).
 */
export type Report = v.InferOutput<typeof ReportSchema>;

/** The learner's reflection «Моя цепочка» as sent in a report (suppliers, clients, one change). */
export type ReportReflection = NonNullable<Report['reflection']>;

/** One spaced review taken: of which module, which round (1 = 2 days, 2 = 7, 3 = 21), when, score. */
export interface ReviewResult {
  module: string;
  round: number;
  at: number;
  score: number;
}

/** Payload kinds a link or file can carry. */
export type PayloadKind = 'assignment' | 'report';

/** The value each payload kind carries. */
export interface PayloadOf {
  assignment: Assignment;
  report: Report;
}

/** One cell of the team table: a learner × a module within one assignment. */
export interface TeamRow {
  /** Stable identity of the row: person key, assignment id and module id. */
  key: string;
  /** The learner's name as given in their latest report (or as the assignment expects them). */
  learner: string;
  /** Who the row is about (see `personKey`): `id:<profile id>`, or `name:<normalised name>` for old reports and expected staff. */
  learnerKey: string;
  /** The profile id, or null when the row was joined by name (an older report, or nobody reported). */
  learnerId: string | null;
  /** False for a person the assignment expects who has not reported at all. */
  reported: boolean;
  assignmentId: string | null;
  /** Module id, or `FINAL_ID` for the final test. */
  moduleId: string;
  status: ModuleStatus;
  best: number;
  attempts: number;
  completedAt: number | null;
  /** Due date that applies to this module, or null when it was not assigned with one. */
  due: string | null;
  /** Not passed and the due day is over. */
  overdue: boolean;
  /** When the newest report contributing to this row was made; null when nobody reported. */
  reportedAt: number | null;
}
