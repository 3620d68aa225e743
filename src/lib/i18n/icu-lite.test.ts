import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as fullParse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { parse } from './icu-lite.ts';

const localesDir = join(import.meta.dirname, 'locales');

/** Every message string of every locale file, with where it is. */
function allMessages(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.push([path, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
  };
  for (const lang of readdirSync(localesDir)) {
    for (const file of readdirSync(join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
      walk(JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')), `${lang}/${file}`);
    }
  }
  return out;
}

describe('the small ICU parser', () => {
  it('gives the full parser’s AST for every message of every locale', () => {
    const messages = allMessages();
    expect(messages.length).toBeGreaterThan(100);
    for (const [where, message] of messages) {
      expect(parse(message), where).toEqual(fullParse(message, { ignoreTag: true }));
    }
  });

  it.each([
    "You've got {count, plural, one {# lesson} =0 {none} other {# lessons}} '{x}' it''s {name}",
    '{n, number} {d, date, short} {t, time} {s, select, a {A #} other {B {n}}} {count, selectordinal, offset:1 one {#st} other {#th}}',
    "'#' {n, plural, other {'#' is #, '{}'}} a } b < c >",
    '  {  name  }  ',
  ])('matches the full parser on %s', (message) => {
    expect(parse(message)).toEqual(fullParse(message, { ignoreTag: true }));
  });

  it.each(['{n, number, ::currency/EUR}', '{n, plural, one {x}}', '{}', '{n, list}', '{n, plural, other {x}'])('refuses %s', (message) => {
    expect(() => parse(message)).toThrow(SyntaxError);
  });

  it('formats Russian plurals through intl-messageformat', () => {
    const format = (n: number) => new IntlMessageFormat(parse('{count, plural, one {# урок} few {# урока} other {# уроков}}') as never, 'ru').format({ count: n });
    expect([1, 3, 5].map(format)).toEqual(['1 урок', '3 урока', '5 уроков']);
  });
});
