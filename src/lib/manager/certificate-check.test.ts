import { describe, expect, it } from 'vitest';
import { certificateCode } from '../progress/certificate.ts';
import { matchCertificate, normalizeCode } from './certificate-check.ts';
import { T0, passed, sampleReport } from '../../../tests/fixtures/manager.ts';

const COURSE = 'Сильное звено';
const ID = '3f2b8c1e-7d4a-4e5b-9c0d-1a2b3c4d5e6f';
const report = sampleReport({ learnerId: ID, learner: 'Анна Котова', final: { status: 'passed', best: 92, attempts: 2, completedAt: T0 } });
const code = certificateCode({ profileId: ID, name: 'Анна Котова', courseTitle: COURSE, completedAt: T0, score: 92 });

describe('normalizeCode', () => {
  it('reads a code typed in any case, with or without the dash or spaces', () => {
    expect(normalizeCode('abcd-efgh')).toBe('ABCD-EFGH');
    expect(normalizeCode(' ABCD EFGH ')).toBe('ABCD-EFGH');
    expect(normalizeCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });
  it('reads O as zero and I or L as one, as Crockford base32 does', () => {
    expect(normalizeCode('OIL0-1234')).toBe('0110-1234');
  });
  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'ABCD-EFG', 'ABCD-EFGHJ', 'ABCD-EFGU', 'АБВГ-ДЕЖЗ']) expect(normalizeCode(bad)).toBeNull();
  });
});

describe('matchCertificate', () => {
  it('finds the report the code was made from', () => {
    const [match, ...rest] = matchCertificate(code, [report], COURSE, true);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ name: 'Анна Котова', learnerId: ID, completedAt: T0, score: 92 });
  });

  it('accepts the code as a person types it', () => {
    expect(matchCertificate(code.toLowerCase().replace('-', ' '), [report], COURSE, true)).toHaveLength(1);
  });

  it('finds nothing for a changed character', () => {
    const last = code.at(-1) === '0' ? '1' : '0';
    expect(matchCertificate(code.slice(0, -1) + last, [report], COURSE, true)).toEqual([]);
  });

  it('finds nothing when the score, name or person differs from the report', () => {
    for (const other of [
      { ...report, final: { status: 'passed' as const, best: 93, attempts: 2, completedAt: T0 } },
      { ...report, learner: 'Анна Котова-Белова' },
      { ...report, learnerId: 'another-profile' },
    ]) expect(matchCertificate(code, [other], COURSE, true)).toEqual([]);
  });

  it('cannot check a report without a profile id or without a passed final test', () => {
    const { learnerId: _drop, ...old } = report;
    expect(matchCertificate(code, [old], COURSE, true)).toEqual([]);
    expect(matchCertificate(code, [{ ...report, final: { status: 'in-progress', best: 40, attempts: 1, completedAt: null } }], COURSE, true)).toEqual([]);
  });

  it('for a course without a final test, uses the last module passed and no score', () => {
    const noFinal = sampleReport({ learnerId: ID, learner: 'Анна Котова', modules: [passed('a', 90, 1, T0), passed('b', 80, 1, T0 + 86_400_000)] });
    const c = certificateCode({ profileId: ID, name: 'Анна Котова', courseTitle: COURSE, completedAt: T0 + 86_400_000, score: null });
    expect(matchCertificate(c, [noFinal], COURSE, false)).toMatchObject([{ score: null, completedAt: T0 + 86_400_000 }]);
  });
});
