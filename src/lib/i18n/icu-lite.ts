/**
 * A small ICU message parser for the interface's messages, standing in for
 * `@formatjs/icu-messageformat-parser` inside intl-messageformat (vite.config.ts swaps it in for the
 * app's build): the full parser with its number/date skeletons and locale time data is about 11 KB
 * gzip of the first screen's script, and the course's messages only use plain text, `{name}`,
 * `{n, number}`, `{d, date|time, style}`, `{x, select, …}` and `{n, plural|selectordinal, …}` with
 * `#`, and ICU quoting ('' and '{…}'). The output is the same AST the full parser gives with
 * `ignoreTag: true` (icu-lite.test.ts checks every message of every locale against it). Anything
 * else (skeletons `::…`, tags) throws, and svelte-i18n then shows the message unformatted.
 */

export const TYPE = { literal: 0, argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7, tag: 8 } as const;
export const SKELETON_TYPE = { number: 0, dateTime: 1 } as const;

export type Element =
  | { type: 0; value: string }
  | { type: 1; value: string }
  | { type: 2 | 3 | 4; value: string; style: string | null }
  | { type: 5; value: string; options: Options }
  | { type: 6; value: string; options: Options; offset: number; pluralType: 'cardinal' | 'ordinal' }
  | { type: 7 };
type Options = Record<string, { value: Element[] }>;
type ArgKind = 'plural' | 'selectordinal' | 'select' | null;

/** The type guards intl-messageformat's formatters import from the full parser. */
const is = (type: number) => (el: { type: number }) => el.type === type;
export const isLiteralElement = is(TYPE.literal);
export const isArgumentElement = is(TYPE.argument);
export const isNumberElement = is(TYPE.number);
export const isDateElement = is(TYPE.date);
export const isTimeElement = is(TYPE.time);
export const isSelectElement = is(TYPE.select);
export const isPluralElement = is(TYPE.plural);
export const isPoundElement = is(TYPE.pound);
export const isTagElement = is(TYPE.tag);
/** Skeletons are refused by this parser, so no element ever carries one. */
export const isNumberSkeleton = (_el: unknown) => false;
export const isDateTimeSkeleton = (_el: unknown) => false;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(what: string): never {
    throw new SyntaxError(`${what} at ${this.i} in "${this.s}"`);
  }
  private space() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  private word(re: RegExp): string {
    const start = this.i;
    while (this.i < this.s.length && re.test(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i);
  }
  private expect(ch: string) {
    if (this.s[this.i] !== ch) this.fail(`expected "${ch}"`);
    this.i++;
  }

  message(depth: number, kind: ArgKind): Element[] {
    const out: Element[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: TYPE.literal, value: text });
      text = '';
    };
    const pound = kind === 'plural' || kind === 'selectordinal';
    while (this.i < this.s.length) {
      const ch = this.s[this.i]!;
      if (ch === '{') {
        flush();
        out.push(this.argument(depth, kind));
      } else if (ch === '}' && depth > 0) {
        break;
      } else if (ch === '#' && pound) {
        flush();
        this.i++;
        out.push({ type: TYPE.pound });
      } else if (ch === "'") {
        text += this.quote(pound);
      } else {
        text += ch;
        this.i++;
      }
    }
    flush();
    return out;
  }

  /** ICU quoting: '' is one apostrophe; '{…}' (and '#…' in a plural) is literal up to the next lone '. */
  private quote(pound: boolean): string {
    const next = this.s[this.i + 1];
    if (next === "'") {
      this.i += 2;
      return "'";
    }
    if (!(next === '{' || next === '}' || next === '<' || next === '>' || (next === '#' && pound))) {
      this.i++;
      return "'";
    }
    this.i++;
    let text = this.s[this.i++]!;
    while (this.i < this.s.length) {
      const ch = this.s[this.i]!;
      if (ch === "'") {
        if (this.s[this.i + 1] === "'") {
          text += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        break;
      }
      text += ch;
      this.i++;
    }
    return text;
  }

  private argument(depth: number, _kind: ArgKind): Element {
    this.expect('{');
    this.space();
    const name = this.word(/[^\s{}(),#'<>]/);
    if (!name) this.fail('empty argument');
    this.space();
    if (this.s[this.i] === '}') {
      this.i++;
      return { type: TYPE.argument, value: name };
    }
    this.expect(',');
    this.space();
    const type = this.word(/[a-z]/i);
    this.space();
    if (type === 'number' || type === 'date' || type === 'time') {
      const t = type === 'number' ? TYPE.number : type === 'date' ? TYPE.date : TYPE.time;
      let style: string | null = null;
      if (this.s[this.i] === ',') {
        this.i++;
        this.space();
        style = this.word(/[^{}]/).trimEnd();
        if (!style || style.startsWith('::') || style.includes("'")) this.fail('unsupported style');
      }
      this.expect('}');
      return { type: t, value: name, style };
    }
    if (type === 'plural' || type === 'selectordinal' || type === 'select') {
      this.expect(',');
      this.space();
      let offset = 0;
      if (type !== 'select' && this.s.startsWith('offset:', this.i)) {
        this.i += 'offset:'.length;
        this.space();
        const digits = this.word(/[-+\d]/);
        offset = Number(digits);
        if (!digits || !Number.isInteger(offset)) this.fail('bad offset');
      }
      const options: Options = {};
      for (;;) {
        this.space();
        if (this.s[this.i] === '}') break;
        const selector = this.word(/[^\s{}]/);
        if (!selector || selector in options) this.fail('bad selector');
        this.space();
        this.expect('{');
        const value = this.message(depth + 1, type);
        this.expect('}');
        options[selector] = { value };
      }
      if (!('other' in options)) this.fail('missing "other"');
      this.expect('}');
      return type === 'select' ? { type: TYPE.select, value: name, options } : { type: TYPE.plural, value: name, options, offset, pluralType: type === 'plural' ? 'cardinal' : 'ordinal' };
    }
    return this.fail(`unsupported argument type "${type}"`);
  }
}

/** Parses an ICU message into intl-messageformat's AST; throws a SyntaxError on what it does not support. */
export function parse(message: string, _options?: unknown): Element[] {
  const parser = new Parser(message);
  const out = parser.message(0, null);
  return out;
}
