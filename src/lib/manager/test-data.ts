/** Sample assignments and reports shared by the manager tests (not shipped: only tests import it). */
import type { Assignment, ModuleResult, Report } from './types.ts';

/** The course's real module ids, in order. */
export const COURSE_MODULES = ['vneshnie-i-vnutrennie-klienty', 'klient-na-pervom-meste', 'slaboe-zveno', 'operativnost'];

export const T0 = Date.UTC(2025, 4, 12, 9, 30);
const HOUR = 3_600_000;

export function sampleAssignment(over: Partial<Assignment> = {}): Assignment {
  return {
    v: 1,
    id: 'k7m2q9x4ab',
    createdAt: T0,
    due: '2025-05-20',
    modules: [...COURSE_MODULES],
    note: 'Пройдите до пятницы, вопросы — в чат смены.',
    manager: 'Ольга Петровна',
    ...over,
  };
}

export const passed = (id: string, best = 90, attempts = 1, completedAt = T0 + HOUR): ModuleResult => ({ id, status: 'passed', best, attempts, completedAt });
export const inProgress = (id: string, best = 0, attempts = 0): ModuleResult => ({ id, status: 'in-progress', best, attempts, completedAt: null });
export const notStarted = (id: string): ModuleResult => ({ id, status: 'not-started', best: 0, attempts: 0, completedAt: null });

export function sampleReport(over: Partial<Report> = {}): Report {
  return {
    v: 1,
    assignmentId: 'k7m2q9x4ab',
    due: '2025-05-20',
    learner: 'Иван Смирнов',
    createdAt: T0 + 2 * HOUR,
    modules: [passed(COURSE_MODULES[0]!), inProgress(COURSE_MODULES[1]!, 60, 2), notStarted(COURSE_MODULES[2]!), notStarted(COURSE_MODULES[3]!)],
    ...over,
  };
}

/** A small seeded PRNG (mulberry32), so fuzz failures can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
