import { describe, expect, it } from 'vitest';
import { decodeReportFile } from '$lib/manager/import.ts';
import { encode, linkTo } from '$lib/manager/index.ts';
import { sampleAssignment, sampleReport, T0 } from '../../../tests/fixtures/manager.ts';
import { reportFileText, reportLines, resultLine, type Translate } from '$lib/manager/report-text.ts';

/** A translator that shows the key and its values, so the tests read what was asked for. */
const t: Translate = (key, options) => (options?.values ? `${key}(${Object.values(options.values).join(',')})` : key);

describe('report in words', () => {
  it('says the status alone for an untouched module', () => {
    expect(resultLine({ status: 'not-started', best: 0, attempts: 0, completedAt: null }, t, 'ru')).toBe('manager.status.not-started');
  });

  it('adds best score, attempts and completion when there are some', () => {
    const line = resultLine({ status: 'passed', best: 90, attempts: 2, completedAt: T0 }, t, 'ru');
    expect(line).toMatch(/^manager\.status\.passed · manager\.report\.best\(90\) · manager\.report\.attempts\(2\) · manager\.report\.completed\(.*2025.*\)$/);
  });

  it('lists who, which assignment, when, then every module and the final test', () => {
    const report = sampleReport({ final: { status: 'in-progress', best: 40, attempts: 1, completedAt: null } });
    const lines = reportLines(report, sampleAssignment(), (id) => `title:${id}`, t, 'ru');
    expect(lines.map((l) => l.label)).toEqual([
      'manager.report.learner',
      'manager.report.assignment',
      'manager.report.made',
      ...report.modules.map((m) => `title:${m.id}`),
      'manager.assignment.final',
    ]);
    expect(lines[0]?.text).toBe('Иван Смирнов');
    expect(lines[1]?.text).toBe('manager.report.assignmentFrom(20 мая 2025 г.,Ольга Петровна)');
  });

  it('adds the shared «Моя цепочка» answers after the results, and nothing when not shared', () => {
    const reflection = { suppliers: 'Склад', clients: 'Зал', change: 'Быстрее' };
    const lines = reportLines(sampleReport({ reflection }), null, (id) => id, t, 'ru');
    expect(lines.slice(-3)).toEqual([
      { label: 'reflection.suppliers', text: 'Склад' },
      { label: 'reflection.clients', text: 'Зал' },
      { label: 'reflection.change', text: 'Быстрее' },
    ]);
    expect(reportLines(sampleReport(), null, (id) => id, t, 'ru').some((l) => l.label.startsWith('reflection.'))).toBe(false);
  });

  it('names a report without an assignment as the whole course', () => {
    const lines = reportLines(sampleReport({ assignmentId: null, due: null }), null, (id) => id, t, 'ru');
    expect(lines[1]?.text).toBe('manager.report.whole');
  });

  it('writes a file that a person can read and the import can load back', () => {
    const report = sampleReport({ learner: 'Иван # / SZr1.x' });
    const encoded = encode('report', report);
    if (!encoded.ok) throw new Error(encoded.detail);
    const link = linkTo('report', encoded.text, 'https://example.org/kurs/');
    const text = reportFileText('Отчёт', reportLines(report, null, (id) => id, t, 'ru'), 'Код отчёта:', link);
    expect(text.startsWith('Отчёт\r\n\r\nmanager.report.learner: Иван # / SZr1.x\r\n')).toBe(true);
    expect(text.endsWith(`Код отчёта:\r\n${link}\r\n`)).toBe(true);
    expect(decodeReportFile(text)).toMatchObject({ ok: true, value: report });
  });
});
