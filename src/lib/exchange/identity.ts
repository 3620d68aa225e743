/**
 * Identities of reports and assignments that cannot collide by accident or by forgery. A report is
 * the report of one learner (their profile id, or for reports made before reports carried one, their
 * name) for one assignment (or the whole course), made at one moment. Two reports with the same
 * identity are the same report only when their content is the same; otherwise both are kept, and
 * neither replaces the other. An assignment is recognised by its id AND its content: a forged
 * assignment that reuses a real id is a different assignment. Pure.
 */
import { learnerKey } from '../manager/team.ts';
import type { Assignment, Report } from './types.ts';

/** Where imported reports live in the store. */
export const REPORTS_PREFIX = 'manager/report/';

/** JSON with object keys sorted at every level: equal values give equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((x) => canonicalJson(x ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when two values hold the same data (key order and `undefined` fields aside). */
export const sameContent = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Key-safe hex of a text (64-bit FNV-1a): only a short, stable name for a key part, never a proof. */
function keyHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** Who a report is from: the learner's profile id, or (older reports) their normalised name. */
export function reportLearner(report: Report): string {
  return report.learnerId ? `id:${report.learnerId}` : `name:${learnerKey(report.learner)}`;
}

/** The identity of a report, readable: assignment + learner + moment. */
export function reportIdentity(report: Report): string {
  return `${report.assignmentId ?? '-'}|${reportLearner(report)}|${report.createdAt}`;
}

/**
 * The store key stem of a report. Every part is key-safe: an assignment id is `[0-9a-z]`, a
 * profile id has no `/` (checked by the schema), a name is hashed, a moment is digits.
 */
export function reportKeyStem(report: Report): string {
  const learner = report.learnerId ? `id-${report.learnerId}` : `name-${keyHash(learnerKey(report.learner))}`;
  return `${REPORTS_PREFIX}${report.assignmentId ?? '-'}/${learner}/${report.createdAt}`;
}

/** Where an imported report goes, or that it is already here. */
export type ReportPlacement = { kind: 'duplicate'; key: string } | { kind: 'new'; key: string };

/**
 * Decides where a report is kept, given what is stored under its key stem (the stem itself and
 * `stem~2`, `stem~3`…). The same content already stored: a duplicate, nothing changes. Otherwise
 * the first free key: nothing stored is ever replaced, whoever made the colliding report.
 */
export function placeReport(report: Report, stored: readonly { key: string; report: Report }[]): ReportPlacement {
  const stem = reportKeyStem(report);
  // The same content anywhere (also under a key of an earlier build) is the same report.
  const same = stored.find((s) => sameContent(s.report, report));
  const mine = stored.filter((s) => s.key === stem || s.key.startsWith(`${stem}~`));
  if (same) return { kind: 'duplicate', key: same.key };
  const taken = new Set(mine.map((s) => s.key));
  if (!taken.has(stem)) return { kind: 'new', key: stem };
  let n = 2;
  while (taken.has(`${stem}~${n}`)) n++;
  return { kind: 'new', key: `${stem}~${n}` };
}

/** How a batch of reports went in: how many were new, and how many were already here. */
export interface ReportImportTally {
  added: number;
  duplicates: number;
}

/**
 * Places a batch of reports against what is stored (pure): each report's placement, with reports of
 * the same batch seeing each other (the same report twice in one paste is one report).
 */
export function placeReports(reports: readonly Report[], stored: readonly { key: string; report: Report }[]): { placements: ReportPlacement[]; tally: ReportImportTally } {
  const seen = [...stored];
  const placements: ReportPlacement[] = [];
  const tally: ReportImportTally = { added: 0, duplicates: 0 };
  for (const report of reports) {
    const placement = placeReport(report, seen);
    placements.push(placement);
    if (placement.kind === 'new') {
      tally.added++;
      seen.push({ key: placement.key, report });
    } else tally.duplicates++;
  }
  return { placements, tally };
}

/** How an incoming assignment relates to one already accepted under its id. */
export type AssignmentMatch = 'new' | 'same' | 'conflict';

/**
 * `same` only when the content is the same: a different assignment reusing an accepted one's id is
 * a `conflict` (it is neither accepted nor does it make the real one look accepted).
 */
export function matchAssignment(accepted: Assignment | undefined, incoming: Assignment): AssignmentMatch {
  if (!accepted) return 'new';
  return sameContent(accepted, incoming) ? 'same' : 'conflict';
}

/** True when `incoming` is exactly an assignment among `accepted` (same id and same content). */
export const isAccepted = (accepted: Readonly<Record<string, { assignment: Assignment } | undefined>>, incoming: Assignment): boolean =>
  matchAssignment(accepted[incoming.id]?.assignment, incoming) === 'same';
