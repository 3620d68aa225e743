/**
 * The current learner's progress: lessons, activities, where they stopped, and the assignments they
 * accepted. It owns the `learner/<id>/…` records and implements the narrow ProgressApi that quizzes
 * and exercises use. Who the learner is comes from the roster; their records load before their
 * screens open and are cleared when the roster locks. Each lesson visit, draft, attempt and place
 * is written as it happens; failures show through StorageHealth.
 */
import type { Assignment } from '../exchange/types.ts';
import { withAttempt, type ActivityKey, type ActivityRecord, type AttemptRecord, type NewAttempt, type ProgressApi } from './api.ts';
import type { LearnerAccess } from './learner-intake.ts';
import { activityStoreKey, learnerPrefix, lessonKey, metaKey } from './learner-keys.ts';
import { mergeLesson, mergeMeta, type AcceptedAssignment, type LearnerMeta, type LessonRecord } from './records.ts';
import type { Roster } from './roster.svelte.ts';
import type { StorageHealth } from './storage-health.svelte.ts';

/** Records that come from outside (a link, the manager, a backup), fetched when first used. */
const intake = () => import('./learner-intake.ts');
const NO_META: LearnerMeta = { location: null, updatedAt: 0 };

/** How accepting an assignment went. */
/** How accepting went; `conflict`: another assignment with the same id is already accepted (a forgery or a mistake). */
export type AcceptResult = 'accepted' | 'already' | 'conflict' | 'no-learner';

/** Everything stored for one learner but their assignments (backup, LMS resume, reports). */
export interface LearnerRecords {
  lessons: LessonRecord[];
  activities: ActivityRecord[];
  meta: LearnerMeta | null;
}

export class LearnerProgress implements ProgressApi {
  lessons = $state<Record<string, LessonRecord>>({});
  activities = $state<Record<string, ActivityRecord>>({});
  meta = $state<LearnerMeta>({ ...NO_META });
  /** The current learner's accepted assignments, by assignment id. */
  assignments = $state<Record<string, AcceptedAssignment>>({});

  #storage: StorageHealth;
  #roster: Roster;

  constructor(storage: StorageHealth, roster: Roster) {
    this.#storage = storage;
    this.#roster = roster;
    roster.follow({ open: (id) => this.#load(id), close: () => this.#clear() });
    storage.onRemoteChange((key) => void this.#reload(key));
  }

  /** The learner whose progress this is (the roster's current learner), or null. */
  get learner() {
    return this.#roster.learner;
  }

  /** Marks a lesson visited (and finished, when the learner reached its end). */
  async visitLesson(lessonId: string, finished = false): Promise<void> {
    const id = this.learner?.id;
    if (!id) return;
    const now = Date.now();
    const change: LessonRecord = { lessonId, firstVisitedAt: now, lastVisitedAt: now, finishedAt: finished ? now : null };
    this.lessons[lessonId] = mergeLesson(this.lessons[lessonId], change);
    await this.#write(async () => {
      this.lessons[lessonId] = await this.#db.update('lesson', lessonKey(id, lessonId), (current) => mergeLesson(current, change));
    });
    if (finished) void this.#roster.askPersistence();
  }

  activity(key: ActivityKey): ActivityRecord | undefined {
    return this.activities[key];
  }

  async saveDraft(key: ActivityKey, draft: unknown): Promise<void> {
    const id = this.learner?.id;
    if (!id) return;
    const plain = $state.snapshot(draft);
    const now = Date.now();
    const base = (current: ActivityRecord | undefined): ActivityRecord => ({ key, attempts: [], best: 0, passed: false, ...current, draft: plain, updatedAt: now });
    this.activities[key] = base(this.activities[key]);
    await this.#write(async () => {
      this.activities[key] = await this.#db.update('activity', activityStoreKey(id, key), base);
    });
  }

  async recordAttempt(key: ActivityKey, attempt: NewAttempt): Promise<AttemptRecord> {
    const stored: AttemptRecord = { ...attempt, mistakes: [...attempt.mistakes], id: crypto.randomUUID() };
    const id = this.learner?.id;
    this.activities[key] = withAttempt(this.activities[key], key, stored);
    if (id) {
      await this.#write(async () => {
        this.activities[key] = await this.#db.update('activity', activityStoreKey(id, key), (current) => withAttempt(current, key, stored));
      });
      void this.#roster.askPersistence();
    }
    return stored;
  }

  setLocation(hash: string): void {
    const id = this.learner?.id;
    if (!id || hash === this.meta.location) return;
    const change: LearnerMeta = { location: hash, updatedAt: Date.now() };
    this.meta = change;
    void this.#write(() => this.#db.update('meta', metaKey(id), (current) => mergeMeta(current, change)));
  }

  /** Merges imported records into a learner's progress (backup import); keeps the best of both. */
  async mergeInto(profileId: string, incoming: LearnerRecords): Promise<void> {
    await (await intake()).mergeRecords(this.#access, profileId, $state.snapshot(incoming));
  }

  /** Reads everything stored for one learner (backup export, manager reports). */
  async readLearner(profileId: string): Promise<LearnerRecords> {
    const lessons: LessonRecord[] = [];
    const activities: ActivityRecord[] = [];
    for (const key of await this.#db.keys(learnerPrefix(profileId))) {
      const rest = key.slice(learnerPrefix(profileId).length);
      if (rest.startsWith('lesson/')) {
        const r = await this.#db.read('lesson', key);
        if (r) lessons.push(r);
      } else if (rest.startsWith('activity/')) {
        const r = await this.#db.read('activity', key);
        if (r) activities.push(r);
      }
    }
    return { lessons, activities, meta: (await this.#db.read('meta', metaKey(profileId))) ?? null };
  }

  /** Accepts an assignment into the current learner's records; the same assignment twice is kept once. */
  async acceptAssignment(assignment: Assignment): Promise<AcceptResult> {
    return (await intake()).acceptAssignment(this.#access, $state.snapshot(assignment));
  }

  /** Reads a learner's accepted assignments, oldest first (manager on a shared tablet, and loading). */
  async readAssignments(profileId: string): Promise<AcceptedAssignment[]> {
    const prefix = `${learnerPrefix(profileId)}assignment/`;
    const found: AcceptedAssignment[] = [];
    for (const key of await this.#db.keys(prefix)) {
      const r = await this.#db.read('assignment', key);
      if (r) found.push(r);
    }
    return found.sort((a, b) => a.acceptedAt - b.acceptedAt);
  }

  /**
   * Gives an assignment to learners on this tablet (the manager's «назначить здесь»); a learner who
   * has it already keeps theirs. Returns how many learners got it now.
   */
  async assignToProfiles(assignment: Assignment, profileIds: readonly string[]): Promise<number> {
    return (await intake()).giveAssignment(this.#access, $state.snapshot(assignment), profileIds);
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  /** What the intake (learner-intake.ts) works with: the records, and this store's own state. */
  readonly #access: LearnerAccess = {
    db: () => this.#db,
    write: (task) => this.#write(task),
    learnerId: () => this.learner?.id ?? null,
    assignments: () => this.assignments,
    reload: async (id, only) => {
      if (only === 'assignments') this.assignments = await this.#readAssignmentMap(id);
      else await this.#load(id);
    },
  };

  get #db() {
    return this.#storage.db;
  }

  #write<R>(task: () => Promise<R>): Promise<R | undefined> {
    return this.#storage.write(task);
  }

  async #readAssignmentMap(id: string): Promise<Record<string, AcceptedAssignment>> {
    return Object.fromEntries((await this.readAssignments(id)).map((a) => [a.assignment.id, a]));
  }

  async #load(id: string): Promise<void> {
    const data = await this.readLearner(id);
    this.lessons = Object.fromEntries(data.lessons.map((l) => [l.lessonId, l]));
    this.activities = Object.fromEntries(data.activities.map((a) => [a.key, a]));
    this.meta = data.meta ?? { ...NO_META };
    this.assignments = await this.#readAssignmentMap(id);
  }

  #clear(): void {
    this.lessons = {};
    this.activities = {};
    this.meta = { ...NO_META };
    this.assignments = {};
  }

  /** Another tab changed a record: read it again so both tabs show the same progress. */
  async #reload(key: string): Promise<void> {
    const id = this.learner?.id;
    if (!id || !key.startsWith(learnerPrefix(id))) return;
    const rest = key.slice(learnerPrefix(id).length);
    if (rest.startsWith('lesson/')) {
      const r = await this.#db.read('lesson', key);
      if (r) this.lessons[r.lessonId] = r;
    } else if (rest.startsWith('activity/')) {
      const r = await this.#db.read('activity', key);
      if (r) this.activities[r.key] = r;
    } else if (rest === 'meta') {
      const r = await this.#db.read('meta', key);
      if (r) this.meta = r;
    } else if (rest.startsWith('assignment/')) {
      const r = await this.#db.read('assignment', key);
      if (r) this.assignments[r.assignment.id] = r;
    }
  }
}
