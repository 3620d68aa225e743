/**
 * The app's stores for a test that uses the manager store at once: opened as entering the manager
 * area opens it (the app opens it only then, `ManagerSlot`).
 */
import { openStores, type AppStores } from '$lib/app/stores.ts';
import type { ManagerStore } from '$lib/manager/manager-store.svelte.ts';
import type { KeyValue } from '$lib/progress/storage.ts';

export async function openStoresWithManager(kv?: KeyValue): Promise<AppStores & { managerStore: ManagerStore }> {
  const stores = await openStores(kv);
  return Object.assign(stores, { managerStore: await stores.manager.open() });
}
