import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from './report-schema.ts';
import { AssignmentSchema, describeIssues, isIsoDay, newAssignmentId } from './schema.ts';
import { inProgress, passed, sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';

/** The one-line problem for a value, or 'ok'. */
function verdict(schema: typeof AssignmentSchema | typeof ReportSchema, value: unknown): string {
  const result = v.safeParse(schema, value);
  return result.success ? 'ok' : describeIssues(result.issues);
}

describe('AssignmentSchema', () => {
  it('accepts a real assignment unchanged', () => {
    const a = sampleAssignment();
    expect(v.parse(AssignmentSchema, a)).toEqual(a);
  });

  it.each([
    ['a missing due date', { due: undefined }, 'due'],
    ['an impossible day', { due: '2025-02-30' }, 'due'],
    ['a day without leading zeros', { due: '2025-5-1' }, 'due'],
    ['no modules', { modules: [] }, 'modules: needs at least one module'],
    ['21 modules', { modules: Array.from({ length: 21 }, (_, i) => `m${i}`) }, 'modules: may have at most 20'],
    ['a repeated module', { modules: ['a', 'a'] }, 'modules: must not repeat'],
    ['a Cyrillic module id', { modules: ['модуль'] }, 'modules.0'],
    ['a module id with a slash', { modules: ['../x'] }, 'modules.0'],
    ['a 501-character note', { note: 'я'.repeat(501) }, 'note: must be at most 500'],
    ['a note with a bell character', { note: 'внимание\u0007' }, 'note: must not contain control'],
    ['a note with CR', { note: 'a\r\nb' }, 'note: must not contain control'],
    ['an empty manager name', { manager: '   ' }, 'manager: must not be empty'],
    ['an 81-character manager name', { manager: 'Ж'.repeat(81) }, 'manager: must be at most 80'],
    ['a short id', { id: 'abc' }, 'id'],
    ['an id with capitals', { id: 'ABCDEFGH' }, 'id'],
    ['a fractional timestamp', { createdAt: 1.5 }, 'createdAt'],
    ['a newer version field', { v: 2 }, 'v'],
  ])('refuses %s', (_, change, problem) => {
    expect(verdict(AssignmentSchema, { ...sampleAssignment(), ...change })).toContain(problem);
  });

  it('names an unknown field', () => {
    expect(verdict(AssignmentSchema, { ...sampleAssignment(), admin: true })).toBe('admin: unknown field');
  });

  it('keeps a multi-line note with tabs', () => {
    expect(verdict(AssignmentSchema, sampleAssignment({ note: 'Первое.\n\tВторое.' }))).toBe('ok');
  });
});

describe('names are data', () => {
  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Иван & "Ко"', "O'Brien", '=HYPERLINK("x")', '👩‍🍳 Шеф', 'Ёлкина Алёна'])(
    'keeps %s verbatim',
    (name) => {
      expect(v.parse(ReportSchema, sampleReport({ learner: name })).learner).toBe(name);
    },
  );

  it('trims surrounding spaces', () => {
    expect(v.parse(ReportSchema, sampleReport({ learner: '  Иван  ' })).learner).toBe('Иван');
  });

  it.each([
    ['NUL', 'Иван\u0000'],
    ['a newline', 'Иван\nПётр'],
    ['a tab', 'Иван\tПётр'],
    ['DEL', 'Иван\u007f'],
    ['a C1 control', 'Иван\u0085'],
    ['a right-to-left override', 'Иван\u202Eвонримс'],
    ['a bidi isolate', '\u2066Иван\u2069'],
    ['a line separator', 'Иван\u2028Пётр'],
    ['a lone surrogate', 'Иван\uD83D'],
  ])('refuses a name with %s', (_, learner) => {
    expect(verdict(ReportSchema, sampleReport({ learner }))).toContain('learner: must not contain control');
  });

  it('refuses an empty or too long name', () => {
    expect(verdict(ReportSchema, sampleReport({ learner: ' \u00a0 ' }))).toContain('must not be empty');
    expect(verdict(ReportSchema, sampleReport({ learner: 'Я'.repeat(81) }))).toContain('at most 80');
    expect(verdict(ReportSchema, sampleReport({ learner: 'Я'.repeat(80) }))).toBe('ok');
  });
});

describe('ReportSchema', () => {
  it('accepts reports with and without an assignment or a final test', () => {
    expect(verdict(ReportSchema, sampleReport())).toBe('ok');
    expect(verdict(ReportSchema, sampleReport({ assignmentId: null, due: null }))).toBe('ok');
    expect(verdict(ReportSchema, sampleReport({ final: { status: 'passed', best: 85, attempts: 2, completedAt: Date.UTC(2025, 4, 13) } }))).toBe('ok');
  });

  it.each([
    ['passed without a completion time', { id: 'a', status: 'passed', best: 90, attempts: 1, completedAt: null }, 'completedAt is set exactly when'],
    ['a completion time while in progress', { ...inProgress('a', 40, 1), completedAt: Date.UTC(2025, 4, 13) }, 'completedAt is set exactly when'],
    ['attempts while not started', { id: 'a', status: 'not-started', best: 0, attempts: 1, completedAt: null }, 'not-started module has no attempts'],
    ['a score without attempts', inProgress('a', 30, 0), 'a score needs at least one attempt'],
    ['a score over 100', passed('a', 101), 'best'],
    ['a fractional score', passed('a', 50.5), 'whole percent'],
    ['negative attempts', inProgress('a', 0, -1), 'attempts'],
    ['an unknown status', { ...passed('a'), status: 'failed' }, 'status: must be one of'],
    ['an extra field', { ...passed('a'), hidden: 1 }, 'unknown field'],
  ])('refuses a module with %s', (_, module, problem) => {
    expect(verdict(ReportSchema, sampleReport({ modules: [module as never] }))).toContain(problem);
  });

  it('refuses repeated modules and an inconsistent final test', () => {
    expect(verdict(ReportSchema, sampleReport({ modules: [passed('a'), passed('a')] }))).toContain('must not repeat');
    expect(verdict(ReportSchema, sampleReport({ final: { status: 'passed', best: 85, attempts: 2, completedAt: null } }))).toContain('final');
  });
});

describe('isIsoDay', () => {
  it('knows real calendar days', () => {
    expect(['2024-02-29', '2025-12-31', '2020-01-01'].map(isIsoDay)).toEqual([true, true, true]);
    expect(['2025-02-29', '2025-13-01', '2025-00-10', '2019-12-31', '2025-1-1', ' 2025-01-01'].map(isIsoDay)).toEqual([false, false, false, false, false, false]);
  });
});

describe('newAssignmentId', () => {
  it('makes short ids the schema accepts', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newAssignmentId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(verdict(AssignmentSchema, sampleAssignment({ id }))).toBe('ok');
  });

  it('draws from the random source it is given', () => {
    expect(newAssignmentId((b) => b.fill(33))).toBe('1111111111');
  });
});
