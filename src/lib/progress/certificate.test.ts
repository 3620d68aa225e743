import { describe, expect, it } from 'vitest';
import { fnv1a64Hex } from '../encoding/checksum.ts';
import { certificateCode, utcDay, type CertificateFacts } from './certificate.ts';

const facts: CertificateFacts = { profileId: 'p-anna', name: 'Анна К.', courseTitle: 'Сильное звено', completedAt: Date.UTC(2025, 4, 15, 9, 30), score: 92 };

describe('fnv1a64Hex', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes of Cyrillic text', () => {
    expect(fnv1a64Hex('я')).not.toBe(fnv1a64Hex('O')); // U+044F is two bytes, not the code unit 0x4F
    expect(fnv1a64Hex('звено')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('certificateCode', () => {
  it('is 8 Crockford base32 characters in two groups', () => {
    expect(certificateCode(facts)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('is deterministic, and the same wherever in the day the course was finished', () => {
    expect(certificateCode(facts)).toBe(certificateCode({ ...facts }));
    expect(certificateCode({ ...facts, completedAt: Date.UTC(2025, 4, 15, 23, 59) })).toBe(certificateCode(facts));
  });

  it('does not depend on how the name was typed (trimmed, normalised)', () => {
    expect(certificateCode({ ...facts, name: '  Анна К. ' })).toBe(certificateCode(facts));
    const composed = { ...facts, name: 'Ёлкин' };
    const decomposed = { ...facts, name: 'Ёлкин'.normalize('NFD') };
    expect(certificateCode(decomposed)).toBe(certificateCode(composed));
  });

  it.each<[string, Partial<CertificateFacts>]>([
    ['name', { name: 'Анна Л.' }],
    ['course', { courseTitle: 'Другой курс' }],
    ['date', { completedAt: Date.UTC(2025, 4, 16, 9, 30) }],
    ['score', { score: 93 }],
    ['no score', { score: null }],
    ['profile id', { profileId: 'p-anna2' }],
  ])('changes when the %s changes', (_, change) => {
    expect(certificateCode({ ...facts, ...change })).not.toBe(certificateCode(facts));
  });

  it('gives different codes to many learners', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => certificateCode({ ...facts, profileId: `p-${i}` })));
    expect(codes.size).toBe(2000);
  });
});

describe('utcDay', () => {
  it('is the UTC calendar day', () => {
    expect(utcDay(Date.UTC(2025, 0, 31, 23, 59, 59))).toBe('2025-01-31');
  });
});
