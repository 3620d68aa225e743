/**
 * The progress store's manager and assignment records (the methods the manager area and the
 * assignment screens use), over a real key-value store that is reopened to prove persistence.
 */
import { flushSync } from 'svelte';
import { openStoresWithManager } from '../../../tests/harness/open-stores.ts';
import { describe, expect, it } from 'vitest';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { DEFAULT_SETTINGS, seal } from '../progress/records.ts';
import { memoryKeyValue } from '../progress/storage.ts';
import { sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';

describe('manager PIN', () => {
  it('loads settings stored before the manager PIN existed, with no PIN', async () => {
    const kv = memoryKeyValue();
    const { managerPin: _gone, ...old } = DEFAULT_SETTINGS;
    await kv.set('device/settings', seal('settings', { ...old, idleMinutes: 30 } as typeof DEFAULT_SETTINGS));
    const store = await openStoresWithManager(kv);
    expect(store.roster.settings.idleMinutes).toBe(30);
    expect(store.managerStore.pin).toBeNull();
    expect(store.storage.damaged).toEqual([]);
  });

  it('is set once, stored only as a hash, and opens the area for this page only', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    expect(store.managerStore.unlocked).toBe(false);
    await store.managerStore.setPin('4821');
    expect(store.managerStore.unlocked).toBe(true);
    expect(JSON.stringify(await kv.get('device/settings'))).not.toContain('4821');

    const reopened = await openStoresWithManager(kv);
    expect(reopened.managerStore.unlocked).toBe(false);
    expect(await reopened.managerStore.checkPin('1111')).toBe(false);
    expect(reopened.managerStore.unlocked).toBe(false);
    expect(await reopened.managerStore.checkPin('4821')).toBe(true);
    expect(reopened.managerStore.unlocked).toBe(true);
    reopened.managerStore.lock();
    expect(reopened.managerStore.unlocked).toBe(false);
  });

  it('refuses every PIN while none is set', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    expect(await store.managerStore.checkPin('0000')).toBe(false);
  });

  it('locks after the idle time, not before', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    await store.managerStore.setPin('4821');
    const now = Date.now();
    store.roster.touch(now);
    expect(store.managerStore.lockIfIdle(now + 60_000)).toBe(false);
    expect(store.managerStore.lockIfIdle(now + store.roster.settings.idleMinutes * 60_000 + 1)).toBe(true);
    expect(store.managerStore.unlocked).toBe(false);
  });

  it('counts the idle time from activity in this page, wherever the app is: another tab’s activity does not keep it open', async () => {
    const kv = memoryKeyValue();
    const here = await openStoresWithManager(kv);
    const elsewhere = await openStoresWithManager(kv);
    const opened = Date.now();
    await here.managerStore.setPin('4821');
    const idle = here.roster.settings.idleMinutes * 60_000;
    // Someone keeps working in another tab (the device is not idle) …
    elsewhere.roster.touch(opened + idle - 1000);
    here.roster.touch(opened + idle - 1000);
    expect(here.roster.idle(opened + idle + 1000)).toBe(false);
    // … but nothing happened in the manager's page: it locks.
    expect(here.managerStore.lockIfIdle(opened + idle + 1000)).toBe(true);

    expect(await here.managerStore.checkPin('4821')).toBe(true);
    const again = Date.now();
    here.managerStore.touch(again + idle - 1000);
    expect(here.managerStore.lockIfIdle(again + idle + 1000)).toBe(false);
    expect(here.managerStore.lockIfIdle(again + 2 * idle)).toBe(true);
  });
});

describe('accepted assignments', () => {
  it('are kept per learner, once each, and come back with the learner', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    const anna = await store.roster.createProfile('Анна', null);
    expect(await store.progress.acceptAssignment(sampleAssignment())).toBe('accepted');
    expect(await store.progress.acceptAssignment(sampleAssignment())).toBe('already');
    expect(Object.keys(store.progress.assignments)).toEqual(['k7m2q9x4ab']);

    await store.roster.createProfile('Борис', null);
    expect(store.progress.assignments).toEqual({});
    store.roster.lock();

    const reopened = await openStoresWithManager(kv);
    await reopened.roster.selectProfile(anna.id);
    flushSync();
    expect(reopened.progress.assignments['k7m2q9x4ab']?.assignment).toEqual(sampleAssignment());
    expect(await reopened.progress.acceptAssignment(sampleAssignment())).toBe('already');
  });

  it('needs a learner', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    expect(await store.progress.acceptAssignment(sampleAssignment())).toBe('no-learner');
  });

  it('are cleared from view when the learner is locked', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    await store.roster.createProfile('Анна', null);
    await store.progress.acceptAssignment(sampleAssignment());
    store.roster.lock();
    expect(store.progress.assignments).toEqual({});
  });

  it('can be given by the manager to learners of this tablet, without doubling', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    const anna = await store.roster.createProfile('Анна', null);
    const boris = await store.roster.createProfile('Борис', null);
    await store.progress.acceptAssignment(sampleAssignment()); // Борис has it already
    expect(await store.progress.assignToProfiles(sampleAssignment(), [anna.id, boris.id])).toBe(1);
    expect((await store.progress.readAssignments(anna.id)).map((a) => a.assignment.id)).toEqual(['k7m2q9x4ab']);
    expect(await store.progress.readAssignments(boris.id)).toHaveLength(1);
    expect(await store.progress.assignToProfiles(sampleAssignment({ id: 'other00000' }), [boris.id])).toBe(1);
    expect(Object.keys(store.progress.assignments).sort()).toEqual(['k7m2q9x4ab', 'other00000']); // the open learner sees it at once
  });

  it('do not show up as lessons or activities in a learner’s backup data', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    const anna = await store.roster.createProfile('Анна', null);
    await store.progress.acceptAssignment(sampleAssignment());
    expect(await store.progress.readLearner(anna.id)).toEqual({ lessons: [], activities: [], meta: null });
  });
});

describe('manager records', () => {
  it('keeps created assignments, newest first', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    expect(await store.managerStore.saveAssignment(sampleAssignment({ id: 'older00000', createdAt: Date.UTC(2025, 0, 1) }))).toBe(true);
    await store.managerStore.saveAssignment(sampleAssignment({ id: 'newer00000', createdAt: Date.UTC(2025, 0, 2) }));
    const reopened = await openStoresWithManager(kv);
    expect((await reopened.managerStore.readAssignments()).map((a) => a.id)).toEqual(['newer00000', 'older00000']);
  });

  it('tells open lists to read again when this page adds or deletes (a screen that read before the write ended)', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    const manager = store.managerStore;
    const start = manager.revision;
    expect(await manager.saveReports([sampleReport()])).toBe(1);
    expect(manager.revision).toBeGreaterThan(start);
    const afterReport = manager.revision;
    expect(await manager.saveReports([sampleReport()])).toBe(0); // nothing new: nothing to read again
    expect(manager.revision).toBe(afterReport);
    expect(await manager.saveAssignment(sampleAssignment())).toBe(true);
    expect(manager.revision).toBeGreaterThan(afterReport);
    const afterAssignment = manager.revision;
    expect(await manager.deleteReports([sampleReport()])).toBe(true);
    expect(manager.revision).toBeGreaterThan(afterAssignment);
  });

  it('keeps imported reports; the same report again adds nothing, a later one is kept beside it', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    expect(await store.managerStore.saveReports([sampleReport(), sampleReport({ learner: 'Анна' })])).toBe(2);
    expect(await store.managerStore.saveReports([sampleReport()])).toBe(0);
    expect(await store.managerStore.saveReports([sampleReport({ createdAt: sampleReport().createdAt + 5 })])).toBe(1);
    const reports = await (await openStoresWithManager(kv)).managerStore.readReports();
    expect(reports).toHaveLength(3);
    expect(reports.filter((r) => r.learner === 'Иван Смирнов').map((r) => r.createdAt).sort()).toEqual([sampleReport().createdAt, sampleReport().createdAt + 5]);
  });

  it('a report that collided with another under the old CRC-32 key never replaces it', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    // Same CRC-32 of the report without its moment (found by a birthday search, see identity.test.ts).
    const real = sampleReport({ learner: 'JzQmqOqYijZw' });
    const forged = sampleReport({ learner: 'qVJJIDGpPAtO', createdAt: real.createdAt + 1000 });
    expect(await store.managerStore.saveReports([real])).toBe(1);
    expect(await store.managerStore.saveReports([forged])).toBe(1);
    const learners = (await (await openStoresWithManager(kv)).managerStore.readReports()).map((r) => r.learner).sort();
    expect(learners).toEqual(['JzQmqOqYijZw', 'qVJJIDGpPAtO']);
  });

  it('a forged report with the same identity but other content is kept apart; the real one stays', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    const id = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    const real = sampleReport({ learnerId: id });
    await store.managerStore.saveReports([real]);
    await store.managerStore.saveReports([{ ...real, modules: real.modules.map((m) => ({ ...m, status: 'passed', best: 100, attempts: 1, completedAt: real.createdAt })) }]);
    const reports = await store.managerStore.readReports();
    expect(reports).toHaveLength(2);
    expect(reports).toContainEqual(real);
  });

  it('deletes one report, and an assignment with the reports answering it, for good', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    const keep = sampleReport({ assignmentId: 'other00000', learner: 'Анна' });
    const ivan = sampleReport({ learnerId: '00000000-0000-4000-8000-00000000a002' });
    const petr = sampleReport({ learner: 'Пётр', learnerId: '00000000-0000-4000-8000-00000000a003' });
    await store.managerStore.saveAssignment(sampleAssignment());
    await store.managerStore.saveAssignment(sampleAssignment({ id: 'other00000' }));
    await store.managerStore.saveReports([keep, ivan, petr]);

    expect(await store.managerStore.deleteReports([ivan])).toBe(true);
    expect((await (await openStoresWithManager(kv)).managerStore.readReports()).map((r) => r.learner).sort()).toEqual(['Анна', 'Пётр']);

    expect(await store.managerStore.deleteAssignment(sampleAssignment().id)).toBe(true);
    const reopened = await openStoresWithManager(kv);
    expect((await reopened.managerStore.readAssignments()).map((a) => a.id)).toEqual(['other00000']);
    expect((await reopened.managerStore.readReports()).map((r) => r.learner)).toEqual(['Анна']);
  });

  it('says so when storage refuses a deletion, and keeps the report', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    await store.managerStore.saveReports([sampleReport()]);
    kv.remove = () => Promise.reject(new Error('refused'));
    expect(await store.managerStore.deleteReports([sampleReport()])).toBe(false);
    expect(store.storage.problem).not.toBeNull();
    expect(await store.managerStore.readReports()).toHaveLength(1);
  });

  it('sets a damaged stored report aside instead of showing it', async () => {
    const kv = memoryKeyValue();
    await kv.set('manager/report/bad', seal('managerReport', { ...sampleReport(), learner: '' }));
    const store = await openStoresWithManager(kv);
    expect(await store.managerStore.readReports()).toEqual([]);
    expect(store.storage.damaged.map((d) => d.key)).toEqual(['manager/report/bad']);
  });
});

describe('a lost or forgotten manager PIN', () => {
  it('with manager data stored, a missing PIN is never simply set anew; the typed reset erases them, then a PIN can be set', async () => {
    const kv = memoryKeyValue();
    const first = await openStoresWithManager(kv);
    expect(await first.managerStore.setPin('2580')).toBe(true);
    expect(await first.managerStore.saveAssignment(sampleAssignment())).toBe(true);
    expect(await first.managerStore.saveReports([sampleReport()])).toBe(1);
    await kv.remove('manager/pin'); // lost (a damaged record is set aside the same way)

    const store = await openStoresWithManager(kv);
    expect(store.managerStore.pin).toBeNull();
    expect(store.managerStore.hasData).toBe(true);
    expect(await store.managerStore.setPin('1111')).toBe(false);
    expect(store.managerStore.unlocked).toBe(false);

    for (const word of ['', 'удалит', 'yes', 'УДАЛИТЬ!']) expect(await store.managerStore.resetArea(word)).toBe(false);
    expect(await store.managerStore.readReports()).toHaveLength(1);

    expect(await store.managerStore.resetArea(' удалить ')).toBe(true);
    expect(await store.managerStore.readReports()).toEqual([]);
    expect(await store.managerStore.readAssignments()).toEqual([]);
    expect(store.managerStore.hasData).toBe(false);
    expect(await store.managerStore.setPin('1111')).toBe(true);
  });

  it('a damaged PIN record counts as a lost PIN even with no other manager data: only the typed reset goes on', async () => {
    const kv = memoryKeyValue();
    const first = await openStoresWithManager(kv);
    expect(await first.managerStore.setPin('2580')).toBe(true);
    await kv.set('manager/pin', seal('managerPin', { salt: 'x', hash: 'y', iterations: 1 } as never));

    const store = await openStoresWithManager(kv);
    expect(store.managerStore.pin).toBeNull();
    expect(store.storage.damaged.map((d) => d.key)).toEqual(['manager/pin']);
    expect(store.managerStore.hasData).toBe(true);
    expect(await store.managerStore.setPin('1111')).toBe(false);
    expect(store.managerStore.unlocked).toBe(false);
    // A reload does not forget it: the damaged copy stays set aside.
    const again = await openStoresWithManager(kv);
    expect(again.managerStore.hasData).toBe(true);
    expect(await again.managerStore.setPin('1111')).toBe(false);

    expect(await again.managerStore.resetArea('УДАЛИТЬ')).toBe(true);
    expect((await kv.keys()).filter((k) => k.includes('manager/'))).toEqual([]);
    expect(await again.managerStore.setPin('1111')).toBe(true);
  });

  it('a damaged settings record takes neither the manager PIN nor its data', async () => {
    const kv = memoryKeyValue();
    const first = await openStoresWithManager(kv);
    expect(await first.managerStore.setPin('2580')).toBe(true);
    expect(await first.managerStore.saveAssignment(sampleAssignment())).toBe(true);
    await kv.set('device/settings', { v: 1, type: 'settings', data: 'garbage' });

    const store = await openStoresWithManager(kv);
    expect(store.storage.damaged.map((d) => d.key)).toEqual(['device/settings']);
    expect(store.managerStore.unlocked).toBe(false);
    expect(store.managerStore.pin).not.toBeNull();
    expect(await store.managerStore.setPin('1111')).toBe(false);
    expect(await store.managerStore.checkPin('1111')).toBe(false);
    expect(await store.managerStore.checkPin('2580')).toBe(true);
  });

  it('a PIN set in another tab meanwhile is never replaced by this tab', async () => {
    const kv = memoryKeyValue();
    const stale = await openStoresWithManager(kv);
    const other = await openStoresWithManager(kv);
    expect(await other.managerStore.setPin('2580')).toBe(true);
    expect(await stale.managerStore.setPin('1111')).toBe(false);
    expect(stale.managerStore.pin).not.toBeNull();
    expect(await stale.managerStore.checkPin('2580')).toBe(true);
  });

  it('wrong manager PINs slow the next try, and a new page still waits', async () => {
    const kv = memoryKeyValue();
    const store = await openStoresWithManager(kv);
    await store.managerStore.setPin('2580');
    store.managerStore.lock();
    for (let i = 0; i < 5; i++) expect((await store.managerStore.tryPin('0000')).result).toBe('wrong');
    expect(await store.managerStore.tryPin('2580')).toMatchObject({ result: 'wait' });
    expect(store.managerStore.unlocked).toBe(false);
    const again = await openStoresWithManager(kv);
    expect(await again.managerStore.refreshPinWait()).toBeGreaterThan(0);
    expect(await again.managerStore.tryPin('2580')).toMatchObject({ result: 'wait' });
  });
});
