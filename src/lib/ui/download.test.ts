import { describe, expect, it } from 'vitest';
import { safeFileName } from '$lib/ui/download.ts';

describe('safeFileName', () => {
  it('keeps Cyrillic and spaces, replaces what file systems refuse', () => {
    expect(safeFileName('Отчёт — Иван Смирнов', 'txt')).toBe('Отчёт — Иван Смирнов.txt');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j', 'csv')).toBe('a_b_c_d_e_f_g_h_i_j.csv');
    expect(safeFileName('x\u202Etxt.exe', 'txt')).toBe('x_txt.exe.txt');
  });

  it('never gives an empty or overlong name', () => {
    expect(safeFileName('   ', 'txt')).toBe('file.txt');
    expect(safeFileName('Я'.repeat(500), 'txt')).toHaveLength(124);
  });
});
