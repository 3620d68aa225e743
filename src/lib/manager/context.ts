/** The manager store, handed down by context to the manager area's screens. */
import { getContext, setContext } from 'svelte';
import type { ManagerStore } from './manager-store.svelte.ts';

const KEY = Symbol('manager');

/** Called once by the app shell (or a test harness). */
export function provideManager(store: ManagerStore): void {
  setContext(KEY, store);
}

/** The manager store set by the app shell. */
export function getManager(): ManagerStore {
  const store = getContext<ManagerStore | undefined>(KEY);
  if (!store) throw new Error('getManager() called outside the app shell: no manager store in context');
  return store;
}
