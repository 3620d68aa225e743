/**
 * The manager store, handed down by context to the manager area's screens. Its code comes with the
 * manager area, not with a learner's screens: the shell holds a `ManagerSlot`, which opens the store
 * the first time the area is entered (the router's loaders wait for it, `openManagerArea`).
 */
import { getContext, setContext } from 'svelte';
import { loadOnce } from '$lib/app/load-once.ts';
import type { ManagerStore } from './manager-store.svelte.ts';

const KEY = Symbol('manager');

/** The manager store once opened; until then locking and idle checks have nothing to do. */
export class ManagerSlot {
  #store: ManagerStore | null = null;
  /** Opens the store once (its code and its PIN record); a failed open is tried again next time. */
  readonly open: () => Promise<ManagerStore>;

  constructor(load: () => Promise<ManagerStore>) {
    this.open = loadOnce(async () => (this.#store = await load()));
  }

  /** The store, or null while the manager area has not been entered in this page. */
  get store(): ManagerStore | null {
    return this.#store;
  }

  lock(): void {
    this.#store?.lock();
  }

  touch(): void {
    this.#store?.touch();
  }

  lockIfIdle(now?: number): boolean {
    return this.#store?.lockIfIdle(now) ?? false;
  }
}

/** The slot of the shell last provided: the router's loaders open it before a manager screen. */
let provided: ManagerSlot | null = null;

/** Called once by the app shell (or a test harness). */
export function provideManager(slot: ManagerSlot): void {
  setContext(KEY, slot);
  provided = slot;
}

/** Opens the manager store of the shell (for the router, before a manager screen loads). */
export async function openManagerArea(): Promise<void> {
  await provided?.open();
}

/** The manager store set by the app shell, opened before any manager screen is shown. */
export function getManager(): ManagerStore {
  const store = getContext<ManagerSlot | undefined>(KEY)?.store;
  if (!store) throw new Error('getManager() called before the manager store was opened (or outside the app shell)');
  return store;
}
