/**
 * The learner's progress as the app sees it: the roster of profiles on this device, the current
 * learner's lessons and activities, where they stopped, and the state of storage. Shared by
 * context (see context.ts). Every change is written at once; failures become visible state.
 */
import { crc32Hex } from '../manager/bytes.ts';
import type { Assignment, Report } from '../manager/types.ts';
import { withAttempt, type ActivityKey, type ActivityRecord, type AttemptRecord, type NewAttempt, type ProgressApi } from './api.ts';
import { hashPin, verifyPin } from './pin.ts';
import {
  DEFAULT_SETTINGS,
  mergeActivity,
  mergeLesson,
  mergeMeta,
  type AcceptedAssignment,
  type DeviceSettings,
  type LearnerMeta,
  type LessonRecord,
  type Profile,
} from './records.ts';
import { openKeyValue, RecordStore, StorageWriteError, type DamagedRecord, type KeyValue, type StorageMode, type StorageProblem } from './storage.ts';

const SETTINGS_KEY = 'device/settings';
const profileKey = (id: string) => `profile/${id}`;
const learnerPrefix = (id: string) => `learner/${id}/`;
const lessonKey = (id: string, lessonId: string) => `${learnerPrefix(id)}lesson/${lessonId}`;
const activityStoreKey = (id: string, key: ActivityKey) => `${learnerPrefix(id)}activity/${key}`;
const metaKey = (id: string) => `${learnerPrefix(id)}meta`;
const assignmentKey = (id: string, assignmentId: string) => `${learnerPrefix(id)}assignment/${assignmentId}`;
const MANAGER_ASSIGNMENTS = 'manager/assignment/';
const MANAGER_REPORTS = 'manager/report/';
/** Identical reports (but for when they were made) share one key, so importing twice adds nothing. */
const reportKey = (r: Report) => `${MANAGER_REPORTS}${crc32Hex(JSON.stringify({ ...r, createdAt: 0 }))}`;

/** How accepting an assignment went. */
export type AcceptResult = 'accepted' | 'already' | 'no-learner';

/** How opening a profile went. */
export type SelectResult = 'ok' | 'wrong-pin' | 'pin-required' | 'unknown';

export class ProgressStore implements ProgressApi {
  /** Where records live now. */
  mode = $state<StorageMode>('indexeddb');
  /** The last storage failure, shown in the banner until the next successful write. */
  problem = $state<StorageProblem | null>(null);
  /** Records that could not be read and were set aside. */
  damaged = $state<DamagedRecord[]>([]);
  profiles = $state<Profile[]>([]);
  settings = $state<DeviceSettings>({ ...DEFAULT_SETTINGS });
  /** True while the idle lock (or «Сменить ученика») hides the current learner. */
  locked = $state(true);
  lessons = $state<Record<string, LessonRecord>>({});
  activities = $state<Record<string, ActivityRecord>>({});
  meta = $state<LearnerMeta>({ location: null, updatedAt: 0 });
  /** The current learner's accepted assignments, by assignment id. */
  assignments = $state<Record<string, AcceptedAssignment>>({});
  /** True while the manager area is open: this page only, never stored (a reload locks it). */
  managerUnlocked = $state(false);

  /** The learner whose progress is open, or null (roster shown). */
  learner = $derived(this.locked ? null : (this.profiles.find((p) => p.id === this.settings.currentProfileId) ?? null));

  #db: RecordStore;

  private constructor(kv: KeyValue, mode: StorageMode) {
    this.mode = mode;
    if (mode === 'memory') this.problem = 'refused';
    this.#db = new RecordStore(kv, {
      onDamaged: (d) => (this.damaged = [...this.damaged, d]),
      onRemoteChange: (key) => void this.#reload(key),
    });
  }

  /** Opens storage (IndexedDB, or memory when refused) and loads the roster. */
  static async open(kv?: KeyValue): Promise<ProgressStore> {
    const opened = kv ? { kv, mode: 'indexeddb' as const } : await openKeyValue();
    const store = new ProgressStore(opened.kv, opened.mode);
    await store.#loadDevice();
    return store;
  }

  // ── profiles ─────────────────────────────────────────────────────────────────────────────

  /** Creates a learner (optional 4-digit PIN, hashed) and opens their progress. */
  async createProfile(name: string, pin: string | null): Promise<Profile> {
    const now = Date.now();
    const profile: Profile = { id: crypto.randomUUID(), name: name.trim(), pin: pin ? await hashPin(pin) : null, createdAt: now, lastActiveAt: now };
    await this.#write(() => this.#db.update('profile', profileKey(profile.id), () => profile));
    this.profiles = [...this.profiles.filter((p) => p.id !== profile.id), profile];
    await this.#open(profile.id);
    return profile;
  }

  /** Opens a learner's progress; a PIN-protected one needs the right PIN. */
  async selectProfile(id: string, pin?: string): Promise<SelectResult> {
    const profile = this.profiles.find((p) => p.id === id);
    if (!profile) return 'unknown';
    if (profile.pin) {
      if (!pin) return 'pin-required';
      if (!(await verifyPin(pin, profile.pin))) return 'wrong-pin';
    }
    await this.#open(id);
    return 'ok';
  }

  /** Hides the current learner's progress (idle lock or switching learner). */
  lock(): void {
    this.locked = true;
    this.settings.currentProfileId = null;
    void this.#saveSettings();
    this.lessons = {};
    this.activities = {};
    this.meta = { location: null, updatedAt: 0 };
    this.assignments = {};
  }

  /** Notes activity now, so the idle lock starts counting again (persisted at most once a minute). */
  touch(now = Date.now()): void {
    const last = this.settings.lastActivityAt;
    this.settings.lastActivityAt = now;
    if (now - last > 60_000) void this.#saveSettings();
  }

  /** Locks when the learner has been idle longer than the setting. */
  lockIfIdle(now = Date.now()): boolean {
    if (this.locked || now - this.settings.lastActivityAt < this.settings.idleMinutes * 60_000) return false;
    this.lock();
    return true;
  }

  /** Changes the idle time (minutes) for this device. */
  async setIdleMinutes(minutes: number): Promise<void> {
    this.settings.idleMinutes = Math.min(240, Math.max(1, Math.round(minutes)));
    await this.#saveSettings();
  }

  // ── lessons and activities (ProgressApi) ─────────────────────────────────────────────────

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
    if (finished) void this.#askPersistence();
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
      void this.#askPersistence();
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
  async mergeInto(profileId: string, incoming: { lessons: LessonRecord[]; activities: ActivityRecord[]; meta: LearnerMeta | null }): Promise<void> {
    const data = $state.snapshot(incoming);
    await this.#write(async () => {
      for (const lesson of data.lessons) await this.#db.update('lesson', lessonKey(profileId, lesson.lessonId), (c) => mergeLesson(c, lesson));
      for (const activity of data.activities) await this.#db.update('activity', activityStoreKey(profileId, activity.key), (c) => mergeActivity(c, activity));
      if (data.meta) {
        const meta = data.meta;
        await this.#db.update('meta', metaKey(profileId), (c) => mergeMeta(c, meta));
      }
    });
    if (profileId === this.learner?.id) await this.#loadLearner(profileId);
  }

  /** Reads everything stored for one learner (backup export, manager reports). */
  async readLearner(profileId: string): Promise<{ lessons: LessonRecord[]; activities: ActivityRecord[]; meta: LearnerMeta | null }> {
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

  /** Saves a profile record (e.g. after import), keeping the roster in step. */
  async saveProfile(profile: Profile): Promise<boolean> {
    const plain = $state.snapshot(profile);
    const saved = await this.#write(() => this.#db.update('profile', profileKey(plain.id), () => plain));
    // Only a profile that really landed joins the roster; a refused write must not show a ghost.
    if (saved) this.profiles = [...this.profiles.filter((p) => p.id !== plain.id), saved];
    return !!saved;
  }

  /** Records whether the browser agreed to keep storage persistent. */
  async notePersistence(granted: boolean): Promise<void> {
    this.settings.persistAsked = true;
    this.settings.persistGranted = granted;
    await this.#saveSettings();
  }

  // ── assignments (learner) ────────────────────────────────────────────────────────────────

  /** Accepts an assignment into the current learner's records; the same assignment twice is kept once. */
  async acceptAssignment(assignment: Assignment): Promise<AcceptResult> {
    const id = this.learner?.id;
    if (!id) return 'no-learner';
    if (this.assignments[assignment.id]) return 'already';
    let already = false;
    const accepted: AcceptedAssignment = { assignment: $state.snapshot(assignment), acceptedAt: Date.now() };
    const stored = await this.#write(() =>
      this.#db.update('assignment', assignmentKey(id, assignment.id), (current) => {
        already = !!current;
        return current ?? accepted;
      }),
    );
    this.assignments[assignment.id] = stored ?? accepted;
    return already ? 'already' : 'accepted';
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
    const plain = $state.snapshot(assignment);
    let added = 0;
    await this.#write(async () => {
      for (const profileId of profileIds) {
        await this.#db.update('assignment', assignmentKey(profileId, plain.id), (current) => {
          if (!current) added++;
          return current ?? { assignment: plain, acceptedAt: Date.now() };
        });
      }
    });
    const learner = this.learner?.id;
    if (learner && profileIds.includes(learner)) this.assignments = Object.fromEntries((await this.readAssignments(learner)).map((a) => [a.assignment.id, a]));
    return added;
  }

  // ── manager area ─────────────────────────────────────────────────────────────────────────

  /** Sets (or changes) the manager PIN of this device and opens the manager area. */
  async setManagerPin(pin: string): Promise<void> {
    this.settings.managerPin = await hashPin(pin);
    await this.#saveSettings();
    this.managerUnlocked = true;
  }

  /** Checks the manager PIN; the right one opens the manager area for this page session. */
  async checkManagerPin(pin: string): Promise<boolean> {
    const stored = this.settings.managerPin;
    const ok = !!stored && (await verifyPin(pin, stored));
    if (ok) this.managerUnlocked = true;
    return ok;
  }

  /** Closes the manager area («Выйти», or idle). */
  lockManager(): void {
    this.managerUnlocked = false;
  }

  /** Closes the manager area when the tablet has been idle longer than the idle-lock setting. */
  lockManagerIfIdle(now = Date.now()): boolean {
    if (!this.managerUnlocked || now - this.settings.lastActivityAt < this.settings.idleMinutes * 60_000) return false;
    this.lockManager();
    return true;
  }

  /** Keeps an assignment the manager created, so the team table knows its modules and due date. */
  async saveManagerAssignment(assignment: Assignment): Promise<boolean> {
    const plain = $state.snapshot(assignment);
    return (await this.#write(() => this.#db.update('managerAssignment', `${MANAGER_ASSIGNMENTS}${plain.id}`, () => plain))) !== undefined;
  }

  /** The assignments created on this device, newest first. */
  async readManagerAssignments(): Promise<Assignment[]> {
    const found: Assignment[] = [];
    for (const key of await this.#db.keys(MANAGER_ASSIGNMENTS)) {
      const a = await this.#db.read('managerAssignment', key);
      if (a) found.push(a);
    }
    return found.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Keeps imported reports on this device; returns how many were new (a re-import adds nothing). */
  async saveReports(reports: readonly Report[]): Promise<number> {
    let added = 0;
    const ok = await this.#write(async () => {
      for (const report of reports) {
        const plain = $state.snapshot(report) as Report;
        await this.#db.update('managerReport', reportKey(plain), (current) => {
          if (!current) added++;
          return !current || plain.createdAt >= current.createdAt ? plain : current;
        });
      }
      return true;
    });
    return ok ? added : 0;
  }

  /** Every report imported on this device. */
  async readReports(): Promise<Report[]> {
    const found: Report[] = [];
    for (const key of await this.#db.keys(MANAGER_REPORTS)) {
      const r = await this.#db.read('managerReport', key);
      if (r) found.push(r);
    }
    return found;
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  /** After the first meaningful save, ask the browser not to evict our data (once per device). */
  async #askPersistence(): Promise<void> {
    const storage = (globalThis.navigator as Navigator | undefined)?.storage;
    if (this.settings.persistAsked || this.mode !== 'indexeddb' || !storage?.persist) return;
    this.settings.persistAsked = true;
    const granted = await storage.persist().catch(() => false);
    await this.notePersistence(granted);
  }

  async #write<R>(task: () => Promise<R>): Promise<R | undefined> {
    try {
      const result = await task();
      if (this.mode === 'indexeddb') this.problem = null;
      return result;
    } catch (error) {
      this.problem = error instanceof StorageWriteError ? error.problem : 'write-failed';
      console.warn('Progress not saved', error);
      return undefined;
    }
  }

  async #saveSettings(): Promise<void> {
    const settings = $state.snapshot(this.settings);
    await this.#write(() => this.#db.update('settings', SETTINGS_KEY, () => settings));
  }

  async #loadDevice(): Promise<void> {
    this.settings = { ...DEFAULT_SETTINGS, ...(await this.#db.read('settings', SETTINGS_KEY)) };
    const profiles: Profile[] = [];
    for (const key of await this.#db.keys('profile/')) {
      const p = await this.#db.read('profile', key);
      if (p) profiles.push(p);
    }
    this.profiles = profiles.sort((a, b) => b.lastActiveAt - a.lastActiveAt);
    const current = this.profiles.find((p) => p.id === this.settings.currentProfileId);
    // Reopening soon after the last activity (a reload, a crash) goes straight back in.
    if (current && Date.now() - this.settings.lastActivityAt < this.settings.idleMinutes * 60_000) await this.#open(current.id);
  }

  async #open(id: string): Promise<void> {
    await this.#loadLearner(id);
    this.settings.currentProfileId = id;
    this.settings.lastActivityAt = Date.now();
    // Saved before the learner's screens open, so a reload right after signing in comes back in.
    await this.#saveSettings();
    this.locked = false;
    const profile = this.profiles.find((p) => p.id === id);
    if (profile) void this.saveProfile({ ...profile, lastActiveAt: Date.now() });
  }

  async #loadLearner(id: string): Promise<void> {
    const data = await this.readLearner(id);
    this.lessons = Object.fromEntries(data.lessons.map((l) => [l.lessonId, l]));
    this.activities = Object.fromEntries(data.activities.map((a) => [a.key, a]));
    this.meta = data.meta ?? { location: null, updatedAt: 0 };
    this.assignments = Object.fromEntries((await this.readAssignments(id)).map((a) => [a.assignment.id, a]));
  }

  /** Another tab changed a record: read it again so both tabs show the same progress. */
  async #reload(key: string): Promise<void> {
    if (key.startsWith('profile/')) {
      const p = await this.#db.read('profile', key);
      if (p) this.profiles = [...this.profiles.filter((x) => x.id !== p.id), p];
      return;
    }
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
