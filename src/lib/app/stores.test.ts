/**
 * Two tabs of the app on one device: two sets of stores over the same (fake) IndexedDB database,
 * talking over the same BroadcastChannel as real tabs do. A stale tab must not clear the manager
 * PIN, reopen a learner who was signed out, or undo another tab's change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStoresWithManager } from '../../../tests/harness/open-stores.ts';
import { DEFAULT_SETTINGS, seal } from '$lib/progress/records.ts';
import { openKeyValue } from '$lib/progress/storage.ts';
import { hashPin } from '$lib/progress/pin.ts';
import { openStores, type AppStores } from './stores.ts';

let dbName: string;
type Tab = Awaited<ReturnType<typeof openStoresWithManager>>;
const open: Tab[] = [];

/** A new tab: its own stores over the same database. */
async function tab(): Promise<Tab> {
  const stores = await openStoresWithManager((await openKeyValue(dbName)).kv);
  open.push(stores);
  return stores;
}

beforeEach(() => {
  dbName = `tabs-${crypto.randomUUID()}`;
});

afterEach(() => {
  open.splice(0).forEach((s) => s.storage.db.close());
});

describe('a stale tab', () => {
  it('cannot clear the manager PIN with «Сменить ученика» or a setting', async () => {
    const first = await tab();
    await first.roster.createProfile('Анна', null);
    const stale = await tab(); // opened before the manager set a PIN
    expect(await first.managerStore.setPin('4821')).toBe(true);
    stale.roster.lock();
    await stale.roster.setIdleMinutes(30);
    await stale.roster.notePersistence(true);

    const later = await tab();
    expect(later.managerStore.pin).not.toBeNull();
    expect(await later.managerStore.checkPin('4821')).toBe(true);
  });

  it('cannot set a second manager PIN over the one another tab set', async () => {
    const first = await tab();
    const stale = await tab();
    expect(await first.managerStore.setPin('1111')).toBe(true);
    expect(await stale.managerStore.setPin('2222')).toBe(false);
    expect(stale.managerStore.unlocked).toBe(false);
    expect(stale.managerStore.pin).not.toBeNull(); // the form now asks for the PIN that is set
    const later = await tab();
    expect(await later.managerStore.checkPin('2222')).toBe(false);
    expect(await later.managerStore.checkPin('1111')).toBe(true);
  });

  it('cannot reopen a PIN-protected learner who was signed out in another tab', async () => {
    const setup = await tab();
    const vera = await setup.roster.createProfile('Вера', '1234');
    const one = await tab();
    const two = await tab();
    expect(one.roster.learner?.id).toBe(vera.id);
    expect(two.roster.learner?.id).toBe(vera.id);

    one.roster.lock(); // «Сменить ученика»
    await vi.waitFor(() => expect(two.roster.learner).toBeNull(), { timeout: 5000 }); // the other tab follows
    await two.roster.setIdleMinutes(30); // …and its setting change writes only that field

    const reloaded = await tab();
    expect(reloaded.roster.learner).toBeNull();
    expect(reloaded.roster.settings.idleMinutes).toBe(30);
  });

  it('does not sign out a learner another tab opened since', async () => {
    const setup = await tab();
    const anna = await setup.roster.createProfile('Анна', null);
    const stale = await tab();
    setup.roster.lock();
    const boris = await setup.roster.createProfile('Борис', null);
    await vi.waitFor(() => expect(stale.roster.learner).toBeNull(), { timeout: 5000 });
    stale.roster.lock(); // a second «Сменить ученика» in the old tab, meant for Анна
    await stale.roster.setIdleMinutes(20);
    const reloaded = await tab();
    expect(reloaded.roster.learner?.id).toBe(boris.id);
    expect(reloaded.roster.learner?.id).not.toBe(anna.id);
  });

  it('cannot undo another tab’s setting, and shows it', async () => {
    const first = await tab();
    const stale = await tab();
    await first.roster.setIdleMinutes(45);
    await stale.roster.notePersistence(false);
    stale.roster.touch(Date.now() + 120_000);
    const reloaded = await tab();
    expect(reloaded.roster.settings.idleMinutes).toBe(45);
    expect(reloaded.roster.settings.persistAsked).toBe(true);
    await vi.waitFor(() => expect(stale.roster.settings.idleMinutes).toBe(45), { timeout: 5000 });
  });
});

describe('the manager PIN', () => {
  it('survives a damaged settings record', async () => {
    const first = await tab();
    await first.managerStore.setPin('4821');
    const kv = (await openKeyValue(dbName)).kv;
    // A field out of range is repaired on read (schema fallbacks); a record whose data is no object is damaged.
    await kv.set('device/settings', { v: 1, type: 'settings', data: 'idleMinutes=ten' });
    const later = await tab();
    expect(later.storage.damaged.map((d) => d.key)).toEqual(['device/settings']);
    expect(await later.managerStore.checkPin('4821')).toBe(true);
  });

  it('is not read until the manager area opens; one kept in settings survives the roster’s writes meanwhile', async () => {
    const kv = (await openKeyValue(dbName)).kv;
    const legacy = await hashPin('4821');
    await kv.set('device/settings', seal('settings', { ...DEFAULT_SETTINGS, managerPin: legacy }));
    const stores = await openStores((await openKeyValue(dbName)).kv);
    open.push(Object.assign(stores, { managerStore: null as never }));
    expect(stores.manager.store).toBeNull();
    stores.manager.lock(); // the shell locks on the learner side: nothing to do yet
    expect(stores.manager.lockIfIdle(Date.now() + 86_400_000)).toBe(false);
    await stores.roster.setIdleMinutes(15);
    const manager = await stores.manager.open();
    expect(await stores.manager.open()).toBe(manager);
    expect(manager.pin).toEqual(legacy);
    expect(await manager.checkPin('4821')).toBe(true);
    expect(await kv.get('manager/pin')).toMatchObject({ type: 'managerPin', data: legacy });
  });

  it('kept in settings by an earlier build moves to its own record', async () => {
    const kv = (await openKeyValue(dbName)).kv;
    const legacy = await hashPin('4821');
    await kv.set('device/settings', seal('settings', { ...DEFAULT_SETTINGS, idleMinutes: 30, managerPin: legacy }));
    const first = await tab();
    expect(first.managerStore.pin).toEqual(legacy);
    expect(first.roster.settings.idleMinutes).toBe(30);
    expect(await kv.get('manager/pin')).toMatchObject({ type: 'managerPin', data: legacy });
    expect(await kv.get('device/settings')).toMatchObject({ data: { managerPin: null, idleMinutes: 30 } });
    expect(await (await tab()).managerStore.checkPin('4821')).toBe(true);
  });

  it('locks the manager area after the idle time', async () => {
    const first = await tab();
    await first.managerStore.setPin('4821');
    const now = Date.now();
    first.roster.touch(now);
    expect(first.managerStore.lockIfIdle(now + 60_000)).toBe(false);
    expect(first.managerStore.lockIfIdle(now + first.roster.settings.idleMinutes * 60_000 + 1)).toBe(true);
    expect(first.managerStore.unlocked).toBe(false);
  });
});
