import { describe, expect, it } from 'vitest';
import { BOM, csvBytes, csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['plain Cyrillic', 'Иван Смирнов', 'Иван Смирнов'],
    ['a separator', 'Смирнов; Иван', '"Смирнов; Иван"'],
    ['quotes', 'ООО "Звено"', '"ООО ""Звено"""'],
    ['a newline', 'первая\nвторая', '"первая\nвторая"'],
    ['CRLF', 'a\r\nb', '"a\r\nb"'],
    ['a comma (not our separator)', 'Смирнов, Иван', 'Смирнов, Иван'],
    ['an empty string', '', ''],
  ])('writes %s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+7 999 123-45-67', "'+7 999 123-45-67"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['＝1+1', "'＝1+1"],
    ['=1;2', `"'=1;2"`],
  ])('guards the formula %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves formula characters alone when not at the start', () => {
    expect(csvCell('Иван=Пётр')).toBe('Иван=Пётр');
    expect(csvCell('a-b@c')).toBe('a-b@c');
  });

  it('writes numbers as they are and empty values as empty cells', () => {
    expect([csvCell(0), csvCell(100), csvCell(-5), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual(['0', '100', '-5', '', '', '']);
  });
});

describe('toCsv', () => {
  const rows = [
    { name: 'Ёлкина; Алёна', score: 95 },
    { name: '=cmd|"/c calc"!A1', score: 0 },
  ];
  const columns = [
    { header: 'Сотрудник', value: (r: (typeof rows)[number]) => r.name },
    { header: 'Балл, %', value: (r: (typeof rows)[number]) => r.score },
  ];

  it('starts with a BOM, separates with ; and ends every line with CRLF', () => {
    const csv = toCsv(rows, columns);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}Сотрудник;Балл, %\r\n"Ёлкина; Алёна";95\r\n"'=cmd|""/c calc""!A1";0\r\n`);
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], columns)).toBe(`${BOM}Сотрудник;Балл, %\r\n`);
  });

  it('encodes as UTF-8 with the EF BB BF mark', () => {
    const bytes = csvBytes(toCsv([], columns));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Сотрудник;Балл, %\r\n');
  });
});
