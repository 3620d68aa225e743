import { describe, expect, it } from 'vitest';
import { iso8601Duration, scorm12Time } from './time.ts';

const H = 3_600_000;
const M = 60_000;
const S = 1000;

describe('scorm12Time (CMITimespan HHHH:MM:SS.SS)', () => {
  it.each([
    [0, '0000:00:00.00'],
    [1234, '0000:00:01.23'],
    [5 * M + 7 * S + 500, '0000:05:07.50'],
    [2 * H + 3 * M + 4 * S + 56 * 10, '0002:03:04.56'],
    [125 * H, '0125:00:00.00'],
    [59 * S + 999, '0000:01:00.00'], // rounds to the hundredth, carrying into the minute
  ])('%i ms → %s', (ms, text) => {
    expect(scorm12Time(ms)).toBe(text);
  });

  it('never leaves the format: negative, NaN and absurd values', () => {
    expect(scorm12Time(-5)).toBe('0000:00:00.00');
    expect(scorm12Time(Number.NaN)).toBe('0000:00:00.00');
    expect(scorm12Time(20_000 * H)).toBe('9999:59:59.99');
    for (const ms of [0, 1, 999, 61_001, 7 * H + 1, 10_000 * H]) expect(scorm12Time(ms)).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  });
});

describe('iso8601Duration (SCORM 2004 timeinterval)', () => {
  it.each([
    [0, 'PT0S'],
    [1234, 'PT1.23S'],
    [1500, 'PT1.5S'],
    [60 * S, 'PT1M'],
    [H + 5 * M + 30 * S + 250, 'PT1H5M30.25S'],
    [26 * H, 'PT26H'],
    [2 * H + 7 * S, 'PT2H7S'],
  ])('%i ms → %s', (ms, text) => {
    expect(iso8601Duration(ms)).toBe(text);
  });

  it('matches the timeinterval pattern for any input', () => {
    for (const ms of [-1, Number.NaN, 0, 10, 999, 61_001, 3 * H + 1, 1e10]) expect(iso8601Duration(ms)).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
  });
});
