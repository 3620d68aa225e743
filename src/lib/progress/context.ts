/**
 * The full progress store (profiles, settings, storage state) for the screens that manage them.
 * Quizzes and exercises use the narrower ProgressApi from api.ts; both come from the same store.
 */
import { getContext, setContext } from 'svelte';
import { setProgress } from './api.ts';
import type { ProgressStore } from './progress.svelte.ts';

const KEY = Symbol('progress-store');

/** Called once by the app shell. */
export function provideProgressStore(store: ProgressStore): void {
  setContext(KEY, store);
  setProgress(store);
}

/** The store set by the app shell. */
export function getProgressStore(): ProgressStore {
  const store = getContext<ProgressStore | undefined>(KEY);
  if (!store) throw new Error('getProgressStore() called outside the app shell');
  return store;
}
