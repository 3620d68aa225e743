import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NBSP, typograph, typographDeep } from './typography.js';

const show = (s: string) => s.replaceAll(NBSP, '⍽');

describe('typograph', () => {
  it.each([
    ['a dash never starts a line', 'Склад → повар — официант', 'Склад → повар⍽— официант'],
    ['nor does an en dash', 'звено – слабое', 'звено⍽– слабое'],
    ['a one-letter word goes with the next', 'и повар в свою очередь', 'и⍽повар в⍽свою очередь'],
    ['several in a row, and after a quote or bracket', 'Гость «и в зале» (а не в номере)', 'Гость «и⍽в⍽зале» (а⍽не в⍽номере)'],
    ['a capital one-letter word', 'А гость ждёт. В зале', 'А⍽гость ждёт. В⍽зале'],
    ['a number and its unit', 'ждёт 28 мин, потом 5 минут и 2 часа', 'ждёт 28⍽мин, потом 5⍽минут и⍽2⍽часа'],
    ['one percent style: a space before %, no-break', 'получает 45 % при цели 80%', 'получает 45⍽% при цели 80⍽%'],
    ['an ICU placeholder and its %', 'не меньше {percent} % верных', 'не меньше {percent}⍽% верных'],
    ['money and weight', '100 руб. за 2 кг', '100⍽руб. за 2⍽кг'],
  ])('%s', (_name, input, output) => {
    expect(show(typograph(input))).toBe(output);
  });

  it('leaves alone what is not a rule: numbers before ordinary words, Latin one-letter words, words inside words', () => {
    expect(typograph('место 3 из 4, a b, минуты')).toBe('место 3 из 4, a b, минуты');
    expect(typograph('5 минуточек')).toBe('5 минуточек');
  });

  it('is idempotent', () => {
    const once = typograph('и в 5 мин — 45 %');
    expect(typograph(once)).toBe(once);
  });

  it('does not touch ICU syntax in the Russian messages', () => {
    const message = '{count, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}} чтения';
    expect(typograph(message)).toBe(message);
  });
});

describe('typographDeep on a broken fixture (authored without no-break spaces)', () => {
  const fixture = JSON.parse(readFileSync('tests/fixtures/typography/untyped-exercise.json', 'utf8')) as Record<string, unknown>;
  it('fixes every string, keeps ids and numbers', () => {
    const out = typographDeep(fixture);
    expect(JSON.stringify(fixture)).not.toContain(NBSP);
    expect(show(JSON.stringify(out))).toContain('гость получает 45⍽% при цели 80⍽%');
    expect(show(JSON.stringify(out))).toContain('Повар⍽— внутренний клиент склада, а⍽склад ждёт 14⍽мин');
    expect(out).toMatchObject({ id: 'nbsp-fixture', target: 45 });
  });
});

describe('the Russian interface messages', () => {
  const files = readdirSync('src/lib/i18n/locales/ru').map((f) => `src/lib/i18n/locales/ru/${f}`);
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

  it('write percent one way: a space between the number and %', () => {
    const glued = files.flatMap((f) => strings(JSON.parse(readFileSync(f, 'utf8'))).filter((s) => /[\d}]%/.test(s)).map((s) => `${f}: ${s}`));
    expect(glued).toEqual([]);
  });
});
