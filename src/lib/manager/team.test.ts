import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { teamCsvColumns, type TeamCsvText } from './team-csv.ts';
import { assignmentIdsOf, buildTeamTable, filterByAssignment, isOverdue, learnerKey, localDay, sortRows } from './team.ts';
import { COURSE_MODULES, T0, inProgress, notStarted, passed, sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';
import { FINAL_ID, type TeamRow } from '../exchange/types.ts';

const [M1 = '', M2 = '', M3 = '', M4 = ''] = COURSE_MODULES;
const DAY = 86_400_000;
const assignment = sampleAssignment({ modules: [M1, M2], due: '2025-05-20' });
const other = sampleAssignment({ id: 'zz9zz9zz9z', modules: [M3], due: '2025-06-01' });

const pick = (rows: TeamRow[], learner: string, moduleId: string) => rows.find((r) => r.learnerKey === `name:${learnerKey(learner)}` && r.moduleId === moduleId);
const brief = (rows: TeamRow[]) => rows.map((r) => `${r.learner}/${r.moduleId}`);

describe('buildTeamTable', () => {
  it('makes one row per learner × module, filling assigned modules the report left out', () => {
    const rows = buildTeamTable([sampleReport({ modules: [passed(M1, 90, 2)] })], [assignment], '2025-05-15');
    expect(brief(rows)).toEqual([`Иван Смирнов/${M1}`, `Иван Смирнов/${M2}`]);
    expect(pick(rows, 'Иван Смирнов', M2)).toMatchObject({ status: 'not-started', best: 0, attempts: 0, due: '2025-05-20', overdue: false });
    expect(pick(rows, 'Иван Смирнов', M1)).toMatchObject({ status: 'passed', best: 90, attempts: 2, completedAt: T0 + 3_600_000 });
  });

  it('merges the same learner and assignment imported twice: best score, most attempts, earliest pass', () => {
    const first = sampleReport({ createdAt: T0, modules: [passed(M1, 70, 2, T0 - DAY), inProgress(M2, 50, 3)] });
    const second = sampleReport({ learner: 'иван  смирнов', createdAt: T0 + DAY, modules: [passed(M1, 95, 1, T0), inProgress(M2, 40, 1)] });
    for (const reports of [[first, second], [second, first], [first, second, first]]) {
      const rows = buildTeamTable(reports, [assignment], '2025-05-15');
      expect(rows).toHaveLength(2);
      expect(pick(rows, 'Иван Смирнов', M1)).toMatchObject({ learner: 'иван  смирнов', status: 'passed', best: 95, attempts: 2, completedAt: T0 - DAY, reportedAt: T0 + DAY });
      expect(pick(rows, 'Иван Смирнов', M2)).toMatchObject({ status: 'in-progress', best: 50, attempts: 3, completedAt: null });
    }
  });

  it('keeps the strongest status when a later report is behind', () => {
    const done = sampleReport({ createdAt: T0, modules: [passed(M1)] });
    const stale = sampleReport({ createdAt: T0 + DAY, modules: [notStarted(M1)] });
    expect(pick(buildTeamTable([done, stale], [assignment], '2025-06-01'), 'Иван Смирнов', M1)).toMatchObject({ status: 'passed', overdue: false });
  });

  it('keeps different assignments and different learners apart', () => {
    const rows = buildTeamTable(
      [sampleReport(), sampleReport({ assignmentId: other.id, due: other.due, modules: [passed(M3)] }), sampleReport({ learner: 'Анна Котова' })],
      [assignment, other],
      '2025-05-15',
    );
    expect(rows.filter((r) => r.learner === 'Иван Смирнов').map((r) => `${r.assignmentId}/${r.moduleId}`)).toEqual([
      `${assignment.id}/${M1}`, `${assignment.id}/${M2}`, `${assignment.id}/${M3}`, `${assignment.id}/${M4}`, `${other.id}/${M3}`,
    ]);
    expect(rows[0]?.learner).toBe('Анна Котова');
  });

  it('treats modules reported beyond the assignment as having no due date', () => {
    const rows = buildTeamTable([sampleReport()], [assignment], '2025-06-01');
    expect(pick(rows, 'Иван Смирнов', M3)).toMatchObject({ due: null, overdue: false });
    expect(pick(rows, 'Иван Смирнов', M2)).toMatchObject({ due: '2025-05-20', overdue: true });
  });

  it('uses the due date a report carries when the assignment is not on this device', () => {
    const rows = buildTeamTable([sampleReport({ assignmentId: 'unknown123', due: '2025-05-01' })], [], '2025-05-02');
    expect(pick(rows, 'Иван Смирнов', M2)).toMatchObject({ due: '2025-05-01', overdue: true });
    expect(pick(rows, 'Иван Смирнов', M1)).toMatchObject({ overdue: false });
  });

  it('adds the final test as its own row', () => {
    const rows = buildTeamTable([sampleReport({ final: { status: 'passed', best: 88, attempts: 1, completedAt: T0 } })], [], '2025-05-15');
    expect(pick(rows, 'Иван Смирнов', FINAL_ID)).toMatchObject({ status: 'passed', best: 88 });
  });

  it('gives an empty table for no reports', () => {
    expect(buildTeamTable([], [assignment], '2025-05-15')).toEqual([]);
  });
});

describe('overdue', () => {
  it('is not overdue on the due day itself, only after it', () => {
    expect(isOverdue('in-progress', '2025-05-20', '2025-05-19')).toBe(false);
    expect(isOverdue('in-progress', '2025-05-20', '2025-05-20')).toBe(false);
    expect(isOverdue('in-progress', '2025-05-20', '2025-05-21')).toBe(true);
    expect(isOverdue('not-started', '2025-12-31', '2026-01-01')).toBe(true);
  });

  it('is never overdue once passed or without a due date', () => {
    expect(isOverdue('passed', '2025-05-20', '2030-01-01')).toBe(false);
    expect(isOverdue('not-started', null, '2030-01-01')).toBe(false);
  });

  it('follows the local calendar day', () => {
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localDay(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });
});

describe('learnerKey', () => {
  it('recognises the same name typed differently', () => {
    const key = learnerKey('Алёна Ёлкина');
    for (const variant of ['алена елкина', ' АЛЁНА   ЁЛКИНА ', 'Алёна\u200B Ёлкина', 'Алёна\u00a0Ёлкина']) expect(learnerKey(variant)).toBe(key);
    expect(learnerKey('Алёна Ёлкина-Петрова')).not.toBe(key);
  });
});

describe('sortRows and filterByAssignment', () => {
  const reports = [
    sampleReport({ learner: 'Яна', modules: [passed(M1, 80), inProgress(M2, 30, 1)] }),
    sampleReport({ learner: 'ёжиков', modules: [passed(M1, 100, 3, T0), notStarted(M2)] }),
    sampleReport({ learner: 'Борис', modules: [inProgress(M1, 60, 2), passed(M2, 90, 1, T0 + DAY)] }),
    sampleReport({ learner: 'Борис', assignmentId: other.id, due: other.due, modules: [notStarted(M3)] }),
  ];
  const rows = buildTeamTable(reports, [assignment, other], '2025-05-25');

  it('orders names by Russian collation by default (ё beside е, capitals ignored)', () => {
    expect([...new Set(rows.map((r) => r.learner))]).toEqual(['Борис', 'ёжиков', 'Яна']);
  });

  it('sorts by score both ways, stably', () => {
    expect(sortRows(rows, 'best').map((r) => r.best)).toEqual([0, 0, 30, 60, 80, 90, 100]);
    const desc = sortRows(rows, 'best', { direction: 'desc' });
    expect(desc.map((r) => r.best)).toEqual([100, 90, 80, 60, 30, 0, 0]);
    expect(desc.slice(-2).map((r) => r.learner)).toEqual(['Борис', 'ёжиков']); // ties keep the name order
  });

  it('sorts by status, overdue, attempts and name', () => {
    expect(sortRows(rows, 'status').map((r) => r.status)).toEqual(['not-started', 'not-started', 'in-progress', 'in-progress', 'passed', 'passed', 'passed']);
    expect(sortRows(rows, 'overdue', { direction: 'desc' }).filter((r) => r.overdue).map(brief1)).toEqual([`Борис/${M1}`, `ёжиков/${M2}`, `Яна/${M2}`]);
    expect(sortRows(rows, 'attempts', { direction: 'desc' })[0]).toMatchObject({ learner: 'ёжиков', attempts: 3 });
    expect([...new Set(sortRows(rows, 'learner', { direction: 'desc' }).map((r) => r.learner))]).toEqual(['Яна', 'ёжиков', 'Борис']);
  });

  it('puts empty completion dates last in either direction', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortRows(rows, 'completedAt', { direction });
      expect(sorted.slice(-4).every((r) => r.completedAt === null)).toBe(true);
    }
    expect(sortRows(rows, 'completedAt').slice(0, 3).map((r) => r.completedAt)).toEqual([T0, T0 + 3_600_000, T0 + DAY]);
  });

  it('sorts modules in course order when given it', () => {
    const order = [M3, M2, M1];
    expect([...new Set(sortRows(rows, 'module', { moduleOrder: order }).map((r) => r.moduleId))]).toEqual([M3, M2, M1]);
    expect(sortRows(rows, 'due').map((r) => r.due)).toEqual(['2025-05-20', '2025-05-20', '2025-05-20', '2025-05-20', '2025-05-20', '2025-05-20', '2025-06-01']);
  });

  it('does not change the rows it sorts', () => {
    const before = brief(rows);
    sortRows(rows, 'best', { direction: 'desc' });
    expect(brief(rows)).toEqual(before);
  });

  it('filters by assignment', () => {
    expect(filterByAssignment(rows, other.id).map(brief1)).toEqual([`Борис/${M3}`]);
    expect(filterByAssignment(rows, assignment.id)).toHaveLength(6);
    expect(filterByAssignment(rows, undefined)).toHaveLength(7);
    expect(filterByAssignment(rows, null)).toEqual([]);
    expect(assignmentIdsOf(rows)).toEqual([assignment.id, other.id]);
  });
});

function brief1(r: TeamRow) {
  return `${r.learner}/${r.moduleId}`;
}

describe('team CSV', () => {
  const text: TeamCsvText = {
    headers: { learner: 'Сотрудник', assignment: 'Задание', module: 'Модуль', status: 'Статус', best: 'Лучший результат, %', attempts: 'Попыток', completedAt: 'Пройден', due: 'Срок', overdue: 'Просрочен' },
    status: { 'not-started': 'Не начат', 'in-progress': 'В процессе', passed: 'Пройден' },
    notReported: 'Нет отчёта',
    overdue: { yes: 'да', no: '' },
    moduleTitle: (id) => (id === M1 ? 'Внешние и внутренние клиенты' : id),
    assignmentName: (id) => (id ? 'Май' : ''),
    formatTime: (ms) => new Date(ms).toISOString().slice(0, 10),
  };

  it('writes one line per row in the reader’s words, hostile names disarmed', () => {
    const rows = buildTeamTable([sampleReport({ learner: '=1+1; Иван', modules: [passed(M1, 90, 2, T0)] })], [assignment], '2025-05-25');
    const lines = toCsv(rows, teamCsvColumns(text)).split('\r\n');
    expect(lines[0]).toBe('\uFEFFСотрудник;Задание;Модуль;Статус;Лучший результат, %;Попыток;Пройден;Срок;Просрочен');
    expect(lines[1]).toBe(`"'=1+1; Иван";Май;Внешние и внутренние клиенты;Пройден;90;2;2025-05-12;2025-05-20;`);
    expect(lines[2]).toBe(`"'=1+1; Иван";Май;${M2};Не начат;0;0;;2025-05-20;да`);
  });

  it('lists the expected staff who have not reported, with their status', () => {
    const expecting = sampleAssignment({ modules: [M1], due: '2025-05-20', expected: ['Иван Смирнов', 'Пётр Волков'] });
    const rows = buildTeamTable([sampleReport({ learner: 'Иван Смирнов', learnerId: 'p1', modules: [passed(M1, 90, 1, T0)] })], [expecting], '2025-05-25');
    const lines = toCsv(rows, teamCsvColumns(text)).split('\r\n');
    expect(lines).toContain('Пётр Волков;Май;Внешние и внутренние клиенты;Нет отчёта;0;0;;2025-05-20;да');
    expect(lines.filter((l) => l.startsWith('Иван Смирнов;'))).toHaveLength(1);
  });
});

describe('joining reports by person', () => {
  it('keeps two people with the same name apart by profile id, and a renamed one together', () => {
    const rows = buildTeamTable(
      [
        sampleReport({ learner: 'Иван Смирнов', learnerId: 'a', modules: [passed(M1)] }),
        sampleReport({ learner: 'Иван Смирнов', learnerId: 'b', modules: [notStarted(M1)] }),
        sampleReport({ learner: 'Ваня', learnerId: 'a', createdAt: T0 + DAY, modules: [passed(M1)] }),
      ],
      [assignment],
      '2025-05-15',
    );
    const m1 = rows.filter((r) => r.moduleId === M1);
    expect(m1.map((r) => [r.learnerKey, r.learner, r.status])).toEqual([
      ['id:a', 'Ваня', 'passed'],
      ['id:b', 'Иван Смирнов', 'not-started'],
    ]);
    expect(m1.every((r) => r.reported)).toBe(true);
  });

  it('joins a report without a profile id by its name, apart from one with an id', () => {
    const rows = buildTeamTable(
      [sampleReport({ learner: 'Иван Смирнов', modules: [passed(M1)] }), sampleReport({ learner: 'Иван Смирнов', learnerId: 'a', modules: [notStarted(M1)] })],
      [assignment],
      '2025-05-15',
    );
    expect(rows.filter((r) => r.moduleId === M1).map((r) => [r.learnerKey, r.learnerId])).toEqual([
      ['name:иван смирнов', null],
      ['id:a', 'a'],
    ]);
  });
});
