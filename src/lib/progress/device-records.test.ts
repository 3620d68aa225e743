import { describe, expect, it } from 'vitest';
import { checkDeviceRecord, checkDeviceRecordForWrite } from './device-records.ts';
import { DEFAULT_SETTINGS } from './records.ts';

const T = Date.UTC(2025, 4, 12);
const ANNA = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const PIN = { salt: 'a'.repeat(32), hash: 'b'.repeat(64), iterations: 100_000 };
const profile = (over: Record<string, unknown> = {}) => ({ id: ANNA, name: 'Анна', pin: null, createdAt: T, lastActiveAt: T, ...over });

describe('a stored profile', () => {
  it('reads with only its own fields', () => {
    expect(checkDeviceRecord('profile', { ...profile({ pin: PIN }), extra: 1 })).toEqual({ ok: true, data: profile({ pin: PIN }) });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an id that is a path', { id: `${ANNA}/lesson` }, 'id'],
    ['a name that is no text', { name: 5 }, 'name'],
    ['no PIN field', { pin: undefined }, 'pin'],
    ['a PIN hash with its own iteration count', { pin: { ...PIN, iterations: 1 } }, 'pin.iterations'],
    ['a PIN hash with a field too many', { pin: { ...PIN, plain: '1234' } }, 'pin.plain'],
    ['a PIN salt that is not hex', { pin: { ...PIN, salt: 'z'.repeat(32) } }, 'pin.salt'],
    ['a moment before 2020', { createdAt: 5 }, 'createdAt'],
    ['a fractional moment', { lastActiveAt: T + 0.5 }, 'lastActiveAt'],
    ['NaN', { lastActiveAt: Number.NaN }, 'lastActiveAt'],
    ['a moment of 1e300', { createdAt: 1e300 }, 'createdAt'],
  ])('is refused with %s, saying where', (_, over, path) => {
    const result = checkDeviceRecord('profile', profile(over));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail.startsWith(`${path}:`)).toBe(true);
  });

  it('is not an object: refused', () => {
    expect(checkDeviceRecord('profile', 'Анна').ok).toBe(false);
    expect(checkDeviceRecord('profile', null).ok).toBe(false);
  });

  it('a moment ahead of the clock reads as now; a name an older version let in is tidied', () => {
    const result = checkDeviceRecord('profile', profile({ lastActiveAt: Date.now() + 10 * 86_400_000, name: 'Анна\u202Eвонави' }));
    expect(result).toMatchObject({ ok: true, data: { name: 'Анна вонави' } });
    if (result.ok) expect((result.data as { lastActiveAt: number }).lastActiveAt).toBeLessThanOrEqual(Date.now() + 86_400_000);
  });

  it('is written only with a name the name rule accepts as it is', () => {
    expect(checkDeviceRecordForWrite('profile', profile()).ok).toBe(true);
    expect(checkDeviceRecordForWrite('profile', profile({ name: 'Анна\u202Eвонави' })).ok).toBe(false);
    expect(checkDeviceRecordForWrite('profile', profile({ name: '\u200B' })).ok).toBe(false);
    expect(checkDeviceRecordForWrite('profile', profile({ name: 'Я'.repeat(700) })).ok).toBe(false);
  });
});

describe('the stored settings', () => {
  it('read as written', () => {
    const settings = { idleMinutes: 30, currentProfileId: ANNA, lastActivityAt: T, persistAsked: true, persistGranted: false, managerPin: PIN };
    expect(checkDeviceRecord('settings', settings)).toEqual({ ok: true, data: settings });
    expect(checkDeviceRecordForWrite('settings', DEFAULT_SETTINGS)).toEqual({ ok: true, data: DEFAULT_SETTINGS });
  });

  it('a field that no longer fits falls back to its default, keeping the rest', () => {
    const result = checkDeviceRecord('settings', { idleMinutes: 0, currentProfileId: `${ANNA}/x`, lastActivityAt: -1, persistAsked: 'yes', persistGranted: 1, extra: true });
    expect(result).toEqual({ ok: true, data: { ...DEFAULT_SETTINGS, idleMinutes: 10 } });
    expect(checkDeviceRecord('settings', { idleMinutes: 241 })).toMatchObject({ ok: true, data: { idleMinutes: 10 } });
    expect(checkDeviceRecord('settings', { idleMinutes: 5.5 })).toMatchObject({ ok: true, data: { idleMinutes: 10 } });
  });

  it('a damaged manager PIN in them makes the record damaged, never a missing PIN', () => {
    expect(checkDeviceRecord('settings', { ...DEFAULT_SETTINGS, managerPin: { ...PIN, hash: 'short' } })).toEqual({ ok: false, detail: 'managerPin.hash: must be 64 hex digits' });
    expect(checkDeviceRecord('settings', 'idleMinutes=ten').ok).toBe(false);
  });
});

describe('the manager PIN record', () => {
  it('is a PIN hash, exactly', () => {
    expect(checkDeviceRecord('managerPin', PIN)).toEqual({ ok: true, data: PIN });
    expect(checkDeviceRecord('managerPin', { ...PIN, iterations: 1000 }).ok).toBe(false);
    expect(checkDeviceRecord('managerPin', null).ok).toBe(false);
  });
});
