import { describe, expect, it } from 'vitest';
import { encode, linkTo } from './codec.ts';
import { decodeReportFile, FILE_BYTES_MAX, importPasted, importPieces, pastedLines, verdictKey, VERDICT_KEYS } from './import.ts';
import { sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';

const payload = (r = sampleReport()) => {
  const e = encode('report', r);
  if (!e.ok) throw new Error(e.detail);
  return e.text;
};
const PAGE = 'https://example.org/kurs/index.html';
const link = (r = sampleReport()) => linkTo('report', payload(r), PAGE);
/** Changes one character of the body, keeping it base64url. */
const flip = (text: string) => {
  const at = text.indexOf('SZr1.') + 10;
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
};

describe('pastedLines', () => {
  it('keeps non-empty lines with their numbers, whatever the line ends', () => {
    expect(pastedLines('a\r\n\n  b  \rc\n')).toEqual([
      { line: 1, text: 'a' },
      { line: 3, text: 'b' },
      { line: 4, text: 'c' },
    ]);
  });
});

describe('importPasted', () => {
  it('reads several links, one per line, full URLs and bare payloads alike', () => {
    const anna = sampleReport({ learner: 'Анна' });
    const result = importPasted(`${link()}\n\n  ${payload(anna)}  \n`);
    expect(result.refused).toEqual([]);
    expect(result.reports.map((r) => r.learner)).toEqual(['Иван Смирнов', 'Анна']);
  });

  it('refuses each bad line with its own verdict and keeps the good ones', () => {
    const good = link();
    const assignment = encode('assignment', sampleAssignment());
    if (!assignment.ok) throw new Error();
    const lines = [good, good.slice(0, -20), flip(good), 'https://evil.example/#/report/<script>', good.replace('SZr1', 'SZr9'), assignment.text];
    const result = importPasted(lines.join('\n'));
    expect(result.reports).toHaveLength(1);
    expect(result.refused).toEqual([
      { source: { kind: 'line', line: 2 }, error: 'truncated' },
      { source: { kind: 'line', line: 3 }, error: 'checksum' },
      { source: { kind: 'line', line: 4 }, error: 'foreign' },
      { source: { kind: 'line', line: 5 }, error: 'newer-version' },
      { source: { kind: 'line', line: 6 }, error: 'wrong-kind' },
    ]);
  });

  it('calls an empty paste empty', () => {
    expect(importPasted('  \n ')).toEqual({ reports: [], refused: [{ source: { kind: 'line', line: 1 }, error: 'empty' }] });
  });
});

describe('decodeReportFile', () => {
  const summary = (body: string) => `Отчёт об обучении\nСотрудник: Иван # Смирнов / SZ\nМодуль 1: пройден\n\nКод отчёта:\n${body}\n`;

  it('finds the link under a readable summary, even with # and / in the name', () => {
    expect(decodeReportFile(summary(link()))).toMatchObject({ ok: true, value: sampleReport() });
  });

  it('reads a file holding only the payload', () => {
    expect(decodeReportFile(payload())).toMatchObject({ ok: true });
  });

  it('names a cut, edited, foreign or oversized file', () => {
    expect(decodeReportFile(summary(link().slice(0, -30)))).toMatchObject({ ok: false, error: 'truncated' });
    expect(decodeReportFile(summary(flip(link())))).toMatchObject({ ok: false, error: 'checksum' });
    expect(decodeReportFile('Name,Score\nIvan,100\n')).toMatchObject({ ok: false, error: 'foreign' });
    expect(decodeReportFile('{"learner":"Иван"}')).toMatchObject({ ok: false, error: 'foreign' });
    expect(decodeReportFile('x'.repeat(FILE_BYTES_MAX + 1))).toMatchObject({ ok: false, error: 'too-large' });
    expect(decodeReportFile('')).toMatchObject({ ok: false, error: 'empty' });
  });

  it('files and lines mix in one import, in order', () => {
    const result = importPieces([
      { source: { kind: 'file', name: 'a.txt' }, text: summary(link()) },
      { source: { kind: 'file', name: 'b.txt' }, text: 'hello' },
      { source: { kind: 'line', line: 1 }, text: link(sampleReport({ learner: 'Борис' })) },
    ]);
    expect(result.reports.map((r) => r.learner)).toEqual(['Иван Смирнов', 'Борис']);
    expect(result.refused).toEqual([{ source: { kind: 'file', name: 'b.txt' }, error: 'foreign' }]);
  });
});

describe('verdictKey', () => {
  it('gives every verdict one message key, a wrong kind by what was expected', () => {
    expect(verdictKey('checksum', 'report')).toBe('manager.verdict.checksum');
    expect(verdictKey('wrong-kind', 'report')).toBe('manager.verdict.notAReport');
    expect(verdictKey('wrong-kind', 'assignment')).toBe('manager.verdict.notAnAssignment');
    const errors = ['empty', 'too-large', 'truncated', 'checksum', 'foreign', 'newer-version', 'malformed', 'invalid', 'wrong-kind'] as const;
    const keys = errors.flatMap((e) => [verdictKey(e, 'report'), verdictKey(e, 'assignment')]);
    expect(new Set(keys)).toEqual(new Set(VERDICT_KEYS));
  });
});
