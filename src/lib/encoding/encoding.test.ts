import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from './base64url.ts';
import { crc32, crc32Hex } from './checksum.ts';
import { prng } from '../../../tests/fixtures/manager.ts';

describe('crc32Hex', () => {
  it('matches the standard check value', () => {
    expect(crc32Hex('123456789')).toBe('cbf43926');
    expect(crc32Hex('')).toBe('00000000');
  });

  it('hashes the UTF-8 bytes of Cyrillic text', () => {
    expect(crc32Hex('звено')).toBe(crc32Hex('звено'));
    expect(crc32Hex('звено')).not.toBe(crc32Hex('звенo')); // latin o
    expect(crc32Hex('звено')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('base64url', () => {
  it('agrees with Node for every length 0..64', () => {
    const random = prng(7);
    for (let n = 0; n <= 64; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(Array.from(fromBase64url(text) ?? [])).toEqual(Array.from(bytes));
    }
  });

  it('refuses what is not a canonical encoding', () => {
    expect(fromBase64url('A')).toBeNull(); // impossible length
    expect(fromBase64url('AB=')).toBeNull(); // padding is not part of the alphabet
    expect(fromBase64url('AB+/')).toBeNull(); // classic base64, not url-safe
    expect(fromBase64url('AB')).toBeNull(); // leftover bits set: only 'AA', 'AQ', … are canonical
    expect(fromBase64url('AQ')).not.toBeNull();
    expect(fromBase64url('')).toEqual(new Uint8Array(0));
  });
});

describe('crc32', () => {
  it('of bytes matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
