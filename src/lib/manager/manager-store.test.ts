/**
 * The progress store's manager and assignment records (the methods the manager area and the
 * assignment screens use), over a real key-value store that is reopened to prove persistence.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../progress/progress.svelte.ts';
import { DEFAULT_SETTINGS, seal } from '../progress/records.ts';
import { memoryKeyValue } from '../progress/storage.ts';
import { sampleAssignment, sampleReport } from './test-data.ts';

describe('manager PIN', () => {
  it('loads settings stored before the manager PIN existed, with no PIN', async () => {
    const kv = memoryKeyValue();
    const { managerPin: _gone, ...old } = DEFAULT_SETTINGS;
    await kv.set('device/settings', seal('settings', { ...old, idleMinutes: 30 } as typeof DEFAULT_SETTINGS));
    const store = await ProgressStore.open(kv);
    expect(store.settings.idleMinutes).toBe(30);
    expect(store.settings.managerPin).toBeNull();
    expect(store.damaged).toEqual([]);
  });

  it('is set once, stored only as a hash, and opens the area for this page only', async () => {
    const kv = memoryKeyValue();
    const store = await ProgressStore.open(kv);
    expect(store.managerUnlocked).toBe(false);
    await store.setManagerPin('4821');
    expect(store.managerUnlocked).toBe(true);
    expect(JSON.stringify(await kv.get('device/settings'))).not.toContain('4821');

    const reopened = await ProgressStore.open(kv);
    expect(reopened.managerUnlocked).toBe(false);
    expect(await reopened.checkManagerPin('1111')).toBe(false);
    expect(reopened.managerUnlocked).toBe(false);
    expect(await reopened.checkManagerPin('4821')).toBe(true);
    expect(reopened.managerUnlocked).toBe(true);
    reopened.lockManager();
    expect(reopened.managerUnlocked).toBe(false);
  });

  it('refuses every PIN while none is set', async () => {
    const store = await ProgressStore.open(memoryKeyValue());
    expect(await store.checkManagerPin('0000')).toBe(false);
  });

  it('locks after the idle time, not before', async () => {
    const store = await ProgressStore.open(memoryKeyValue());
    await store.setManagerPin('4821');
    const now = Date.now();
    store.touch(now);
    expect(store.lockManagerIfIdle(now + 60_000)).toBe(false);
    expect(store.lockManagerIfIdle(now + store.settings.idleMinutes * 60_000 + 1)).toBe(true);
    expect(store.managerUnlocked).toBe(false);
  });
});

describe('accepted assignments', () => {
  it('are kept per learner, once each, and come back with the learner', async () => {
    const kv = memoryKeyValue();
    const store = await ProgressStore.open(kv);
    const anna = await store.createProfile('Анна', null);
    expect(await store.acceptAssignment(sampleAssignment())).toBe('accepted');
    expect(await store.acceptAssignment(sampleAssignment())).toBe('already');
    expect(Object.keys(store.assignments)).toEqual(['k7m2q9x4ab']);

    await store.createProfile('Борис', null);
    expect(store.assignments).toEqual({});
    store.lock();

    const reopened = await ProgressStore.open(kv);
    await reopened.selectProfile(anna.id);
    flushSync();
    expect(reopened.assignments['k7m2q9x4ab']?.assignment).toEqual(sampleAssignment());
    expect(await reopened.acceptAssignment(sampleAssignment())).toBe('already');
  });

  it('needs a learner', async () => {
    const store = await ProgressStore.open(memoryKeyValue());
    expect(await store.acceptAssignment(sampleAssignment())).toBe('no-learner');
  });

  it('are cleared from view when the learner is locked', async () => {
    const store = await ProgressStore.open(memoryKeyValue());
    await store.createProfile('Анна', null);
    await store.acceptAssignment(sampleAssignment());
    store.lock();
    expect(store.assignments).toEqual({});
  });

  it('can be given by the manager to learners of this tablet, without doubling', async () => {
    const store = await ProgressStore.open(memoryKeyValue());
    const anna = await store.createProfile('Анна', null);
    const boris = await store.createProfile('Борис', null);
    await store.acceptAssignment(sampleAssignment()); // Борис has it already
    expect(await store.assignToProfiles(sampleAssignment(), [anna.id, boris.id])).toBe(1);
    expect((await store.readAssignments(anna.id)).map((a) => a.assignment.id)).toEqual(['k7m2q9x4ab']);
    expect(await store.readAssignments(boris.id)).toHaveLength(1);
    expect(await store.assignToProfiles(sampleAssignment({ id: 'other00000' }), [boris.id])).toBe(1);
    expect(Object.keys(store.assignments).sort()).toEqual(['k7m2q9x4ab', 'other00000']); // the open learner sees it at once
  });

  it('do not show up as lessons or activities in a learner’s backup data', async () => {
    const store = await ProgressStore.open(memoryKeyValue());
    const anna = await store.createProfile('Анна', null);
    await store.acceptAssignment(sampleAssignment());
    expect(await store.readLearner(anna.id)).toEqual({ lessons: [], activities: [], meta: null });
  });
});

describe('manager records', () => {
  it('keeps created assignments, newest first', async () => {
    const kv = memoryKeyValue();
    const store = await ProgressStore.open(kv);
    expect(await store.saveManagerAssignment(sampleAssignment({ id: 'older00000', createdAt: 1 }))).toBe(true);
    await store.saveManagerAssignment(sampleAssignment({ id: 'newer00000', createdAt: 2 }));
    const reopened = await ProgressStore.open(kv);
    expect((await reopened.readManagerAssignments()).map((a) => a.id)).toEqual(['newer00000', 'older00000']);
  });

  it('keeps imported reports; the same report again adds nothing, a newer copy replaces it', async () => {
    const kv = memoryKeyValue();
    const store = await ProgressStore.open(kv);
    expect(await store.saveReports([sampleReport(), sampleReport({ learner: 'Анна' })])).toBe(2);
    expect(await store.saveReports([sampleReport()])).toBe(0);
    expect(await store.saveReports([sampleReport({ createdAt: sampleReport().createdAt + 5 })])).toBe(0);
    const reports = await (await ProgressStore.open(kv)).readReports();
    expect(reports).toHaveLength(2);
    expect(reports.find((r) => r.learner === 'Иван Смирнов')?.createdAt).toBe(sampleReport().createdAt + 5);
  });

  it('sets a damaged stored report aside instead of showing it', async () => {
    const kv = memoryKeyValue();
    await kv.set('manager/report/bad', seal('managerReport', { ...sampleReport(), learner: '' }));
    const store = await ProgressStore.open(kv);
    expect(await store.readReports()).toEqual([]);
    expect(store.damaged.map((d) => d.key)).toEqual(['manager/report/bad']);
  });
});
