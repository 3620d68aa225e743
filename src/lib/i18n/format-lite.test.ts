import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat as Full } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat as Lite } from './format-lite.ts';
import { parse, TYPE, type Element } from './icu-lite.ts';

const localesDir = join(import.meta.dirname, 'locales');

/** Every message string of every locale file, with its language and where it is. */
function allMessages(): { lang: string; where: string; message: string }[] {
  const out: { lang: string; where: string; message: string }[] = [];
  for (const lang of readdirSync(localesDir)) {
    const walk = (node: unknown, where: string) => {
      if (typeof node === 'string') out.push({ lang, where, message: node });
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
    };
    for (const file of readdirSync(join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
      walk(JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')), `${lang}/${file}`);
    }
  }
  return out;
}

/** The arguments of a message and what kind each is. */
function argumentsOf(els: Element[], found = new Map<string, Element>()): Map<string, Element> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (!found.has(el.value) || el.type !== TYPE.argument) found.set(el.value, el);
    if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) argumentsOf(option.value, found);
  }
  return found;
}

const NUMBERS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 111, 1.5, 1000, 12345];

/** Sets of values that reach every branch of the message (each argument varied in turn). */
function valueSets(message: string): Record<string, unknown>[] {
  const args = argumentsOf(parse(message));
  const base: Record<string, unknown> = {};
  const variants: [string, unknown[]][] = [];
  for (const [name, el] of args) {
    if (el.type === TYPE.plural || el.type === TYPE.number) {
      base[name] = 2;
      variants.push([name, NUMBERS]);
    } else if (el.type === TYPE.select) {
      const keys = Object.keys(el.options);
      base[name] = keys[0];
      variants.push([name, [...keys, 'something-else']]);
    } else {
      base[name] = `«${name}»`;
      variants.push([name, ['', 'Анна', 7]]);
    }
  }
  const sets = [base];
  for (const [name, values] of variants) for (const value of values) sets.push({ ...base, [name]: value });
  return sets;
}

describe('the small message formatter', () => {
  it('formats every message of every locale as intl-messageformat does, for values reaching every branch', () => {
    const messages = allMessages();
    expect(messages.length).toBeGreaterThan(100);
    let compared = 0;
    for (const { lang, where, message } of messages) {
      for (const values of valueSets(message)) {
        const full = new Full(message, lang, undefined, { ignoreTag: true }).format(values);
        expect(new Lite(message, lang).format(values), `${where} with ${JSON.stringify(values)}`).toBe(full);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(messages.length);
  });

  it('agrees with intl-messageformat on offsets, ordinals, exact matches, numbers and quoting', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['ru', '{n, plural, =0 {нет} one {# урок} few {# урока} many {# уроков} other {# урока}}', { n: 0 }],
      ['ru', '{n, plural, =0 {нет} one {# урок} few {# урока} many {# уроков} other {# урока}}', { n: 24 }],
      ['en', '{n, plural, offset:1 =0 {nobody} =1 {you} one {you and # other} other {you and # others}}', { n: 3 }],
      ['en', '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', { n: 23 }],
      ['en', '{n, number} of {total, number}', { n: 1234.5, total: 1e6 }],
      ['en', "it''s '{literal}' {s, select, a {A} other {O {n}}}", { s: 'b', n: 5 }],
    ];
    for (const [lang, message, values] of cases) {
      expect(new Lite(message, lang).format(values), message).toBe(new Full(message, lang, undefined, { ignoreTag: true }).format(values));
    }
  });

  it('refuses what intl-messageformat refuses: a missing value, a select or plural with no branch', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['Hi {name}', {}],
      ['{s, select, a {A}}', { s: 'b' }],
      ['{n, plural, one {one}}', { n: 5 }],
    ];
    for (const [message, values] of cases) {
      expect(() => new Full(message, 'en', undefined, { ignoreTag: true }).format(values), message).toThrow();
      expect(() => new Lite(message, 'en').format(values), message).toThrow();
    }
  });

  it('resolves a locale as intl-messageformat does, for svelte-i18n’s init', () => {
    for (const locale of ['ru', 'en', 'en-GB', 'xx']) expect(String(Lite.resolveLocale(locale)), locale).toBe(String(Full.resolveLocale(locale)));
  });
});
