/**
 * The compact field layout inside a link: positional JSON arrays instead of objects and status
 * codes instead of words, so an assignment with a long Russian note still fits a QR code.
 * Unpacking only restores field names; `schema.ts` judges the values, so a hostile array gets the
 * same verdict as a hostile object.
 *
 *   assignment: [id, createdAt, due, modules, note, manager]
 *   report:     [assignmentId, due, learner, createdAt, [[id, status, best, attempts, completedAt]…], final?, reflection?, learnerId?]
 *   final:      [status, best, attempts, completedAt]  (null when something follows and there is no final)
 *   reflection: [suppliers, clients, change]  («Моя цепочка», only when the learner agreed to share it; null when a learnerId follows without one)
 *   learnerId:  the learner's profile id (see values/profile-id.ts)
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
  if (r.final || r.reflection || r.learnerId !== undefined) wire.push(r.final ? packResult(r.final) : null);
  if (r.reflection || r.learnerId !== undefined) wire.push(r.reflection ? [r.reflection.suppliers, r.reflection.clients, r.reflection.change] : null);
  if (r.learnerId !== undefined) wire.push(r.learnerId);
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
  if (wire.length < 5 || wire.length > 8) return null;
  const [assignmentId, due, learner, createdAt, modules, final, reflection, learnerId] = wire as Wire;
  if (!Array.isArray(modules)) return null;
  const results: unknown[] = [];
  for (const m of modules as unknown[]) {
    if (!Array.isArray(m) || m.length !== 5) return null;
    const [id, ...rest] = m as Wire;
    results.push({ id, ...(unpackResult(rest) as object) });
  }
  const report: Record<string, unknown> = { v: FORMAT_VERSION, assignmentId, due, learner, createdAt, modules: results };
  if (wire.length === 6 || (wire.length >= 7 && final !== null)) report['final'] = unpackResult(final);
  if (wire.length >= 7 && reflection !== null) {
    if (!Array.isArray(reflection) || reflection.length !== 3) return null;
    const [suppliers, clients, change] = reflection as Wire;
    report['reflection'] = { suppliers, clients, change };
  }
  if (wire.length === 8) report['learnerId'] = learnerId;
  return report;
}
