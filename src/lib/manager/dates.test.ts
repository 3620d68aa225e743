import { describe, expect, it } from 'vitest';
import { addDays, formatDay, formatMoment } from './dates.ts';

describe('dates', () => {
  it('writes a due day in the reader’s language without shifting it by the time zone', () => {
    expect(formatDay('2025-05-20', 'ru')).toBe('20 мая 2025 г.');
    expect(formatDay('2025-05-20', 'en')).toBe('May 20, 2025');
    expect(formatDay('2025-01-01', 'ru')).toMatch(/^1 января 2025/);
  });

  it('leaves anything that is not a day as it is', () => {
    expect(formatDay('завтра', 'ru')).toBe('завтра');
    expect(formatDay('2025-02-30', 'ru')).toBe('2025-02-30');
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2025-05-28', 7)).toBe('2025-06-04');
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('writes a moment with date and time', () => {
    expect(formatMoment(Date.UTC(2025, 4, 12, 9, 30), 'ru')).toMatch(/2025/);
  });
});
