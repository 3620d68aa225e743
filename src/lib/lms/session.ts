/**
 * A course session inside an LMS: finds and opens the API, reads what kind of launch it is
 * (launch.ts), sets a first status at once, makes the LMS learner the learner of this browser (a
 * resumed attempt merges the LMS's resume data with this browser's, a new attempt starts from the
 * LMS's data only), then reports progress, retries refused commits, and closes the session.
 * Loaded only by the SCORM build (see start.ts).
 */
import { courseIndex } from '$lib/course/course.ts';
import type { CourseIndex } from '$lib/course/types.ts';
import { isLearningRoute } from '$lib/routing/routing.ts';
import { openStores } from '$lib/app/stores.ts';
import type { LearnerProgress } from '$lib/progress/learner.svelte.ts';
import type { Roster } from '$lib/progress/roster.svelte.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import { LmsConnection, type LmsError } from './connection.ts';
import { findLmsApi, type WindowLike } from './discovery.ts';
import { lmsHasNoStatus, ORDINARY_LAUNCH, readLaunch, reportsProgress, setsStatus, type LaunchData } from './launch.ts';
import { displayName, latestLmsProfile, lmsAttemptProfileId, resumeRecords } from './learner.ts';
import { VERSION_META, type ScormVersion } from './package-meta.ts';
import { cmiValues, courseReport, LEARNER_ELEMENTS, sessionTimeValue } from './report.ts';
import type { LmsStart } from './start.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004, type ProgressData } from './suspend-data.ts';

/** Where the LMS's commits stand: all taken, being tried again, or still refused after every try. */
export type CommitState = 'ok' | 'retrying' | 'failed';

/** Waits before each new try of a refused commit (as adapt-contrib-spoor: a few tries about a second apart). */
export const COMMIT_RETRY_MS = [1000, 1000, 1000] as const;

/** Runs `run` after `ms`; returns what cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;
const timers: Schedule = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export interface SessionOptions {
  index?: CourseIndex;
  now?: () => number;
  schedule?: Schedule;
  launch?: LaunchData;
}

/** Reports progress to an open LMS connection and ends the session. No Svelte, no DOM. */
export class LmsSession {
  readonly connection: LmsConnection;
  /** The profile of this browser that is the LMS learner (set once the learner is opened). */
  profileId: string;
  /** What the LMS said about this launch. */
  readonly launch: LaunchData;
  /** Told whenever `commitState` changes. */
  onCommitState: ((state: CommitState) => void) | null = null;
  #commitState: CommitState = 'ok';
  #index: CourseIndex;
  #startedAt: number;
  #now: () => number;
  #schedule: Schedule;
  #cancelRetry: (() => void) | null = null;
  /** What the LMS was last told, so only changes are sent. */
  #sent = new Map<string, string>();

  constructor(connection: LmsConnection, profileId: string, { index = courseIndex, now = Date.now, schedule = timers, launch = ORDINARY_LAUNCH }: SessionOptions = {}) {
    this.connection = connection;
    this.profileId = profileId;
    this.launch = launch;
    this.#index = index;
    this.#now = now;
    this.#schedule = schedule;
    this.#startedAt = now();
  }

  get version(): ScormVersion {
    return this.connection.version;
  }

  /** The last call the LMS refused, if any. */
  get lastError(): LmsError | null {
    return this.connection.lastError;
  }

  get commitState(): CommitState {
    return this.#commitState;
  }

  /**
   * Right after Initialize: when the LMS shows no status yet, says `incomplete` with exit
   * `suspend` and commits, so the attempt is on record before anything else can go wrong.
   * Nothing in browse or review mode, or for no credit.
   */
  start(): boolean {
    if (this.connection.state !== 'open' || !setsStatus(this.launch) || !lmsHasNoStatus(this.launch)) return true;
    const first: [string, string][] =
      this.version === '1.2'
        ? [['cmi.core.lesson_status', 'incomplete'], ['cmi.core.exit', 'suspend']]
        : [['cmi.completion_status', 'incomplete'], ['cmi.exit', 'suspend']];
    for (const [element, value] of first) {
      if (this.connection.set(element, value)) this.#sent.set(element, value);
      else console.warn('LMS refused a value', this.connection.lastError);
    }
    return this.#commit();
  }

  /**
   * Sends status, score, location and suspend data when any of them changed (or always with
   * `force`), with the session time so far, then commits. False when the LMS refused the commit
   * (it is tried again a few times; `commitState` tells how that ends). In browse and review
   * mode nothing is sent: those launches never change the LMS's record.
   */
  report(progress: ProgressData, { force = false } = {}): boolean {
    if (this.connection.state !== 'open') return false;
    if (!reportsProgress(this.launch)) return true;
    const lessons = Object.fromEntries(progress.lessons.map((l) => [l.lessonId, l]));
    const activities = Object.fromEntries(progress.activities.map((a) => [a.key, a]));
    const limit = this.version === '1.2' ? SUSPEND_LIMIT_12 : SUSPEND_LIMIT_2004;
    const suspendData = encodeSuspendData(this.#index.steps, progress, limit);
    const report = courseReport(this.#index, lessons, activities, this.launch.passMark);
    let values = cmiValues(this.version, { report, location: progress.meta?.location ?? null, suspendData }, { status: setsStatus(this.launch) });
    if (suspendData.length > limit) {
      console.warn(`LMS: suspend data of ${suspendData.length} characters is over the ${limit} limit; not sent`);
      values = values.filter(([element]) => element !== 'cmi.suspend_data');
    }
    const changed = values.filter(([element, value]) => this.#sent.get(element) !== value);
    if (changed.length === 0 && !force) return true;
    for (const [element, value] of changed) {
      if (this.connection.set(element, value)) this.#sent.set(element, value);
      else console.warn('LMS refused a value', this.connection.lastError);
    }
    this.connection.set(...sessionTimeValue(this.version, this.#now() - this.#startedAt));
    return this.#commit();
  }

  /** The last report (one more try of any refused commit), then LMSFinish / Terminate. Nothing is sent after this. */
  finish(progress: ProgressData | null): boolean {
    if (this.connection.state !== 'open') return false;
    this.#stopRetrying();
    if (progress) this.report(progress, { force: true });
    else if (this.#commitState !== 'ok') this.#commit();
    this.#stopRetrying();
    return this.connection.terminate();
  }

  /** Commits; when refused, tries again COMMIT_RETRY_MS later, and says `failed` only after the last try. */
  #commit(): boolean {
    this.#stopRetrying();
    if (this.connection.commit()) {
      this.#setState('ok');
      return true;
    }
    console.warn('LMS refused a commit; trying again', this.connection.lastError);
    this.#retry(0);
    return false;
  }

  #retry(attempt: number): void {
    if (attempt >= COMMIT_RETRY_MS.length) {
      this.#setState('failed');
      return;
    }
    this.#setState('retrying');
    this.#cancelRetry = this.#schedule(() => {
      this.#cancelRetry = null;
      if (this.connection.state !== 'open') return;
      if (this.connection.commit()) this.#setState('ok');
      else this.#retry(attempt + 1);
    }, COMMIT_RETRY_MS[attempt]!);
  }

  #stopRetrying(): void {
    this.#cancelRetry?.();
    this.#cancelRetry = null;
  }

  #setState(state: CommitState): void {
    if (state === this.#commitState) return;
    this.#commitState = state;
    this.onCommitState?.(state);
  }
}

/** Which package this page came in (the plugin writes it into index.html); 2004 when unknown. */
export function packageVersion(doc: Document): ScormVersion {
  return doc.querySelector(`meta[name="${VERSION_META}"]`)?.getAttribute('content') === '1.2' ? '1.2' : '2004';
}

/** A stored location worth going back to: a lesson, exercise or test route of this app. */
export function resumableLocation(location: string | null | undefined): string | null {
  if (!location || !location.startsWith('#/') || location.length > 1000) return null;
  return isLearningRoute(location.slice(1).split('?')[0]!) ? location : null;
}

const hasProgress = (data: { lessons: unknown[]; activities: unknown[] }) => data.lessons.length > 0 || data.activities.length > 0;

/** The stores the LMS learner is opened in. */
export interface LmsStores {
  roster: Roster;
  progress: LearnerProgress;
}

/**
 * Opens the LMS learner in `stores`: their profile (the latest one on a resumed attempt, a fresh
 * one when a new attempt finds old progress here), with the LMS's resume data merged in; what this
 * browser kept is read from `local` (the same stores, or the browser's own when `stores` are in
 * memory). Throws when `stores` cannot keep the learner.
 */
async function openLearner({ roster, progress }: LmsStores, connection: LmsConnection, launch: LaunchData, local: LmsStores): Promise<string> {
  const elements = LEARNER_ELEMENTS[connection.version];
  const learnerId = connection.get(elements.id) || 'anonymous';
  const now = Date.now();
  const resume = launch.entry === 'resume';
  const nothing = { lessons: [], activities: [], meta: null };
  const latest = latestLmsProfile(learnerId, local.roster.profiles);
  let profileId = latest.id;
  // A new attempt starts from the LMS's data only: what this browser kept of the learner stays
  // in its own profile, set aside.
  if (!resume && latest.exists) {
    // Unreadable counts as holding progress: set aside rather than risk carrying an old pass in.
    const kept = await local.progress.readLearner(latest.id).then(hasProgress, () => true);
    if (kept) profileId = lmsAttemptProfileId(learnerId, now);
  }
  const existing = local.roster.profiles.find((p) => p.id === profileId);
  // The LMS signed the learner in: their profile here needs no PIN of its own.
  const profile = { id: profileId, name: displayName(connection.get(elements.name), learnerId), pin: null, createdAt: existing?.createdAt ?? now, lastActiveAt: now };
  if (!(await roster.saveProfile(profile))) throw new Error('the LMS learner could not be saved in this browser');

  const fromLms = decodeSuspendData(courseIndex.steps, connection.get(elements.suspendData)) ?? { lessons: [], activities: [], meta: null };
  const lmsLocation = resumableLocation(connection.get(elements.location));
  if (!fromLms.meta && lmsLocation) fromLms.meta = { location: lmsLocation, updatedAt: 0 };
  const here = resume || profileId === latest.id ? await local.progress.readLearner(profileId).catch(() => nothing) : nothing;
  if (progress !== local.progress && hasProgress(here)) await progress.mergeInto(profileId, here);
  await progress.mergeInto(profileId, resumeRecords(fromLms, here));
  const opened = await roster.selectProfile(profileId);
  if (opened !== 'ok') throw new Error(`the LMS learner could not be opened (${opened})`);
  return profileId;
}

/**
 * Looks for the LMS; when found, opens the session, sets a first status, opens (or creates) the
 * LMS learner's profile, and moves to where they stopped unless the launch named a place itself.
 * When this browser cannot keep the learner, the learner is kept in memory for this session and
 * everything still goes to the LMS. Never throws, and never ends the LMS session on trouble.
 */
export async function connectLms(stores: LmsStores, win: Window = window, options: Omit<SessionOptions, 'launch'> = {}): Promise<LmsStart> {
  const found = findLmsApi(win as unknown as WindowLike, packageVersion(win.document));
  if (!found) return { kind: 'absent' };
  const connection = new LmsConnection(found);
  if (!connection.initialize()) return { kind: 'failed', detail: describe(connection.lastError) };
  const launch = readLaunch(connection.version, (element) => connection.get(element));
  const session = new LmsSession(connection, '', { ...options, launch });
  session.start();

  let memory: Awaited<ReturnType<typeof openStores>> | null = null;
  try {
    session.profileId = await openLearner(stores, connection, launch, stores);
  } catch (error) {
    console.warn('LMS: this browser cannot keep the learner; keeping them in memory', error);
    try {
      memory = await openStores(memoryKeyValue());
      session.profileId = await openLearner(memory, connection, launch, stores);
    } catch (again) {
      // Not even memory: the course goes on without the LMS learner, and the LMS session stays
      // open (finishing it now would make a 1.2 LMS record «completed»).
      console.warn('LMS: could not open the learner', again);
      return { kind: 'failed', detail: (again as Error)?.message ?? String(again) };
    }
  }

  const resume = resumableLocation((memory ?? stores).progress.meta.location);
  if (resume && ['', '#', '#/'].includes(win.location.hash)) {
    // As the router's own replace() does: no new history entry, and tell the router.
    win.history.replaceState(win.history.state, '', resume);
    win.dispatchEvent(new Event('hashchange'));
  }
  return memory ? { kind: 'connected', session, storage: 'memory', stores: memory } : { kind: 'connected', session, storage: 'browser' };
}

const describe = (error: LmsError | null) => (error ? `${error.call}: ${error.code} ${error.message}` : 'no answer');
