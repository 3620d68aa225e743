import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, PIN_ITERATIONS, verifyPin } from './pin.ts';

describe('PINs', () => {
  it('accepts exactly four digits', () => {
    expect(['1234', '0000'].map(isValidPin)).toEqual([true, true]);
    expect(['123', '12345', 'abcd', '12 4', ''].map(isValidPin)).toEqual([false, false, false, false, false]);
  });

  it('stores a salted hash, never the PIN, and a new salt each time', async () => {
    const a = await hashPin('1234');
    const b = await hashPin('1234');
    expect(JSON.stringify(a)).not.toContain('1234');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies the right PIN and refuses a wrong or malformed one', async () => {
    const stored = await hashPin('2580');
    expect(await verifyPin('2580', stored)).toBe(true);
    expect(await verifyPin('2581', stored)).toBe(false);
    expect(await verifyPin('258', stored)).toBe(false);
    expect(await verifyPin('2580', { ...stored, hash: stored.hash.slice(0, -1) })).toBe(false);
  });

  it('uses the app\'s iteration count only: a stored hash claiming another count never matches', async () => {
    const stored = await hashPin('2580');
    expect(stored.iterations).toBe(PIN_ITERATIONS);
    expect(await verifyPin('2580', { ...stored, iterations: 1 } as unknown as typeof stored)).toBe(false);
    expect(await verifyPin('2580', { ...stored, iterations: 1e300 } as unknown as typeof stored)).toBe(false);
  });

  it('refuses to hash a malformed PIN', async () => {
    await expect(hashPin('12')).rejects.toThrow(/four digits/);
  });
});
