import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueDaySchema, IsoMomentSchema, isDueDay, isMoment, isoMoment, latestDueDay, MomentOrZeroSchema, MomentSchema, PercentSchema, countSchema, showableMoment, TIME_MIN } from './bounds.ts';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('moments', () => {
  it('accept whole ms from 2020 to a day after now', () => {
    for (const t of [TIME_MIN, NOW, NOW + 86_400_000, Date.UTC(2023, 5, 1)]) expect(isMoment(t), String(t)).toBe(true);
  });

  it('refuse the unshowable and the absurd', () => {
    for (const t of [8.64e15, 1e300, -1, 0, TIME_MIN - 1, NOW + 86_400_001, Number.NaN, Infinity, -Infinity, 1.5e12 + 0.5, '1700000000000', null]) {
      expect(isMoment(t), String(t)).toBe(false);
      expect(v.safeParse(MomentSchema, t).success, String(t)).toBe(false);
    }
  });

  it('0 means never where a field allows it', () => {
    expect(v.safeParse(MomentOrZeroSchema, 0).success).toBe(true);
    expect(v.safeParse(MomentOrZeroSchema, 1).success).toBe(false);
    expect(v.safeParse(MomentOrZeroSchema, NOW).success).toBe(true);
  });

  it('are shown only when in bounds', () => {
    expect(showableMoment(NOW)).toBe(NOW);
    expect(showableMoment(8.64e15)).toBeNull();
  });
});

describe('ISO moment strings', () => {
  it('accept the full form with a zone, normalised to UTC', () => {
    expect(isoMoment('2024-01-01T23:59:59Z')).toBe(Date.UTC(2024, 0, 1, 23, 59, 59));
    expect(isoMoment('2024-01-01T23:59:59.123Z')).toBe(Date.UTC(2024, 0, 1, 23, 59, 59, 123));
    expect(isoMoment('2024-01-01T23:59:59+05:00')).toBe(Date.UTC(2024, 0, 1, 18, 59, 59));
    expect(isoMoment('2024-01-01T01:00-03:30')).toBe(Date.UTC(2024, 0, 1, 4, 30));
    expect(v.parse(IsoMomentSchema, '2024-01-01T23:59:59+05:00')).toBe('2024-01-01T18:59:59.000Z');
  });

  it('refuse what Date cannot parse or what a screen cannot show', () => {
    for (const s of [
      '2024-01-01T23:59:59+05',
      '2024-01-01T23:59:59',
      '2024-01-01',
      '2024-02-30T10:00:00Z',
      '2024-13-01T10:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:60:00Z',
      '+275760-09-13T00:00:00.000Z',
      '2019-12-31T23:59:59Z',
      '2027-01-01T00:00:00Z',
      '2024-01-01T10:00:00+25:00',
      ' 2024-01-01T10:00:00Z',
      'yesterday',
      '',
    ]) {
      expect(isoMoment(s), s).toBeNull();
      expect(v.safeParse(IsoMomentSchema, s).success, s).toBe(false);
    }
    expect(isoMoment(1_700_000_000_000)).toBeNull();
  });
});

describe('due days', () => {
  it('accept real days from 2020 to five years ahead', () => {
    for (const d of ['2020-01-01', '2026-12-01', '2028-02-29', latestDueDay()]) expect(isDueDay(d), d).toBe(true);
    expect(latestDueDay()).toBe('2031-12-01');
  });

  it('refuse impossible, too old and too far days', () => {
    for (const d of ['2025-02-30', '2027-02-29', '2019-12-31', '2031-12-02', '275760-09-13', '2026-1-1', '2026-01-01T00:00:00Z', 20260101]) {
      expect(isDueDay(d), String(d)).toBe(false);
      expect(v.safeParse(DueDaySchema, d).success, String(d)).toBe(false);
    }
  });
});

describe('numbers', () => {
  it('a percent is a whole number 0..100', () => {
    for (const n of [0, 1, 99, 100]) expect(v.safeParse(PercentSchema, n).success).toBe(true);
    for (const n of [-1, 101, 50.5, 1e300, Number.NaN, Infinity, '50']) expect(v.safeParse(PercentSchema, n).success, String(n)).toBe(false);
  });

  it('a count is a whole number 0..max', () => {
    const schema = countSchema(10);
    for (const n of [0, 10]) expect(v.safeParse(schema, n).success).toBe(true);
    for (const n of [-1, 11, 1.5, 1e300, Number.NaN]) expect(v.safeParse(schema, n).success, String(n)).toBe(false);
  });
});
