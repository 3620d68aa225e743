/**
 * The compact field layout inside a link: positional JSON arrays instead of objects and status
 * codes instead of words, so an assignment with a long Russian note still fits a QR code.
 * Unpacking only restores field names; `schema.ts` judges the values, so a hostile array gets the
 * same verdict as a hostile object.
 *
 *   assignment: [id, createdAt, due, modules, note, manager]
 *               (never the expected staff: the manager keeps that list on their tablet, so colleagues'
 *               names do not travel to every learner and the link stays short enough for a QR code)
 *   report:     [assignmentId, due, learner, createdAt, [[id, status, best, attempts, completedAt]…], final?, reflection?, learnerId?]
 *               (optional slots that are followed by a filled one hold null; trailing empty slots are left off)
 *   final:      [status, best, attempts, completedAt]
 *   reflection: [suppliers, clients, change]  («Моя цепочка», only when the learner agreed to share it)
 *   reviews:    [[module, round, at, score]…]  (spaced reviews taken, after learnerId)
 *   status:     0 not-started, 1 in-progress, 2 passed
 */
import { FORMAT_VERSION, MODULE_STATUSES, type Assignment, type ModuleStatus, type PayloadKind, type Report, type ResultEntry } from '../exchange/types.ts';

type Wire = unknown[];

const statusCode = (s: ModuleStatus): number => MODULE_STATUSES.indexOf(s);
/** Unknown codes pass through unchanged, so the schema names them as a bad status. */
const statusOf = (code: unknown): unknown => (typeof code === 'number' && Number.isInteger(code) ? (MODULE_STATUSES[code] ?? code) : code);

const packResult = (r: ResultEntry): Wire => [statusCode(r.status), r.best, r.attempts, r.completedAt];

function unpackResult(w: unknown): unknown {
  if (!Array.isArray(w) || w.length !== 4) return w;
  return { status: statusOf(w[0]), best: w[1], attempts: w[2], completedAt: w[3] };
}

/** An assignment or report in the compact layout (values already validated). */
export function pack(kind: PayloadKind, value: Assignment | Report): Wire {
  if (kind === 'assignment') {
    const a = value as Assignment;
    return [a.id, a.createdAt, a.due, a.modules, a.note, a.manager];
  }
  const r = value as Report;
  const modules = r.modules.map((m) => [m.id, ...packResult(m)]);
  const wire: Wire = [r.assignmentId, r.due, r.learner, r.createdAt, modules];
  const reviews = r.reviews?.length ? r.reviews.map((x) => [x.module, x.round, x.at, x.score]) : null;
  const extras: Wire = [r.final ? packResult(r.final) : null, r.reflection ? [r.reflection.suppliers, r.reflection.clients, r.reflection.change] : null, r.learnerId ?? null, reviews];
  while (extras.length > 0 && extras[extras.length - 1] === null) extras.pop();
  wire.push(...extras);
  return wire;
}

/**
 * Restores field names from the compact layout; returns null when the shape (array lengths) is
 * wrong. The result is still unchecked: pass it to the schema.
 */
export function unpack(kind: PayloadKind, wire: unknown): Record<string, unknown> | null {
  if (!Array.isArray(wire)) return null;
  if (kind === 'assignment') {
    if (wire.length !== 6) return null;
    const [id, createdAt, due, modules, note, manager] = wire as Wire;
    return { v: FORMAT_VERSION, id, createdAt, due, modules, note, manager };
  }
  if (wire.length < 5 || wire.length > 9) return null;
  const [assignmentId, due, learner, createdAt, modules, final, reflection, learnerId, reviews] = wire as Wire;
  if (!Array.isArray(modules)) return null;
  const results: unknown[] = [];
  for (const m of modules as unknown[]) {
    if (!Array.isArray(m) || m.length !== 5) return null;
    const [id, ...rest] = m as Wire;
    results.push({ id, ...(unpackResult(rest) as object) });
  }
  const report: Record<string, unknown> = { v: FORMAT_VERSION, assignmentId, due, learner, createdAt, modules: results };
  if (final !== undefined && final !== null) report['final'] = unpackResult(final);
  if (reflection !== undefined && reflection !== null) {
    if (!Array.isArray(reflection) || reflection.length !== 3) return null;
    const [suppliers, clients, change] = reflection as Wire;
    report['reflection'] = { suppliers, clients, change };
  }
  if (learnerId !== undefined && learnerId !== null) report['learnerId'] = learnerId;
  if (reviews !== undefined && reviews !== null) {
    if (!Array.isArray(reviews)) return null;
    report['reviews'] = (reviews as unknown[]).map((x) => (Array.isArray(x) && x.length === 4 ? { module: x[0], round: x[1], at: x[2], score: x[3] } : x));
  }
  return report;
}
