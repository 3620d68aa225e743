import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenKeys, mergeAreas, toAppLocale, type MessageTree } from './messages.ts';

const load = (lang: string) =>
  mergeAreas(
    Object.fromEntries(
      readdirSync(`src/lib/i18n/locales/${lang}`).map((f) => [f, JSON.parse(readFileSync(`src/lib/i18n/locales/${lang}/${f}`, 'utf8')) as MessageTree]),
    ),
  );

describe('messages', () => {
  it('names areas after their files', () => {
    expect(mergeAreas({ './locales/ru/app.json': { a: 'б' } })).toEqual({ app: { a: 'б' } });
  });

  it('lists nested keys dotted', () => {
    expect(flattenKeys({ app: { a: 'x', b: { c: 'y' } } })).toEqual(['app.a', 'app.b.c']);
  });

  it('falls back to Russian for anything unknown', () => {
    expect([toAppLocale('en'), toAppLocale('de'), toAppLocale(null)]).toEqual(['en', 'ru', 'ru']);
  });

  it('has every Russian key in English and no English key without a Russian one', () => {
    const ru = flattenKeys(load('ru')).sort();
    const en = flattenKeys(load('en')).sort();
    expect(en.filter((k) => !ru.includes(k))).toEqual([]);
    expect(ru.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('gives Russian plurals all the forms Russian needs', () => {
    const plurals = JSON.stringify(load('ru')).match(/plural,[^"]*/g) ?? [];
    expect(plurals.length).toBeGreaterThan(0);
    for (const rule of plurals) expect(rule).toMatch(/one \{.*few \{.*many \{/);
  });
});
