import { describe, expect, it } from 'vitest';
import { parseNames } from './expected.ts';
import { EXPECTED_MAX } from '../exchange/schema.ts';

describe('parseNames', () => {
  it('takes one name per line, or separated by commas and semicolons', () => {
    expect(parseNames('Анна Котова\nИван Смирнов, Пётр Волков;Ольга\r\n\n').names).toEqual(['Анна Котова', 'Иван Смирнов', 'Пётр Волков', 'Ольга']);
  });

  it('skips a name already listed, however it is spelled', () => {
    expect(parseNames('Алёна Ёлкина\n алена  елкина \nИван', ['ИВАН']).names).toEqual(['Алёна Ёлкина']);
  });

  it('refuses what the name rule refuses and keeps the rest', () => {
    const long = 'Я'.repeat(81);
    const result = parseNames(`Анна\n${long}\nИв\u202Eан`);
    expect(result.names).toEqual(['Анна']);
    expect(result.refused).toEqual([long, 'Ив\u202Eан']);
  });

  it(`stops at ${EXPECTED_MAX} names and says how many were left out`, () => {
    const text = Array.from({ length: EXPECTED_MAX + 3 }, (_, i) => `Сотрудник ${i + 1}`).join('\n');
    const result = parseNames(text, ['Начальник']);
    expect(result.names).toHaveLength(EXPECTED_MAX - 1);
    expect(result.overflow).toBe(4);
  });

  it('gives nothing for an empty text', () => {
    expect(parseNames('  \n , ;')).toEqual({ names: [], refused: [], overflow: 0 });
  });
});
