import { describe, expect, it } from 'vitest';
import { toBase64url } from '$lib/encoding/base64url.ts';
import { crc32Hex } from '$lib/encoding/checksum.ts';
import { FILE_LIMIT, LINK_LIMIT, decode, encode, fitsLink, linkTo, type DecodeResult } from './codec.ts';
import { COURSE_MODULES, passed, prng, sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';
import type { PayloadKind, PayloadOf } from '../exchange/types.ts';

const VERDICTS = ['empty', 'too-large', 'truncated', 'checksum', 'foreign', 'newer-version', 'malformed', 'invalid', 'wrong-kind'];

function encoded<K extends PayloadKind>(kind: K, value: PayloadOf[K]): string {
  const result = encode(kind, value);
  if (!result.ok) throw new Error(`fixture does not encode: ${result.error} ${result.detail}`);
  return result.text;
}

/** A payload with a correct checksum around any body, to reach the checks behind the checksum. */
function seal(head: string, body: string): string {
  return `${head}.${body}.${crc32Hex(`${head}.${body}`)}`;
}
const sealJson = (head: string, json: unknown) => seal(head, toBase64url(new TextEncoder().encode(JSON.stringify(json))));

const verdictOf = (r: DecodeResult) => (r.ok ? 'ok' : r.error);

const ASSIGNMENT = sampleAssignment();
const REPORT = sampleReport({ final: { status: 'in-progress', best: 40, attempts: 1, completedAt: null } });
const A = encoded('assignment', ASSIGNMENT);
const R = encoded('report', REPORT);

describe('round trips', () => {
  it('reads back an assignment and a report exactly', () => {
    expect(A).toMatch(/^SZa1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(R).toMatch(/^SZr1\./);
    expect(decode(A)).toEqual({ ok: true, kind: 'assignment', value: ASSIGNMENT });
    expect(decode(R)).toEqual({ ok: true, kind: 'report', value: REPORT });
    const bare = sampleReport({ assignmentId: null, due: null });
    expect(decode(encoded('report', bare))).toEqual({ ok: true, kind: 'report', value: bare });
  });

  it('carries the learner\'s profile id, with or without a final test, but never the expected staff', () => {
    const { expected: _kept, ...plain } = sampleAssignment({ expected: ['Анна Котова', 'Иван Смирнов', 'Анна Котова'] });
    const withList = encoded('assignment', { ...plain, expected: ['Анна Котова', 'Иван Смирнов', 'Анна Котова'] });
    expect(decode(withList)).toEqual({ ok: true, kind: 'assignment', value: plain });
    expect(withList).toBe(encoded('assignment', plain));
    const id = '3f2b8c1e-7d4a-4e5b-9c0d-1a2b3c4d5e6f';
    for (const r of [sampleReport({ learnerId: id }), sampleReport({ learnerId: id, final: { status: 'passed', best: 90, attempts: 1, completedAt: Date.UTC(2025, 4, 12) } })]) {
      expect(decode(encoded('report', r))).toEqual({ ok: true, kind: 'report', value: r });
    }
  });

  it('refuses an expected name that breaks the name rule, and a profile id with odd characters', () => {
    expect(encode('assignment', sampleAssignment({ expected: ['Анна', ' '] }))).toMatchObject({ ok: false, error: 'invalid' });
    expect(encode('assignment', sampleAssignment({ expected: ['Анна\u202Eвокот'] }))).toMatchObject({ ok: false, error: 'invalid' });
    expect(encode('assignment', sampleAssignment({ expected: Array.from({ length: 61 }, (_, i) => `Сотрудник ${i}`) }))).toMatchObject({ ok: false, error: 'invalid' });
    expect(encode('report', sampleReport({ learnerId: 'a b' }))).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('carries the learner id, with and without a final test; a bad id is refused', () => {
    const id = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    for (const r of [sampleReport({ learnerId: id }), sampleReport({ learnerId: id, final: { status: 'in-progress', best: 40, attempts: 1, completedAt: null } }), sampleReport({ learnerId: 'lms-anna@example.org' })]) {
      expect(decode(encoded('report', r))).toEqual({ ok: true, kind: 'report', value: r });
    }
    expect(encode('report', sampleReport({ learnerId: `${id}/lesson` })).ok).toBe(false);
    expect(verdictOf(decode(sealJson('SZr1', ['k7m2q9x4ab', null, 'Иван', REPORT.createdAt, [[COURSE_MODULES[0], 2, 90, 1, REPORT.createdAt]], null, null, `${id}/x`])))).toBe('invalid');
  });

  it('refuses dates and numbers no screen can show', () => {
    const head = (over: unknown[]) => sealJson('SZr1', over);
    const modules = [[COURSE_MODULES[0], 2, 90, 1, REPORT.createdAt]];
    for (const createdAt of [8.64e15, 1e300, -1, 0]) expect(verdictOf(decode(head(['k7m2q9x4ab', null, 'Иван', createdAt, modules]))), String(createdAt)).toBe('invalid');
    for (const best of [1e300, 101, 50.5]) expect(verdictOf(decode(head(['k7m2q9x4ab', null, 'Иван', REPORT.createdAt, [[COURSE_MODULES[0], 2, best, 1, REPORT.createdAt]]])))).toBe('invalid');
    expect(verdictOf(decode(head(['k7m2q9x4ab', '275760-09-13', 'Иван', REPORT.createdAt, modules])))).toBe('invalid');
    expect(verdictOf(decode(sealJson('SZa1', ['k7m2q9x4ab', 8.64e15, '2025-05-20', [COURSE_MODULES[0]], '', 'Ольга'])))).toBe('invalid');
    expect(verdictOf(decode(sealJson('SZa1', ['k7m2q9x4ab', ASSIGNMENT.createdAt, '2999-05-20', [COURSE_MODULES[0]], '', 'Ольга'])))).toBe('invalid');
  });

  it('refuses names that hide or reorder text', () => {
    for (const name of ['Иван\u202Eвонрим', '\u200B\u200B', '\u3164']) {
      expect(verdictOf(decode(sealJson('SZr1', ['k7m2q9x4ab', null, name, REPORT.createdAt, [[COURSE_MODULES[0], 2, 90, 1, REPORT.createdAt]]])))).toBe('invalid');
    }
  });

  it.each(['Ольга Петровна Ёлкина', '👩‍🍳 Шеф-повар 🍲', '<script>alert("x")</script>', 'Zoë Ødegård', '李小龍'])('keeps the name %s', (name) => {
    const a = sampleAssignment({ manager: name, note: `${name}\nвторая строка` });
    expect(decode(encoded('assignment', a), 'assignment')).toEqual({ ok: true, kind: 'assignment', value: a });
    const r = sampleReport({ learner: name });
    expect(decode(encoded('report', r), 'report')).toEqual({ ok: true, kind: 'report', value: r });
  });

  it('fits the longest realistic assignment into a link', () => {
    const longest = sampleAssignment({ modules: [...COURSE_MODULES, 'final'], note: 'Щ'.repeat(500), manager: 'Ж'.repeat(80) });
    const text = encoded('assignment', longest);
    expect(text.length).toBeLessThanOrEqual(LINK_LIMIT);
    expect(fitsLink(text)).toBe(true);
    expect(decode(text)).toEqual({ ok: true, kind: 'assignment', value: longest });
  });

  it('refuses to make a link nobody could scan', () => {
    const modules = Array.from({ length: 20 }, (_, i) => `${'m'.repeat(60)}-${i}`);
    expect(encode('assignment', sampleAssignment({ modules, note: 'Щ'.repeat(500) }))).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('fits the largest report a schema allows, and it still reads back', () => {
    const modules = Array.from({ length: 20 }, (_, i) => passed(`${'m'.repeat(60)}-${i}`, 100, 10_000));
    const big = sampleReport({ learner: '😀'.repeat(40), modules, final: { status: 'passed', best: 100, attempts: 10_000, completedAt: Date.UTC(2025, 4, 13) } });
    const text = encoded('report', big);
    expect(text.length).toBeLessThanOrEqual(FILE_LIMIT);
    expect(decode(text)).toEqual({ ok: true, kind: 'report', value: big });
  });

  it('carries the spaced reviews taken, with and without a final test', () => {
    const reviews = [
      { module: COURSE_MODULES[0]!, round: 1, at: 1_700_000_000_000, score: 67 },
      { module: COURSE_MODULES[0]!, round: 2, at: 1_700_600_000_000, score: 100 },
    ];
    for (const r of [sampleReport({ reviews }), sampleReport({ reviews, final: { status: 'passed', best: 90, attempts: 1, completedAt: 1_700_000_000_000 } })]) {
      expect(decode(encoded('report', r))).toEqual({ ok: true, kind: 'report', value: r });
    }
    expect(encode('report', sampleReport({ reviews: [{ ...reviews[0]!, round: 4 }] }))).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('fits the largest report with every review a schema allows into a file', () => {
    const modules = Array.from({ length: 20 }, (_, i) => passed(`${'m'.repeat(60)}-${i}`, 100, 10_000));
    const reviews = modules.flatMap((m) => [1, 2, 3].map((round) => ({ module: m.id, round, at: Date.UTC(2025, 4, 12 + round), score: 100 })));
    const big = sampleReport({ learner: '😀'.repeat(40), learnerId: 'ffffffff-ffff-4fff-bfff-ffffffffffff', modules, final: { status: 'passed', best: 100, attempts: 10_000, completedAt: Date.UTC(2025, 4, 16) }, reviews });
    const text = encoded('report', big);
    expect(text.length).toBeLessThanOrEqual(FILE_LIMIT);
    expect(decode(text)).toEqual({ ok: true, kind: 'report', value: big });
  });

  it('refuses to encode a value the schema rejects', () => {
    expect(encode('report', sampleReport({ learner: 'a\u0000' }))).toMatchObject({ ok: false, error: 'invalid', detail: expect.stringContaining('learner') });
  });
});

describe('what people paste', () => {
  it.each([
    ['a full link', linkTo('assignment', A, 'https://kurs.example/zveno/index.html#/home')],
    ['a link inside a message', `  ${linkTo('assignment', A, 'http://192.168.0.5:4173/')}\n`],
    ['a fragment', `#/assign/${A}`],
    ['a route', `/assign/${A}`],
    ['the bare payload', A],
    ['a payload on a line of its own', `\r\n\t${A}\r\n`],
  ])('accepts %s', (_, text) => {
    expect(decode(text, 'assignment')).toEqual({ ok: true, kind: 'assignment', value: ASSIGNMENT });
  });

  it('builds links with the right route, dropping the old fragment', () => {
    expect(linkTo('assignment', A, 'https://x.example/app/#/manager')).toBe(`https://x.example/app/#/assign/${A}`);
    expect(linkTo('report', R, 'https://x.example/app/')).toBe(`https://x.example/app/#/report/${R}`);
  });
});

describe('every verdict has a concrete cause', () => {
  const [head = '', body = '', sum = ''] = A.split('.');
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

  it.each([
    ['empty', ''],
    ['empty', '   \n'],
    ['empty', null],
    ['empty', 42],
    ['empty', '#'],
    ['too-large', 'x'.repeat(FILE_LIMIT + 5000)],
    ['too-large', sealJson('SZa1', ['k7m2q9x4ab', 1, '2025-05-20', ['a'], 'я'.repeat(2000), 'M'])],
    ['truncated', '#/assign/'],
    ['truncated', 'https://x.example/#/report/'],
    ['truncated', 'S'],
    ['truncated', 'SZa'],
    ['truncated', 'SZa1'],
    ['truncated', `${head}.${body}`],
    ['truncated', `${head}.${body}.`],
    ['checksum', `${head}.${flip(body, 10)}.${sum}`],
    ['checksum', `SZr1.${body}.${sum}`], // an assignment relabelled as a report
    ['checksum', `${head}.${body.slice(1)}.${sum}`],
    ['foreign', 'https://example.com/page'],
    ['foreign', 'Привет, вот ссылка'],
    ['foreign', 'https://kurs.example/#/lesson/abc'],
    ['foreign', `sz${A.slice(2)}`],
    ['foreign', `SZq1.${body}.${sum}`],
    ['newer-version', `SZa2.${body}.${sum}`],
    ['newer-version', `SZr17.${body}.${sum}`],
    ['malformed', `SZa01.${body}.${sum}`],
    ['malformed', `SZa0.${body}.${sum}`],
    ['malformed', `${head}.${body}.${sum.toUpperCase()}x`],
    ['malformed', `${head}.${body}.${sum}0`],
    ['malformed', `${head}.${body}.${sum}.${sum}`],
    ['malformed', `${head}.${body.slice(0, 5)} ${body.slice(5)}.${sum}`],
    ['malformed', seal('SZa1', 'AB')], // leftover bits: not canonical base64url
    ['malformed', seal('SZa1', toBase64url(new Uint8Array([0xff, 0xfe])))], // not UTF-8
    ['malformed', sealJson('SZa1', 'just a string')],
    ['malformed', sealJson('SZa1', ['too', 'short'])],
    ['malformed', sealJson('SZr1', [null, null, 'Иван', 1, [{ __proto__: { admin: true } }]])],
    ['invalid', sealJson('SZa1', ['k7m2q9x4ab', 1, '2025-02-30', ['a'], '', 'M'])],
    ['invalid', sealJson('SZr1', [null, null, 'Иван\u202Eвонримс', 1, [['a', 2, 90, 1, 5]]])],
    ['invalid', sealJson('SZr1', [null, null, 'Иван\u0000', 1, [['a', 2, 90, 1, 5]]])],
    ['invalid', sealJson('SZr1', [null, null, 'Иван', 1, [['a', 7, 90, 1, 5]]])],
    ['invalid', sealJson('SZr1', [null, null, 'Иван', 1, [['a', 2, 1e9, 1, 5]]])],
  ])('%s: %j', (verdict, text) => {
    expect(verdictOf(decode(text))).toBe(verdict);
  });

  it('wrong-kind: a report where an assignment was expected, and the reverse', () => {
    expect(decode(R, 'assignment')).toMatchObject({ ok: false, error: 'wrong-kind' });
    expect(decode(`#/assign/${R}`, 'assignment')).toMatchObject({ ok: false, error: 'wrong-kind' });
    expect(decode(A, 'report')).toMatchObject({ ok: false, error: 'wrong-kind' });
  });

  it('invalid names the field', () => {
    expect(decode(sealJson('SZr1', [null, null, '', 1, [['a', 0, 0, 0, null]]]))).toEqual({ ok: false, error: 'invalid', detail: 'learner: must not be empty' });
  });

  it('calls every cut of a link truncated, one character at a time', () => {
    for (const text of [A, R, linkTo('report', R, 'https://kurs.example/')]) {
      const start = text.indexOf('SZ') + 1;
      for (let end = text.length - 1; end >= start; end--) {
        expect.soft(verdictOf(decode(text.slice(0, end))), `cut at ${end}`).toBe('truncated');
      }
    }
  });

  it('hostile names survive as text, not markup', () => {
    const learner = '<img src=x onerror="alert(document.cookie)">';
    const result = decode(encoded('report', sampleReport({ learner })), 'report');
    expect(result.ok && result.value.learner).toBe(learner);
  });
});

describe('fuzz', () => {
  const random = prng(20250512);
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)] ?? '';
  const ALPHABET = 'ABCSZarz019._-/#: \n%<>"\'ёЖ😀\u0000\u202E';

  it('gives a verdict for thousands of random strings and never throws', () => {
    const prefixes = ['', 'SZ', 'SZa1.', 'SZr1.', '#/assign/', 'https://x/#/report/SZr1.'];
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 80);
      let text = prefixes[i % prefixes.length] ?? '';
      for (let k = 0; k < length; k++) text += pick(ALPHABET);
      const result = decode(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(VERDICTS).toContain(result.error);
    }
  });

  it('never accepts a mutated payload as a valid value', () => {
    const originals = [A, R, encoded('report', sampleReport({ learner: 'Алёна 👩‍🍳' }))];
    const PAYLOAD_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    let detected = 0;
    for (let i = 0; i < 6000; i++) {
      const original = originals[i % originals.length] ?? '';
      const at = Math.floor(random() * original.length);
      const mutations = [
        () => original.slice(0, at) + pick(PAYLOAD_CHARS) + original.slice(at + 1),
        () => original.slice(0, at) + pick(PAYLOAD_CHARS) + original.slice(at),
        () => original.slice(0, at) + original.slice(at + 1 + Math.floor(random() * 4)),
        () => original.slice(0, at) + (original[at + 1] ?? '') + (original[at] ?? '') + original.slice(at + 2),
        () => original.slice(0, at) + original.slice(at, at + 8) + original.slice(at),
      ];
      const mutated = mutations[i % mutations.length]?.() ?? '';
      if (mutated === original) continue;
      const result = decode(mutated);
      expect(result.ok, `mutation ${i} of ${original.slice(0, 6)}… accepted`).toBe(false);
      if (!result.ok) detected++;
    }
    expect(detected).toBeGreaterThan(5500);
  });
});
