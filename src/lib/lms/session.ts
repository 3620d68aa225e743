/**
 * A course session inside an LMS: finds and opens the API, makes the LMS learner the learner of
 * this browser (merging the LMS's resume data, never losing better local results), then reports
 * progress and closes the session. Loaded only by the SCORM build (see start.ts).
 */
import { courseIndex } from '$lib/course/course.ts';
import type { CourseIndex } from '$lib/course/types.ts';
import { isLearningRoute } from '$lib/routing/routing.ts';
import type { LearnerProgress } from '$lib/progress/learner.svelte.ts';
import type { Roster } from '$lib/progress/roster.svelte.ts';
import { LmsConnection, type LmsError } from './connection.ts';
import { findLmsApi, type WindowLike } from './discovery.ts';
import { displayName, lmsProfileId, resumeRecords } from './learner.ts';
import { VERSION_META, type ScormVersion } from './package-meta.ts';
import { cmiValues, courseReport, LEARNER_ELEMENTS, sessionTimeValue } from './report.ts';
import type { LmsStart } from './start.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004, type ProgressData } from './suspend-data.ts';

/** Reports progress to an open LMS connection and ends the session. No Svelte, no DOM. */
export class LmsSession {
  readonly connection: LmsConnection;
  /** The profile of this browser that is the LMS learner. */
  readonly profileId: string;
  #index: CourseIndex;
  #startedAt: number;
  #now: () => number;
  /** What the LMS was last told, so only changes are sent. */
  #sent = new Map<string, string>();

  constructor(connection: LmsConnection, profileId: string, index: CourseIndex = courseIndex, now: () => number = Date.now) {
    this.connection = connection;
    this.profileId = profileId;
    this.#index = index;
    this.#now = now;
    this.#startedAt = now();
  }

  get version(): ScormVersion {
    return this.connection.version;
  }

  /** The last call the LMS refused, if any. */
  get lastError(): LmsError | null {
    return this.connection.lastError;
  }

  /**
   * Sends status, score, location and suspend data when any of them changed (or always with
   * `force`), with the session time so far, then commits. False when the LMS refused the commit.
   */
  report(progress: ProgressData, { force = false } = {}): boolean {
    if (this.connection.state !== 'open') return false;
    const lessons = Object.fromEntries(progress.lessons.map((l) => [l.lessonId, l]));
    const activities = Object.fromEntries(progress.activities.map((a) => [a.key, a]));
    const limit = this.version === '1.2' ? SUSPEND_LIMIT_12 : SUSPEND_LIMIT_2004;
    const suspendData = encodeSuspendData(this.#index.steps, progress, limit);
    let values = cmiValues(this.version, { report: courseReport(this.#index, lessons, activities), location: progress.meta?.location ?? null, suspendData });
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
    return this.connection.commit();
  }

  /** The last report, then LMSFinish / Terminate. Nothing is sent after this. */
  finish(progress: ProgressData): boolean {
    if (this.connection.state !== 'open') return false;
    this.report(progress, { force: true });
    return this.connection.terminate();
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

/**
 * Looks for the LMS; when found, opens the session, opens (or creates) the LMS learner's profile
 * with the LMS's resume data merged in, and moves to where they stopped unless the launch named
 * a place itself. Never throws: trouble becomes `failed`, and the course goes on in the browser.
 */
export async function connectLms({ roster, progress }: { roster: Roster; progress: LearnerProgress }, win: Window = window): Promise<LmsStart> {
  const found = findLmsApi(win as unknown as WindowLike, packageVersion(win.document));
  if (!found) return { kind: 'absent' };
  const connection = new LmsConnection(found);
  if (!connection.initialize()) return { kind: 'failed', detail: describe(connection.lastError) };
  try {
    const elements = LEARNER_ELEMENTS[connection.version];
    const learnerId = connection.get(elements.id);
    const profileId = lmsProfileId(learnerId || 'anonymous');
    const now = Date.now();
    const existing = roster.profiles.find((p) => p.id === profileId);
    // The LMS signed the learner in: their profile here needs no PIN of its own.
    const profile = { id: profileId, name: displayName(connection.get(elements.name), learnerId), pin: null, createdAt: existing?.createdAt ?? now, lastActiveAt: now };
    if (!(await roster.saveProfile(profile))) throw new Error('the LMS learner could not be saved in this browser');

    const fromLms = decodeSuspendData(courseIndex.steps, connection.get(elements.suspendData)) ?? { lessons: [], activities: [], meta: null };
    const lmsLocation = resumableLocation(connection.get(elements.location));
    if (!fromLms.meta && lmsLocation) fromLms.meta = { location: lmsLocation, updatedAt: 0 };
    await progress.mergeInto(profileId, resumeRecords(fromLms, await progress.readLearner(profileId)));
    const opened = await roster.selectProfile(profileId);
    if (opened !== 'ok') throw new Error(`the LMS learner could not be opened (${opened})`);

    const resume = resumableLocation(progress.meta.location);
    if (resume && ['', '#', '#/'].includes(win.location.hash)) {
      // As the router's own replace() does: no new history entry, and tell the router.
      win.history.replaceState(win.history.state, '', resume);
      win.dispatchEvent(new Event('hashchange'));
    }
    return { kind: 'connected', session: new LmsSession(connection, profileId) };
  } catch (error) {
    console.warn('LMS: could not open the learner', error);
    connection.terminate();
    return { kind: 'failed', detail: (error as Error)?.message ?? String(error) };
  }
}

const describe = (error: LmsError | null) => (error ? `${error.call}: ${error.code} ${error.message}` : 'no answer');
