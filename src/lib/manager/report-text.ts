/**
 * A report in words, for the learner's screen and the readable part of a report file. The words
 * come from the caller's translator, so this stays free of svelte-i18n and is tested with a stub.
 */
import { formatDay, formatMoment } from '$lib/manager/dates.ts';
import type { Assignment, Report, ResultEntry } from '$lib/exchange/types.ts';

/** `$_` as a plain function. */
export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** One module's result in words: status, then score, attempts and completion where they apply. */
export function resultLine(result: ResultEntry, t: Translate, lang: string): string {
  const parts = [t(`manager.status.${result.status}`)];
  if (result.attempts > 0) {
    parts.push(t('manager.report.best', { values: { best: result.best } }));
    parts.push(t('manager.report.attempts', { values: { count: result.attempts } }));
  }
  if (result.completedAt !== null) parts.push(t('manager.report.completed', { values: { date: formatMoment(result.completedAt, lang) } }));
  return parts.join(' · ');
}

/**
 * The report as labelled lines: who, which assignment, when made, then each module and the final
 * test, and the learner's «Моя цепочка» answers when they chose to share them.
 */
export function reportLines(report: Report, assignment: Assignment | null, titleOf: (id: string) => string, t: Translate, lang: string): { label: string; text: string }[] {
  const which = assignment
    ? t('manager.report.assignmentFrom', { values: { date: formatDay(assignment.due, lang), name: assignment.manager } })
    : report.due
      ? t('manager.report.assignmentDue', { values: { date: formatDay(report.due, lang) } })
      : t('manager.report.whole');
  return [
    { label: t('manager.report.learner'), text: report.learner },
    { label: t('manager.report.assignment'), text: which },
    { label: t('manager.report.made'), text: formatMoment(report.createdAt, lang) },
    ...report.modules.map((m) => ({ label: titleOf(m.id), text: resultLine(m, t, lang) })),
    ...(report.final ? [{ label: t('manager.assignment.final'), text: resultLine(report.final, t, lang) }] : []),
    ...(report.reflection
      ? (['suppliers', 'clients', 'change'] as const).map((field) => ({ label: t(`reflection.${field}`), text: report.reflection?.[field] ?? '' }))
      : []),
    ...(report.reviews ?? []).map((r) => ({
      label: t('manager.report.review', { values: { title: titleOf(r.module), round: r.round } }),
      text: t('manager.report.reviewResult', { values: { score: r.score, date: formatMoment(r.at, lang) } }),
    })),
  ];
}

/** A report file: a readable summary, then the link the manager's import reads. CRLF, so Notepad shows lines. */
export function reportFileText(heading: string, lines: readonly { label: string; text: string }[], codeLabel: string, link: string): string {
  return [heading, '', ...lines.map((l) => `${l.label}: ${l.text}`), '', codeLabel, link, ''].join('\r\n');
}
