/**
 * A learner's report built from what this device stored for them: module status as the learner
 * sees it on home (`moduleProgress`), best score and attempts of the module quiz and the final
 * test, and when each was first passed. Pure: the caller passes the records and the time.
 */
import type { ActivityRecord } from '../progress/api.ts';
import type { LessonRecord } from '../progress/records.ts';
import { activityKey, moduleProgress, type ModuleStatus as LearnerStatus } from '../progress/status.ts';
import type { CourseIndex, ModuleEntry } from '../course/types.ts';
import { reviewsTaken } from '../journey/review-schedule.ts';
import { REVIEWS_MAX } from '../exchange/report-schema.ts';
import { fitName } from '../values/name.ts';
import { FINAL_ID, FORMAT_VERSION, type Assignment, type ModuleResult, type ModuleStatus, type Report, type ResultEntry } from '../exchange/types.ts';

type Lessons = Record<string, LessonRecord | undefined>;
type Activities = Record<string, ActivityRecord | undefined>;

/** What `reportFromProgress` needs. */
export interface ReportInput {
  index: CourseIndex;
  /** The learner's name as on their profile. */
  learner: string;
  /** The learner's profile id, so the manager joins their reports by person, not by name (null: none known). */
  learnerId: string | null;
  lessons: Lessons;
  activities: Activities;
  /** The assignment the report answers, or null for the whole course. */
  assignment: Assignment | null;
  /** When the report is made, ms since the epoch. */
  now: number;
}

/** The learner's status words mapped to the report's: a module is passed once it is done. */
const STATUS: Record<LearnerStatus, ModuleStatus> = { 'not-started': 'not-started', 'in-progress': 'in-progress', done: 'passed' };

/**
 * A profile name made fit for a report by the one name rule (values/name.ts): hidden, bidi and
 * control characters become spaces, at most `NAME_MAX` visible characters, «?» when nothing
 * visible is left. A profile name is cleaned rather than refused: the report must still go out.
 */
export function reportName(name: string): string {
  return fitName(name, '?');
}

/** Records as arrays (what `readLearner` returns) turned into lookups by id. */
export function byId(data: { lessons: readonly LessonRecord[]; activities: readonly ActivityRecord[] }): { lessons: Lessons; activities: Activities } {
  return {
    lessons: Object.fromEntries(data.lessons.map((l) => [l.lessonId, l])),
    activities: Object.fromEntries(data.activities.map((a) => [a.key, a])),
  };
}

const firstPass = (record: ActivityRecord | undefined): number | null => {
  const times = record?.attempts.filter((a) => a.passed).map((a) => a.finishedAt) ?? [];
  return times.length ? Math.round(Math.min(...times)) : null;
};

const scoreOf = (record: ActivityRecord | undefined) => ({
  best: record?.attempts.length ? Math.min(100, Math.max(0, Math.round(record.best))) : 0,
  attempts: record?.attempts.length ?? 0,
});

/** When a module without a quiz was done: the last of its lessons and first exercise attempts. */
function doneAt(module: ModuleEntry, lessons: Lessons, activities: Activities, now: number): number {
  const times = [
    ...module.lessons.map((l) => lessons[l.id]?.finishedAt ?? 0),
    ...module.activities.map((a) => activities[activityKey(a.kind, a.id)]?.attempts[0]?.finishedAt ?? 0),
  ];
  const last = Math.max(0, ...times);
  return Math.round(last > 0 ? last : now);
}

function moduleResult(module: ModuleEntry, lessons: Lessons, activities: Activities, now: number): ModuleResult {
  const status = STATUS[moduleProgress(module, lessons, activities).status];
  const hasQuiz = module.activities.some((a) => a.kind === 'quiz');
  const quiz = hasQuiz ? activities[activityKey('quiz', module.id)] : undefined;
  const completedAt = status === 'passed' ? (firstPass(quiz) ?? doneAt(module, lessons, activities, now)) : null;
  return { id: module.id, status, ...scoreOf(quiz), completedAt };
}

const notStarted = (id: string): ModuleResult => ({ id, status: 'not-started', best: 0, attempts: 0, completedAt: null });

function finalResult(record: ActivityRecord | undefined): ResultEntry {
  const completedAt = record?.passed ? firstPass(record) : null;
  const status: ModuleStatus = completedAt !== null ? 'passed' : record ? 'in-progress' : 'not-started';
  return { status, ...scoreOf(record), completedAt };
}

/**
 * The report of one learner. With an assignment: its modules in its order (a module this version
 * of the course does not know is reported as not started) and the final test if assigned; an
 * assignment of the final test alone reports every module too, since a report needs at least one.
 * Without: every module, and the final test once the learner has touched it.
 */
export function reportFromProgress({ index, learner, learnerId, lessons, activities, assignment, now }: ReportInput): Report {
  const known = new Map(index.modules.map((m) => [m.id, m]));
  const assigned = assignment?.modules.filter((id) => id !== FINAL_ID) ?? [];
  const ids = assigned.length ? assigned : index.modules.map((m) => m.id);
  const modules = ids.map((id) => {
    const module = known.get(id);
    return module ? moduleResult(module, lessons, activities, now) : notStarted(id);
  });
  const finalRecord = activities[activityKey('final', FINAL_ID)];
  const wantsFinal = assignment ? assignment.modules.includes(FINAL_ID) : !!finalRecord;
  const listed = new Set(modules.map((m) => m.id));
  const reviews = reviewsTaken(activities)
    .filter((r) => listed.has(r.moduleId))
    .slice(-REVIEWS_MAX)
    .map((r) => ({ module: r.moduleId, round: r.round, at: Math.round(r.at), score: Math.min(100, Math.max(0, Math.round(r.score))) }));
  return {
    v: FORMAT_VERSION,
    assignmentId: assignment?.id ?? null,
    due: assignment?.due ?? null,
    learner: reportName(learner),
    ...(learnerId ? { learnerId } : {}),
    createdAt: Math.round(now),
    modules,
    ...(wantsFinal ? { final: finalResult(finalRecord) } : {}),
    ...(reviews.length ? { reviews } : {}),
  };
}

/**
 * The reports of one learner on this tablet, for the manager's «read local profiles»: one per
 * accepted assignment, or one of the whole course when they have none.
 */
export function reportsOfLearner(
  input: { index: CourseIndex; learner: string; learnerId: string | null; lessons: readonly LessonRecord[]; activities: readonly ActivityRecord[]; assignments: readonly Assignment[]; now: number },
): Report[] {
  const records = byId(input);
  const base = { index: input.index, learner: input.learner, learnerId: input.learnerId, ...records, now: input.now };
  if (input.assignments.length === 0) return [reportFromProgress({ ...base, assignment: null })];
  return input.assignments.map((assignment) => reportFromProgress({ ...base, assignment }));
}
