/**
 * What the learner and the manager area exchange: assignments a shift lead hands out, reports learners
 * send back, and the team table built from them. Neutral ground: progress (a learner's accepted
 * assignments) and manager both use it, neither owns it. The valibot schemas in `schema.ts` produce exactly these types.
 */

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

/** What a manager hands out: which modules, by when, and a note. Travels as `#/assign/<payload>`. */
export interface Assignment {
  v: typeof FORMAT_VERSION;
  /** Random short id (see `newAssignmentId`), so reports can be matched to it. */
  id: string;
  /** When it was created, ms since the epoch. */
  createdAt: number;
  /** Due date, inclusive, as a calendar day `YYYY-MM-DD` (no time zone: the day is the day). */
  due: string;
  /** Module ids in the order the manager chose; 1..20, unique. May include `FINAL_ID`. */
  modules: string[];
  /** Free text for the learners, ≤ 500 characters, may span lines. */
  note: string;
  /** The manager's display name as the learner will see it, ≤ 80 characters. */
  manager: string;
  /**
   * The staff the manager expects to do it, by name (≤ `EXPECTED_MAX`, each by the name rule), so the
   * team view can name who has not reported at all. Kept on the manager's tablet only: links never
   * carry it (see `wire.ts`), so learners never see their colleagues' names.
   */
  expected?: string[] | undefined;
}

/** A learner's result in one module (or, without `id`, in the final test). */
export interface ResultEntry {
  status: ModuleStatus;
  /** Best score, whole percent 0..100; 0 when there was no attempt. */
  best: number;
  /** Finished attempts, 0 or more. */
  attempts: number;
  /** When it was first passed (ms since the epoch); null unless `status` is `passed`. */
  completedAt: number | null;
}

/** A learner's result in one module. */
export interface ModuleResult extends ResultEntry {
  id: string;
}

/**
 * What a learner sends back (link, QR code or file). It is checksummed, not signed: the checksum
 * catches a cut-off link or a changed character, but anyone can write a "valid" report by hand.
 */
export interface Report {
  v: typeof FORMAT_VERSION;
  /** The assignment it answers, or null for a report of the whole course on the learner's own. */
  assignmentId: string | null;
  /** The assignment's due date as the learner received it, or null. */
  due: string | null;
  /** The learner's name as typed, trimmed; kept verbatim (it may contain `<`, `&`…: render as text). */
  learner: string;
  /**
   * The learner's profile id on their tablet (kept in backups), so the team view joins reports by
   * person, not by name. Absent in reports from older versions: those are joined by name.
   */
  learnerId?: string | undefined;
  /** When the report was made, ms since the epoch. */
  createdAt: number;
  /** Results per module, 1..20, unique ids. */
  modules: ModuleResult[];
  /** The final test, when the learner has touched it. */
  final?: ResultEntry | undefined;
  /** «Моя цепочка», only when the learner agreed to share it; each answer ≤ 200 characters. */
  reflection?: ReportReflection | undefined;
  /** Spaced reviews taken («Повторение»), oldest first; absent when none. */
  reviews?: ReviewResult[] | undefined;
}

/** The learner's reflection «Моя цепочка» as sent in a report. */
export interface ReportReflection {
  /** Who supplies my work. */
  suppliers: string;
  /** Who are my internal clients. */
  clients: string;
  /** One thing I will do differently. */
  change: string;
}

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
