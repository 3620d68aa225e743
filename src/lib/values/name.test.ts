import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cleanName, fitName, isCleanName, NAME_MAX, nameProblem, visibleLength } from './name.ts';
import { PersonNameSchema } from './schemas.ts';

describe('the name rule', () => {
  it('keeps ordinary names of every script, trimmed and NFC', () => {
    for (const name of ['Анна Иванова', 'O’Brien-Smith', '李小龙', 'José', 'Ли 2', '<script>alert(1)</script>', 'Анна 👩🏽‍🍳'.replace('\u200D', '')]) {
      expect(nameProblem(name), name).toBeNull();
    }
    expect(cleanName('  Анна  ')).toBe('Анна');
    expect(cleanName('Jose\u0301')).toBe('José');
    expect(cleanName('Jose\u0301')).toHaveLength(4);
  });

  it('refuses empty and blank names', () => {
    for (const name of ['', '   ', '\u00a0\u3000']) expect(nameProblem(name), JSON.stringify(name)).toBe('empty');
  });

  it('refuses bidi overrides, isolates, marks and embeddings', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(nameProblem(`Анна${c}вонави`), c.codePointAt(0)?.toString(16)).toBe('forbidden');
    }
  });

  it('refuses zero-width, format and control characters anywhere in the name', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\t', '\n', '\r', '\u0000', '\u007F', '\u0085', '\u2028', '\u2029', '\uD800', '\uE000']) {
      expect(nameProblem(`Ан${c}на`), c.codePointAt(0)?.toString(16)).toBe('forbidden');
    }
  });

  it('refuses a name of only invisible characters', () => {
    expect(nameProblem('\u200B\u200B\u200B')).not.toBeNull();
    expect(nameProblem('\u3164')).toBe('invisible');
    expect(nameProblem('\u2800\u2800')).toBe('invisible');
    expect(nameProblem('\u0301\u0301')).toBe('invisible');
  });

  it('counts length in visible characters', () => {
    expect(visibleLength('é')).toBe(1);
    expect(visibleLength('e\u0301')).toBe(1);
    expect(visibleLength('👍🏽')).toBe(1);
    expect(nameProblem('я'.repeat(NAME_MAX))).toBeNull();
    expect(nameProblem('я'.repeat(NAME_MAX + 1))).toBe('too-long');
    expect(nameProblem('👍🏽'.repeat(NAME_MAX))).toBeNull();
    expect(nameProblem('a\u0301\u0301\u0301\u0301\u0301'.repeat(NAME_MAX))).toBe('too-long');
  });

  it('is the schema every record and link uses: cleans what it keeps, refuses the rest', () => {
    expect(v.parse(PersonNameSchema, '  Анна ')).toBe('Анна');
    expect(v.safeParse(PersonNameSchema, 'Анна\u202Eвонави').success).toBe(false);
    expect(v.safeParse(PersonNameSchema, '\u200B').success).toBe(false);
    expect(v.safeParse(PersonNameSchema, 42).success).toBe(false);
    expect(v.safeParse(PersonNameSchema, 'x'.repeat(100_000)).success).toBe(false);
    expect(isCleanName('Анна')).toBe(true);
    expect(isCleanName(' Анна')).toBe(false);
  });

  it('fits a foreign name: forbidden characters become spaces, too long is cut, nothing visible falls back', () => {
    expect(fitName('Анна\u202EИванова', 'x')).toBe('Анна Иванова');
    expect(fitName('Анна\n\tИванова', 'x')).toBe('Анна Иванова');
    expect(fitName('\u200B\u200B', 'Ученик')).toBe('Ученик');
    expect(visibleLength(fitName('я'.repeat(200), 'x'))).toBe(NAME_MAX);
    // Emoji keep their joiners and are never cut in half; the UTF-16 cap holds too.
    expect(fitName('👩‍🍳 Анна', 'x')).toBe('👩‍🍳 Анна');
    expect(fitName('👩‍🍳'.repeat(100), 'x')).toBe('👩‍🍳'.repeat(64));
    expect(nameProblem(fitName('👩‍🍳'.repeat(100), 'x'))).toBeNull();
  });
});

describe('emoji in names', () => {
  it('keeps the joiner inside an emoji sequence, refuses it elsewhere', () => {
    expect(nameProblem('👩‍🍳 Шеф-повар 🍲')).toBeNull();
    expect(nameProblem('👨‍👩‍👧')).toBeNull();
    expect(nameProblem('Ан\u200Dна')).toBe('forbidden');
    expect(nameProblem('👩\u200D')).toBe('forbidden');
  });
});
