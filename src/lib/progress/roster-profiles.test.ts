/** A shared tablet's life: a learner renames or removes their own profile; the manager resets a forgotten PIN. */
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue, type KeyValue } from './storage.ts';

const opened: AppStores[] = [];
async function stores(kv: KeyValue = memoryKeyValue()) {
  const s = await openStores(kv);
  opened.push(s);
  return s;
}
afterEach(() => opened.splice(0).forEach((s) => s.storage.db.close()));

describe('a learner and their own profile', () => {
  it('renames it; a protected one only with the right PIN', async () => {
    const kv = memoryKeyValue();
    const { roster } = await stores(kv);
    const anna = await roster.createProfile('Анна', '1234');
    expect(await roster.renameProfile(anna.id, 'Анна К.')).toBe('pin-required');
    expect(await roster.renameProfile(anna.id, 'Анна К.', '9999')).toBe('wrong-pin');
    expect(await roster.renameProfile(anna.id, '   ', '1234')).toBe('bad-name');
    expect(roster.profiles.find((p) => p.id === anna.id)?.name).toBe('Анна');
    expect(await roster.renameProfile(anna.id, '  Анна К.  ', '1234')).toBe('ok');
    expect(roster.learner?.name).toBe('Анна К.');
    // Kept for the next visit.
    const again = await stores(kv);
    expect(again.roster.profiles.map((p) => p.name)).toEqual(['Анна К.']);
  });

  it.each([
    ['a bidi override', 'Анна\u202Eтор', 'name-forbidden'],
    ['zero-width characters only', '\u200B\u200C\u200D', 'name-forbidden'],
    ['a control character', 'Анна\u0007', 'name-forbidden'],
    ['a newline', 'Анна\nК.', 'name-forbidden'],
    ['81 letters', 'я'.repeat(81), 'bad-name'],
  ])('refuses a new name with %s under the one name rule, and keeps the old one', async (_, name, verdict) => {
    const kv = memoryKeyValue();
    const { roster } = await stores(kv);
    const anna = await roster.createProfile('Анна', null);
    expect(await roster.renameProfile(anna.id, name)).toBe(verdict);
    expect(roster.learner?.name).toBe('Анна');
    expect((await stores(kv)).roster.profiles.map((p) => p.name)).toEqual(['Анна']);
  });

  it('keeps a new name NFC-normalised and trimmed', async () => {
    const { roster } = await stores();
    const anna = await roster.createProfile('Анна', null);
    expect(await roster.renameProfile(anna.id, '  И\u0306ван ')).toBe('ok');
    expect(roster.learner?.name).toBe('\u0419ван');
  });

  it('removes it with everything stored for them, and nobody else’s', async () => {
    const kv = memoryKeyValue();
    const { roster, progress } = await stores(kv);
    const boris = await roster.createProfile('Борис', null);
    await progress.visitLesson('l1', true);
    roster.lock();
    const vera = await roster.createProfile('Вера', '2580');
    await progress.visitLesson('l1', true);
    expect(await roster.removeProfile(vera.id, '1111')).toBe('wrong-pin');
    expect(roster.profiles).toHaveLength(2);
    expect(await roster.removeProfile(vera.id, '2580')).toBe('ok');
    expect(roster.learner).toBeNull();
    expect(roster.profiles.map((p) => p.name)).toEqual(['Борис']);
    expect((await kv.keys()).filter((k) => k.includes(vera.id))).toEqual([]);
    expect((await kv.keys()).some((k) => k.includes(`learner/${boris.id}/lesson/l1`))).toBe(true);
    const again = await stores(kv);
    expect(again.roster.profiles.map((p) => p.name)).toEqual(['Борис']);
  });
});

describe('a forgotten learner PIN', () => {
  it('is reset (by the manager) and the learner opens without one, then may set a new one', async () => {
    const kv = memoryKeyValue();
    const { roster } = await stores(kv);
    const dasha = await roster.createProfile('Дарья', '2580');
    roster.lock();
    expect(await roster.selectProfile(dasha.id)).toBe('pin-required');
    expect(await roster.resetPin(dasha.id)).toBe('ok');
    expect(await roster.selectProfile(dasha.id)).toBe('ok');
    expect(await roster.setOwnPin(dasha.id, '4321')).toBe('ok');
    roster.lock();
    expect(await roster.selectProfile(dasha.id, '2580')).toBe('wrong-pin');
    expect(await roster.selectProfile(dasha.id, '4321')).toBe('ok');
    expect(JSON.stringify(await kv.get(`profile/${dasha.id}`))).not.toContain('4321');
  });
});
