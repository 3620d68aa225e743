/**
 * The progress store's manager and assignment records (the methods the manager area and the
 * assignment screens use), over a real key-value store that is reopened to prove persistence.
 */
import { flushSync } from 'svelte';
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
    const store = await openStores(kv);
    expect(store.roster.settings.idleMinutes).toBe(30);
    expect(store.manager.pin).toBeNull();
    expect(store.storage.damaged).toEqual([]);
  });

  it('is set once, stored only as a hash, and opens the area for this page only', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    expect(store.manager.unlocked).toBe(false);
    await store.manager.setPin('4821');
    expect(store.manager.unlocked).toBe(true);
    expect(JSON.stringify(await kv.get('device/settings'))).not.toContain('4821');

    const reopened = await openStores(kv);
    expect(reopened.manager.unlocked).toBe(false);
    expect(await reopened.manager.checkPin('1111')).toBe(false);
    expect(reopened.manager.unlocked).toBe(false);
    expect(await reopened.manager.checkPin('4821')).toBe(true);
    expect(reopened.manager.unlocked).toBe(true);
    reopened.manager.lock();
    expect(reopened.manager.unlocked).toBe(false);
  });

  it('refuses every PIN while none is set', async () => {
    const store = await openStores(memoryKeyValue());
    expect(await store.manager.checkPin('0000')).toBe(false);
  });

  it('locks after the idle time, not before', async () => {
    const store = await openStores(memoryKeyValue());
    await store.manager.setPin('4821');
    const now = Date.now();
    store.roster.touch(now);
    expect(store.manager.lockIfIdle(now + 60_000)).toBe(false);
    expect(store.manager.lockIfIdle(now + store.roster.settings.idleMinutes * 60_000 + 1)).toBe(true);
    expect(store.manager.unlocked).toBe(false);
  });

  it('counts the idle time from activity in this page, wherever the app is: another tab’s activity does not keep it open', async () => {
    const kv = memoryKeyValue();
    const here = await openStores(kv);
    const elsewhere = await openStores(kv);
    const opened = Date.now();
    await here.manager.setPin('4821');
    const idle = here.roster.settings.idleMinutes * 60_000;
    // Someone keeps working in another tab (the device is not idle) …
    elsewhere.roster.touch(opened + idle - 1000);
    here.roster.touch(opened + idle - 1000);
    expect(here.roster.idle(opened + idle + 1000)).toBe(false);
    // … but nothing happened in the manager's page: it locks.
    expect(here.manager.lockIfIdle(opened + idle + 1000)).toBe(true);

    expect(await here.manager.checkPin('4821')).toBe(true);
    const again = Date.now();
    here.manager.touch(again + idle - 1000);
    expect(here.manager.lockIfIdle(again + idle + 1000)).toBe(false);
    expect(here.manager.lockIfIdle(again + 2 * idle)).toBe(true);
  });
});

describe('accepted assignments', () => {
  it('are kept per learner, once each, and come back with the learner', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    const anna = await store.roster.createProfile('Анна', null);
    expect(await store.progress.acceptAssignment(sampleAssignment())).toBe('accepted');
    expect(await store.progress.acceptAssignment(sampleAssignment())).toBe('already');
    expect(Object.keys(store.progress.assignments)).toEqual(['k7m2q9x4ab']);

    await store.roster.createProfile('Борис', null);
    expect(store.progress.assignments).toEqual({});
    store.roster.lock();

    const reopened = await openStores(kv);
    await reopened.roster.selectProfile(anna.id);
    flushSync();
    expect(reopened.progress.assignments['k7m2q9x4ab']?.assignment).toEqual(sampleAssignment());
    expect(await reopened.progress.acceptAssignment(sampleAssignment())).toBe('already');
  });

  it('needs a learner', async () => {
    const store = await openStores(memoryKeyValue());
    expect(await store.progress.acceptAssignment(sampleAssignment())).toBe('no-learner');
  });

  it('are cleared from view when the learner is locked', async () => {
    const store = await openStores(memoryKeyValue());
    await store.roster.createProfile('Анна', null);
    await store.progress.acceptAssignment(sampleAssignment());
    store.roster.lock();
    expect(store.progress.assignments).toEqual({});
  });

  it('can be given by the manager to learners of this tablet, without doubling', async () => {
    const store = await openStores(memoryKeyValue());
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
    const store = await openStores(memoryKeyValue());
    const anna = await store.roster.createProfile('Анна', null);
    await store.progress.acceptAssignment(sampleAssignment());
    expect(await store.progress.readLearner(anna.id)).toEqual({ lessons: [], activities: [], meta: null });
  });
});

describe('manager records', () => {
  it('keeps created assignments, newest first', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    expect(await store.manager.saveAssignment(sampleAssignment({ id: 'older00000', createdAt: Date.UTC(2025, 0, 1) }))).toBe(true);
    await store.manager.saveAssignment(sampleAssignment({ id: 'newer00000', createdAt: Date.UTC(2025, 0, 2) }));
    const reopened = await openStores(kv);
    expect((await reopened.manager.readAssignments()).map((a) => a.id)).toEqual(['newer00000', 'older00000']);
  });

  it('keeps imported reports; the same report again adds nothing, a later one is kept beside it', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    expect(await store.manager.saveReports([sampleReport(), sampleReport({ learner: 'Анна' })])).toBe(2);
    expect(await store.manager.saveReports([sampleReport()])).toBe(0);
    expect(await store.manager.saveReports([sampleReport({ createdAt: sampleReport().createdAt + 5 })])).toBe(1);
    const reports = await (await openStores(kv)).manager.readReports();
    expect(reports).toHaveLength(3);
    expect(reports.filter((r) => r.learner === 'Иван Смирнов').map((r) => r.createdAt).sort()).toEqual([sampleReport().createdAt, sampleReport().createdAt + 5]);
  });

  it('a report that collided with another under the old CRC-32 key never replaces it', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    // Same CRC-32 of the report without its moment (found by a birthday search, see identity.test.ts).
    const real = sampleReport({ learner: 'JzQmqOqYijZw' });
    const forged = sampleReport({ learner: 'qVJJIDGpPAtO', createdAt: real.createdAt + 1000 });
    expect(await store.manager.saveReports([real])).toBe(1);
    expect(await store.manager.saveReports([forged])).toBe(1);
    const learners = (await (await openStores(kv)).manager.readReports()).map((r) => r.learner).sort();
    expect(learners).toEqual(['JzQmqOqYijZw', 'qVJJIDGpPAtO']);
  });

  it('a forged report with the same identity but other content is kept apart; the real one stays', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    const id = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    const real = sampleReport({ learnerId: id });
    await store.manager.saveReports([real]);
    await store.manager.saveReports([{ ...real, modules: real.modules.map((m) => ({ ...m, status: 'passed', best: 100, attempts: 1, completedAt: real.createdAt })) }]);
    const reports = await store.manager.readReports();
    expect(reports).toHaveLength(2);
    expect(reports).toContainEqual(real);
  });

  it('deletes one report, and an assignment with the reports answering it, for good', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    const keep = sampleReport({ assignmentId: 'other00000', learner: 'Анна' });
    const ivan = sampleReport({ learnerId: '00000000-0000-4000-8000-00000000a002' });
    const petr = sampleReport({ learner: 'Пётр', learnerId: '00000000-0000-4000-8000-00000000a003' });
    await store.manager.saveAssignment(sampleAssignment());
    await store.manager.saveAssignment(sampleAssignment({ id: 'other00000' }));
    await store.manager.saveReports([keep, ivan, petr]);

    expect(await store.manager.deleteReports([ivan])).toBe(true);
    expect((await (await openStores(kv)).manager.readReports()).map((r) => r.learner).sort()).toEqual(['Анна', 'Пётр']);

    expect(await store.manager.deleteAssignment(sampleAssignment().id)).toBe(true);
    const reopened = await openStores(kv);
    expect((await reopened.manager.readAssignments()).map((a) => a.id)).toEqual(['other00000']);
    expect((await reopened.manager.readReports()).map((r) => r.learner)).toEqual(['Анна']);
  });

  it('says so when storage refuses a deletion, and keeps the report', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    await store.manager.saveReports([sampleReport()]);
    kv.remove = () => Promise.reject(new Error('refused'));
    expect(await store.manager.deleteReports([sampleReport()])).toBe(false);
    expect(store.storage.problem).not.toBeNull();
    expect(await store.manager.readReports()).toHaveLength(1);
  });

  it('sets a damaged stored report aside instead of showing it', async () => {
    const kv = memoryKeyValue();
    await kv.set('manager/report/bad', seal('managerReport', { ...sampleReport(), learner: '' }));
    const store = await openStores(kv);
    expect(await store.manager.readReports()).toEqual([]);
    expect(store.storage.damaged.map((d) => d.key)).toEqual(['manager/report/bad']);
  });
});

describe('a lost or forgotten manager PIN', () => {
  it('with manager data stored, a missing PIN is never simply set anew; the typed reset erases them, then a PIN can be set', async () => {
    const kv = memoryKeyValue();
    const first = await openStores(kv);
    expect(await first.manager.setPin('2580')).toBe(true);
    expect(await first.manager.saveAssignment(sampleAssignment())).toBe(true);
    expect(await first.manager.saveReports([sampleReport()])).toBe(1);
    await kv.remove('manager/pin'); // lost (a damaged record is set aside the same way)

    const store = await openStores(kv);
    expect(store.manager.pin).toBeNull();
    expect(store.manager.hasData).toBe(true);
    expect(await store.manager.setPin('1111')).toBe(false);
    expect(store.manager.unlocked).toBe(false);

    for (const word of ['', 'удалит', 'yes', 'УДАЛИТЬ!']) expect(await store.manager.resetArea(word)).toBe(false);
    expect(await store.manager.readReports()).toHaveLength(1);

    expect(await store.manager.resetArea(' удалить ')).toBe(true);
    expect(await store.manager.readReports()).toEqual([]);
    expect(await store.manager.readAssignments()).toEqual([]);
    expect(store.manager.hasData).toBe(false);
    expect(await store.manager.setPin('1111')).toBe(true);
  });

  it('a damaged PIN record counts as a lost PIN even with no other manager data: only the typed reset goes on', async () => {
    const kv = memoryKeyValue();
    const first = await openStores(kv);
    expect(await first.manager.setPin('2580')).toBe(true);
    await kv.set('manager/pin', seal('managerPin', { salt: 'x', hash: 'y', iterations: 1 } as never));

    const store = await openStores(kv);
    expect(store.manager.pin).toBeNull();
    expect(store.storage.damaged.map((d) => d.key)).toEqual(['manager/pin']);
    expect(store.manager.hasData).toBe(true);
    expect(await store.manager.setPin('1111')).toBe(false);
    expect(store.manager.unlocked).toBe(false);
    // A reload does not forget it: the damaged copy stays set aside.
    const again = await openStores(kv);
    expect(again.manager.hasData).toBe(true);
    expect(await again.manager.setPin('1111')).toBe(false);

    expect(await again.manager.resetArea('УДАЛИТЬ')).toBe(true);
    expect((await kv.keys()).filter((k) => k.includes('manager/'))).toEqual([]);
    expect(await again.manager.setPin('1111')).toBe(true);
  });

  it('a damaged settings record takes neither the manager PIN nor its data', async () => {
    const kv = memoryKeyValue();
    const first = await openStores(kv);
    expect(await first.manager.setPin('2580')).toBe(true);
    expect(await first.manager.saveAssignment(sampleAssignment())).toBe(true);
    await kv.set('device/settings', { v: 1, type: 'settings', data: 'garbage' });

    const store = await openStores(kv);
    expect(store.storage.damaged.map((d) => d.key)).toEqual(['device/settings']);
    expect(store.manager.unlocked).toBe(false);
    expect(store.manager.pin).not.toBeNull();
    expect(await store.manager.setPin('1111')).toBe(false);
    expect(await store.manager.checkPin('1111')).toBe(false);
    expect(await store.manager.checkPin('2580')).toBe(true);
  });

  it('a PIN set in another tab meanwhile is never replaced by this tab', async () => {
    const kv = memoryKeyValue();
    const stale = await openStores(kv);
    const other = await openStores(kv);
    expect(await other.manager.setPin('2580')).toBe(true);
    expect(await stale.manager.setPin('1111')).toBe(false);
    expect(stale.manager.pin).not.toBeNull();
    expect(await stale.manager.checkPin('2580')).toBe(true);
  });

  it('wrong manager PINs slow the next try, and a new page still waits', async () => {
    const kv = memoryKeyValue();
    const store = await openStores(kv);
    await store.manager.setPin('2580');
    store.manager.lock();
    for (let i = 0; i < 5; i++) expect((await store.manager.tryPin('0000')).result).toBe('wrong');
    expect(await store.manager.tryPin('2580')).toMatchObject({ result: 'wait' });
    expect(store.manager.unlocked).toBe(false);
    const again = await openStores(kv);
    expect(await again.manager.refreshPinWait()).toBeGreaterThan(0);
    expect(await again.manager.tryPin('2580')).toMatchObject({ result: 'wait' });
  });
});
