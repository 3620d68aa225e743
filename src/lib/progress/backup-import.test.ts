/**
 * Loading a backup through the steps the settings panel drives (BackupImport), over real stores:
 * a PIN-protected learner restored on another tablet gets the new PIN chosen here, and a learner
 * another tab added meanwhile is never replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { BackupImport } from './backup-import.svelte.ts';
import { backupText, makeBackup } from './backup.ts';
import { hashPin, PIN_ITERATIONS, verifyPin } from './pin.ts';
import { memoryKeyValue, type KeyValue } from './storage.ts';

const opened: AppStores[] = [];
async function stores(kv: KeyValue) {
  const s = await openStores(kv);
  opened.push(s);
  return s;
}
afterEach(() => opened.splice(0).forEach((s) => s.storage.db.close()));

const ID = '5c0e1b2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const T = Date.now() - 3_600_000;
const file = (pin: boolean) => {
  const backup = makeBackup({ id: ID, name: 'Вера', pin: pin ? { salt: '0'.repeat(32), hash: '0'.repeat(64), iterations: PIN_ITERATIONS } : null, createdAt: T }, { lessons: [{ lessonId: 'l1', firstVisitedAt: T, lastVisitedAt: T, finishedAt: T }], activities: [], meta: null }, T);
  return new File([backupText(backup)], 'vera.json', { type: 'application/json' });
};

describe('restoring a backup on another tablet', () => {
  it('protects a PIN-protected learner with the new PIN chosen here (the file carries none)', async () => {
    const kv = memoryKeyValue();
    const s = await stores(kv);
    await s.roster.createProfile('Анна', null);
    const importer = new BackupImport(s);
    await importer.choose(file(true));
    expect(importer.phase).toMatchObject({ kind: 'preview', preview: { needsNewPin: true } });
    await importer.confirm(null); // no PIN: nothing happens
    expect(importer.phase.kind).toBe('preview');
    await importer.confirm('2468');
    expect(importer.phase).toMatchObject({ kind: 'done', isNew: true });

    const again = await stores(kv);
    const vera = again.roster.profiles.find((p) => p.id === ID);
    expect(vera?.pin).not.toBeNull();
    expect(await verifyPin('2468', vera!.pin!)).toBe(true);
    expect(await again.roster.selectProfile(ID)).toBe('pin-required');
  });

  it('never replaces a learner another tab added meanwhile: their PIN stays and is asked', async () => {
    const kv = memoryKeyValue();
    const here = await stores(kv);
    await here.roster.createProfile('Анна', null);
    const importer = new BackupImport(here);
    await importer.choose(file(false));
    expect(importer.phase).toMatchObject({ kind: 'preview', preview: { needsNewPin: false } });
    // Meanwhile, in another tab, the same learner arrives with a PIN of her own.
    const other = await stores(kv);
    const pin = await hashPin('1357');
    await other.storage.db.update('profile', `profile/${ID}`, () => ({ id: ID, name: 'Вера', pin, createdAt: T, lastActiveAt: T }));

    await importer.confirm(null);
    expect(importer.phase).toMatchObject({ kind: 'pin-required' });
    const stored = (await stores(kv)).roster.profiles.find((p) => p.id === ID);
    expect(stored?.pin).toEqual(pin);
    expect(await (await stores(kv)).progress.readLearner(ID)).toMatchObject({ lessons: [] });
  });
});
