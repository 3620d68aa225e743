/**
 * A small stand-in for intl-messageformat's `IntlMessageFormat` under svelte-i18n (vite.config.ts
 * swaps it in for the app's build, as it does the parser): the package with its formatter cache,
 * error classes, memoizer and tslib is about 3 KB gzip of the first screen's script, and the
 * course's messages need only text, `{name}`, `{x, select, …}` and `{n, plural|selectordinal, …}`
 * with `#` (plus `{n, number}`). It parses with ./icu-lite.ts and formats exactly as the package
 * does for those (format-lite.test.ts compares every message of every locale with many values).
 * What it does not know (a date or time argument, a tag) throws, and svelte-i18n then shows the
 * message unformatted — as it does for any message the package cannot format.
 */
import { parse, TYPE, type Element } from './icu-lite.ts';

type Values = Record<string, unknown>;
type Locales = string | string[];

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormat = (locales: Locales) => {
  const key = String(locales);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locales)));
  return format;
};
const rules = (locales: Locales, type: Intl.PluralRuleType) => {
  const key = `${String(locales)}|${type}`;
  let rule = pluralRules.get(key);
  if (!rule) pluralRules.set(key, (rule = new Intl.PluralRules(locales, { type })));
  return rule;
};

function formatElements(els: Element[], locales: Locales, values: Values, pluralValue: number | undefined, message: string): string {
  let out = '';
  for (const el of els) {
    if (el.type === TYPE.literal) {
      out += el.value;
      continue;
    }
    if (el.type === TYPE.pound) {
      if (typeof pluralValue === 'number') out += numberFormat(locales).format(pluralValue);
      continue;
    }
    if (!(el.value in values)) throw new Error(`The intl string context variable "${el.value}" was not provided to the string "${message}"`);
    const value = values[el.value];
    switch (el.type) {
      case TYPE.argument:
        if (value && typeof value !== 'string' && typeof value !== 'number') throw new Error(`"${el.value}" is not text in "${message}"`);
        out += typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        break;
      case TYPE.number:
        if (el.style) throw new Error(`Number styles are not supported ("${message}")`);
        out += numberFormat(locales).format(value as number);
        break;
      case TYPE.select: {
        const option = el.options[value as string] ?? el.options.other;
        if (!option) throw new Error(`Invalid value "${String(value)}" for "${el.value}" in "${message}"`);
        out += formatElements(option.value, locales, values, undefined, message);
        break;
      }
      case TYPE.plural: {
        const n = value as number;
        const option = el.options[`=${n}`] ?? el.options[rules(locales, el.pluralType).select(n - (el.offset || 0))] ?? el.options.other;
        if (!option) throw new Error(`Invalid value "${String(value)}" for "${el.value}" in "${message}"`);
        out += formatElements(option.value, locales, values, n - (el.offset || 0), message);
        break;
      }
      default:
        throw new Error(`Dates and times are not supported ("${message}")`);
    }
  }
  return out;
}

/** What svelte-i18n uses of intl-messageformat's class: `resolveLocale`, the constructor and `format`. */
export class IntlMessageFormat {
  static resolveLocale(locales: Locales): Intl.Locale | undefined {
    if (typeof Intl.Locale === 'undefined') return undefined;
    const supported = Intl.NumberFormat.supportedLocalesOf(locales);
    return new Intl.Locale(supported[0] ?? (typeof locales === 'string' ? locales : locales[0]!));
  }

  readonly #ast: Element[];
  readonly #locales: Locales;
  readonly #message: string;

  constructor(message: string, locales: Locales, _formats?: unknown, _options?: unknown) {
    this.#message = message;
    this.#locales = locales;
    this.#ast = parse(message);
  }

  format(values: Values = {}): string {
    return formatElements(this.#ast, this.#locales, values, undefined, this.#message);
  }
}
