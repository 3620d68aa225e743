/**
 * The only LMS code in the normal build: in any mode but `scorm` this is `return null`, and the
 * adapter is never bundled. The SCORM build loads the adapter on demand, before the first screen.
 */
import type { AppStores } from '$lib/app/stores.ts';
import { loadMessages } from '$lib/i18n/index.ts';
import type { LearnerProgress } from '$lib/progress/learner.svelte.ts';
import type { Roster } from '$lib/progress/roster.svelte.ts';
import type { LmsSession } from './session.ts';

/** How the course found itself at start-up in the SCORM build. */
export type LmsStart =
  /** An LMS answered: its learner is the learner, progress is reported to it. */
  | { kind: 'connected'; session: LmsSession; storage: 'browser' }
  /**
   * An LMS answered, but this browser cannot keep the learner: `stores` hold them in memory for
   * this session (the app uses them instead of its own), and everything still goes to the LMS.
   */
  | { kind: 'connected'; session: LmsSession; storage: 'memory'; stores: AppStores }
  /** No LMS API anywhere: progress stays in this browser. */
  | { kind: 'absent' }
  /** An API was found but refused to start, or the learner could not be opened. */
  | { kind: 'failed'; detail: string };

/** Connects to the LMS in the SCORM build; null in every other build. */
export async function startLms(stores: { roster: Roster; progress: LearnerProgress }): Promise<LmsStart | null> {
  if (import.meta.env.MODE !== 'scorm') return null;
  try {
    // Its messages (the `lms` area) come with it: only the SCORM build needs them.
    const [{ connectLms }] = await Promise.all([import('./session.ts'), loadMessages(['lms'])]);
    return await connectLms(stores);
  } catch (error) {
    console.warn('LMS adapter failed to load', error);
    return { kind: 'failed', detail: (error as Error)?.message ?? String(error) };
  }
}
