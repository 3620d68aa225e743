/**
 * Opens the app's stores over one database: storage health, the roster, the learner's progress and
 * the manager store (opened when the manager area is first entered: its code is not on a learner's
 * path), and hands each down by its own context. The only module that knows them all.
 */
import { ManagerSlot, provideManager } from '$lib/manager/context.ts';
import { provideLearnerStores } from '$lib/progress/context.ts';
import { LearnerProgress } from '$lib/progress/learner.svelte.ts';
import { Roster } from '$lib/progress/roster.svelte.ts';
import { StorageHealth } from '$lib/progress/storage-health.svelte.ts';
import type { KeyValue } from '$lib/progress/storage.ts';

export interface AppStores {
  storage: StorageHealth;
  roster: Roster;
  progress: LearnerProgress;
  manager: ManagerSlot;
}

/** Opens storage (IndexedDB, or memory when refused; `kv` for tests) and loads the roster; the manager store waits for its area. */
export async function openStores(kv?: KeyValue): Promise<AppStores> {
  const storage = await StorageHealth.open(kv);
  const roster = new Roster(storage);
  const progress = new LearnerProgress(storage, roster);
  await roster.load();
  const manager = new ManagerSlot(async () => (await import('$lib/manager/manager-store.svelte.ts')).ManagerStore.open(storage, roster));
  return { storage, roster, progress, manager };
}

/** Hands every store down by its context; called once by the app shell (or a test harness). */
export function provideStores(stores: AppStores): void {
  provideLearnerStores(stores);
  provideManager(stores.manager);
}
