/**
 * The lite valibot against valibot itself: the same schemas, built once with each library, must
 * give the same verdict, output and issues (path, expectation, what was received, message) for
 * every input of a shared pool and of each case's own. This file alone imports the real valibot
 * (vite.config.ts resolves `valibot` to the lite one everywhere else).
 */
import * as real from 'valibot';
import { describe, expect, it } from 'vitest';
import * as lite from './valibot-lite.ts';

type V = typeof real;
interface Case {
  name: string;
  build: (v: V) => unknown;
  inputs?: unknown[];
}

class Shape {
  side = 2;
}

/** Values every schema meets: each type, edge numbers, strings that trim, arrays, objects, a Date. */
const POOL: unknown[] = [
  undefined, null, 0, 1, -1, 1.5, 42, 100, 101, NaN, Infinity, -Infinity, '', ' ', ' a ', 'abc', 'ABC', 'x'.repeat(30), 'has {from} here',
  true, false, [], [1], ['a', 'b'], [1, 'a', null], {}, { a: 1 }, { a: 'x', b: 2 }, new Date(0), new Shape(), () => 1,
];

const cases: Case[] = [
  { name: 'string', build: (v) => v.string() },
  { name: 'string with a message', build: (v) => v.string('must be text') },
  { name: 'number', build: (v) => v.number() },
  { name: 'boolean', build: (v) => v.boolean() },
  { name: 'unknown', build: (v) => v.unknown() },
  { name: 'literal string', build: (v) => v.literal('abc') },
  { name: 'literal number', build: (v) => v.literal(1) },
  { name: 'picklist', build: (v) => v.picklist(['abc', 'ABC', 1]) },
  { name: 'picklist of one', build: (v) => v.picklist(['abc']) },
  { name: 'length bounds', build: (v) => v.pipe(v.string(), v.minLength(1), v.maxLength(3)) },
  { name: 'length bounds, messages', build: (v) => v.pipe(v.string(), v.minLength(1, 'empty'), v.maxLength(3, (i) => `too long: ${i.received}`)) },
  { name: 'array length', build: (v) => v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(2)) },
  { name: 'trim then length', build: (v) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty')) },
  { name: 'regex', build: (v) => v.pipe(v.string(), v.regex(/^[a-z]+$/, 'lowercase only')) },
  { name: 'regex, default message', build: (v) => v.pipe(v.string(), v.regex(/^[a-z]+$/)) },
  { name: 'includes', build: (v) => v.pipe(v.string(), v.includes('{from}', 'must contain {from}')) },
  { name: 'includes, default message', build: (v) => v.pipe(v.string(), v.includes('{from}')) },
  { name: 'integer and value bounds', build: (v) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) },
  { name: 'integer and value bounds, messages', build: (v) => v.pipe(v.number(), v.integer('whole'), v.minValue(0, 'low'), v.maxValue(100, 'high')) },
  { name: 'finite, gt, lt', build: (v) => v.pipe(v.number(), v.finite(), v.gtValue(0), v.ltValue(42)) },
  { name: 'check', build: (v) => v.pipe(v.string(), v.check((s) => s.length % 2 === 0, 'even length')) },
  { name: 'check, default message', build: (v) => v.pipe(v.number(), v.check((n) => n > 0)) },
  { name: 'transform', build: (v) => v.pipe(v.string(), v.transform((s) => s.toUpperCase()), v.maxLength(3)) },
  {
    name: 'rawCheck',
    build: (v) =>
      v.pipe(
        v.string(),
        v.rawCheck(({ dataset, addIssue }) => {
          if (dataset.typed && dataset.value.includes('b')) addIssue({ message: 'no b', label: 'letter' });
          if (dataset.typed && dataset.value === '') addIssue({ expected: 'text', received: 'nothing' });
        }),
      ),
  },
  {
    name: 'rawTransform',
    build: (v) =>
      v.pipe(
        v.number(),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          if (dataset.value < 0) {
            addIssue({ message: 'negative' });
            return NEVER;
          }
          return dataset.value * 2;
        }),
        v.maxValue(50),
      ),
  },
  { name: 'optional', build: (v) => v.optional(v.string()) },
  { name: 'optional with a default', build: (v) => v.optional(v.string(), 'none') },
  { name: 'optional with a default function', build: (v) => v.optional(v.number(), () => 7) },
  { name: 'nullable', build: (v) => v.nullable(v.number()) },
  { name: 'nullable with a default', build: (v) => v.nullable(v.number(), 0) },
  { name: 'fallback', build: (v) => v.fallback(v.number(), -1) },
  { name: 'fallback function', build: (v) => v.fallback(v.pipe(v.string(), v.maxLength(3)), () => 'cut') },
  { name: 'array', build: (v) => v.array(v.pipe(v.number(), v.integer())), inputs: [[1, 2, 3], [1, 'x', 2.5], [[1]]] },
  { name: 'array of arrays', build: (v) => v.array(v.array(v.string())), inputs: [[['a'], ['b', 1]], [[]], [['a'], 'b']] },
  {
    name: 'object',
    build: (v) => v.object({ a: v.number(), b: v.optional(v.string()), c: v.optional(v.boolean(), false) }),
    inputs: [{ a: 1 }, { a: 1, b: 'x', extra: 1 }, { b: 2 }, { a: 'x', b: 2 }, { a: 1, c: true }, [1]],
  },
  {
    name: 'strict object',
    build: (v) => v.strictObject({ a: v.number(), b: v.nullable(v.string()) }),
    inputs: [{ a: 1, b: null }, { a: 1, b: 'x', extra: 1 }, { a: 1 }, { extra: 1, a: 1, b: null }, { a: 'no', b: null, more: 2 }],
  },
  {
    name: 'loose object',
    build: (v) => v.looseObject({ a: v.number() }),
    inputs: [{ a: 1, keep: 'me' }, { keep: 'me' }, { a: 1, __proto__: { inherited: 1 } }],
  },
  {
    name: 'object with fallbacks for missing and bad keys',
    build: (v) =>
      v.strictObject({
        draft: v.fallback(v.optional(v.nullable(v.string()), null), null),
        index: v.fallback(v.number(), 0),
        list: v.fallback(v.array(v.string()), []),
        when: v.fallback(v.optional(v.number()), undefined),
      }),
    inputs: [{}, { draft: 3, index: 'x', list: [1] }, { draft: 'd', index: 2, list: ['a'], when: 5 }, { when: 'x' }],
  },
  {
    name: 'nested objects',
    build: (v) => v.strictObject({ profile: v.strictObject({ name: v.pipe(v.string(), v.minLength(2)), tags: v.array(v.string()) }) }),
    inputs: [{ profile: { name: 'Аня', tags: [] } }, { profile: { name: 'А', tags: ['a', 2] } }, { profile: { name: 'Аня', tags: [], x: 1 } }, { profile: null }],
  },
  {
    name: 'record',
    build: (v) => v.record(v.pipe(v.string(), v.regex(/^[a-z]+$/)), v.number()),
    inputs: [{ a: 1, b: 2 }, { A: 1 }, { a: 'x' }, { A: 'x' }, Object.create({ inherited: 1 }) as unknown],
  },
  { name: 'union of literals', build: (v) => v.union([v.literal(0), v.pipe(v.number(), v.minValue(10))]) },
  { name: 'union of pipes', build: (v) => v.union([v.pipe(v.string(), v.minLength(5)), v.pipe(v.number(), v.integer())]) },
  { name: 'union, two typed failures', build: (v) => v.union([v.pipe(v.string(), v.minLength(5)), v.pipe(v.string(), v.maxLength(1))]) },
  { name: 'union of objects', build: (v) => v.union([v.strictObject({ a: v.number() }), v.strictObject({ b: v.string() })]), inputs: [{ a: 1 }, { b: 'x' }, { a: 'x' }, { c: 1 }] },
  {
    name: 'variant',
    build: (v) =>
      v.variant('type', [
        v.strictObject({ type: v.literal('single'), choice: v.string() }),
        v.strictObject({ type: v.literal('multiple'), choices: v.array(v.string()) }),
        v.pipe(v.strictObject({ type: v.literal('order'), items: v.array(v.string()) }), v.check((o) => o.items.length > 1, 'two items at least')),
      ]),
    inputs: [
      { type: 'single', choice: 'a' },
      { type: 'single', choice: 1 },
      { type: 'multiple', choices: ['a'] },
      { type: 'order', items: ['a'] },
      { type: 'order', items: ['a', 'b'] },
      { type: 'other' },
      { choice: 'a' },
      { type: 'single', choice: 'a', extra: 1 },
    ],
  },
  {
    name: 'variant with two options per key',
    build: (v) =>
      v.variant('kind', [
        v.strictObject({ kind: v.literal('a'), n: v.number() }),
        v.strictObject({ kind: v.literal('a'), s: v.string() }),
        v.strictObject({ kind: v.optional(v.literal('b')), flag: v.boolean() }),
      ]),
    inputs: [{ kind: 'a', n: 1 }, { kind: 'a', s: 'x' }, { kind: 'a', s: 1 }, { flag: true }, { kind: 'b', flag: 'x' }, { kind: 'c' }],
  },
  {
    name: 'forward',
    build: (v) =>
      v.pipe(
        v.strictObject({ list: v.array(v.string()), pick: v.string() }),
        v.forward(
          v.check((o) => o.list.includes(o.pick), 'must be in the list'),
          ['pick'],
        ),
      ),
    inputs: [{ list: ['a'], pick: 'a' }, { list: ['a'], pick: 'b' }, { list: 'a', pick: 'b' }],
  },
  {
    name: 'pipe stops at a failed schema but runs every check',
    build: (v) => v.pipe(v.string(), v.minLength(10, 'short'), v.regex(/^\d+$/, 'digits'), v.transform((s) => s.length)),
  },
];

/** What a result says, in plain data: paths as valibot's dot path and every issue's words. */
function plain(lib: V, result: ReturnType<V['safeParse']>) {
  const issues = (list: readonly real.BaseIssue<unknown>[] | undefined): unknown =>
    list?.map((issue) => ({
      kind: issue.kind,
      type: issue.type,
      input: issue.input,
      expected: issue.expected,
      received: issue.received,
      message: issue.message,
      path: lib.getDotPath(issue),
      keys: issue.path?.map((item) => [item.origin, item.key]),
      issues: issues(issue.issues),
    }));
  return { success: result.success, typed: result.typed, output: result.output, issues: issues(result.issues) };
}

describe('valibot-lite gives what valibot gives', () => {
  const liteV = lite as unknown as V;
  it.each(cases)('$name', ({ build, inputs = [] }) => {
    const [withReal, withLite] = [build(real) as real.GenericSchema, build(liteV) as real.GenericSchema];
    for (const input of [...POOL, ...inputs]) {
      const expected = plain(real, real.safeParse(withReal, input));
      expect(plain(liteV, liteV.safeParse(withLite, input)), `input ${String(JSON.stringify(input))}`).toEqual(expected);
    }
  });

  it('parse returns the output or throws the first issue’s message', () => {
    const schema = (v: V) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
    expect(lite.parse(schema(lite as unknown as V) as never, '  ok  ')).toBe(real.parse(schema(real), '  ok  '));
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return { name: (error as Error).name, message: (error as Error).message, count: (error as real.ValiError<never>).issues.length };
      }
      return null;
    };
    const fromLite = thrown(() => lite.parse(schema(lite as unknown as V) as never, '   '));
    expect(fromLite).not.toBeNull();
    expect(fromLite).toEqual(thrown(() => real.parse(schema(real), '   ')));
  });

  it('gives no dot path for a path through a non-string key, as valibot', () => {
    const issue = { kind: 'schema', type: 'x', input: 1, expected: null, received: '1', message: 'm', path: [{ type: 'map', origin: 'value', input: 1, key: Symbol('k'), value: 1 }] };
    expect(lite.getDotPath(issue as never)).toBeNull();
    expect(real.getDotPath(issue as never)).toBeNull();
  });
});
