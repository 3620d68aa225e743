/**
 * The learner side's stores, one context each: the roster (profiles, PINs, who is learning, idle
 * lock, device settings), the learner's progress, and storage health. Quizzes and exercises use the
 * narrower ProgressApi from api.ts, which the learner's progress implements.
 */
import { getContext, setContext } from 'svelte';
import { setProgress } from './api.ts';
import type { LearnerProgress } from './learner.svelte.ts';
import type { Roster } from './roster.svelte.ts';
import type { StorageHealth } from './storage-health.svelte.ts';

const ROSTER = Symbol('roster');
const LEARNER = Symbol('learner-progress');
const STORAGE = Symbol('storage-health');

/** Called once by the app shell (or a test harness). */
export function provideLearnerStores(stores: { storage: StorageHealth; roster: Roster; progress: LearnerProgress }): void {
  setContext(STORAGE, stores.storage);
  setContext(ROSTER, stores.roster);
  setContext(LEARNER, stores.progress);
  setProgress(stores.progress);
}

function need<T>(key: symbol, name: string): T {
  const value = getContext<T | undefined>(key);
  if (!value) throw new Error(`${name}() called outside the app shell`);
  return value;
}

/** The learners of this device, who is learning, the idle lock and device settings. */
export const getRoster = (): Roster => need(ROSTER, 'getRoster');
/** The current learner's lessons, activities, place and assignments. */
export const getLearnerProgress = (): LearnerProgress => need(LEARNER, 'getLearnerProgress');
/** Where records live and what went wrong with them, for banners and settings. */
export const getStorageHealth = (): StorageHealth => need(STORAGE, 'getStorageHealth');
