import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { sampleAssignment } from '../../../../tests/fixtures/manager.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../../tests/harness/ScreenWithProgress.svelte';
import AssignedModules from './AssignedModules.svelte';

beforeAll(() => setupI18n());

// A due day next year: in the future, and within the 5 years an assignment may look ahead.
const DUE_YEAR = new Date().getUTCFullYear() + 1;

const [first, second] = courseIndex.modules;

async function show(...assignments: ReturnType<typeof sampleAssignment>[]) {
  const store = await openStores(memoryKeyValue());
  await store.roster.createProfile('Анна', null);
  for (const a of assignments) await store.progress.acceptAssignment(a);
  const view = render(ScreenWithProgress, { props: { stores: store, screen: AssignedModules } });
  return { store, view };
}

describe('AssignedModules', () => {
  it('shows nothing when nothing is assigned', async () => {
    const { view } = await show();
    expect(view.container.textContent?.trim()).toBe('');
  });

  it('lists assigned modules with their status and due date, marks what is late, links to the report', async () => {
    const { store } = await show(sampleAssignment({ due: '2020-01-10', modules: [first!.id, second!.id], manager: 'Ольга <script>' }));
    for (const lesson of first!.lessons) await store.progress.visitLesson(lesson.id, true);
    // The card's code loads on demand: give a busy machine time.
    expect(await screen.findByRole('heading', { name: /До 10 января 2020 г\./ }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Задание · руководитель: Ольга <script>')).toBeInTheDocument();
    // The main action carries on in the first assigned module not done; the report is secondary.
    const next = courseIndex.steps.find((s) => s.moduleId === first!.id && s.kind !== 'lesson')!;
    expect(screen.getByRole('link', { name: `Продолжить модуль «${first!.title}»` })).toHaveAttribute('href', `#/${next.kind}/${next.id}`);
    expect(screen.getByRole('link', { name: 'Отправить отчёт' })).toHaveClass('secondary');
    expect(screen.getByRole('link', { name: first!.title })).toHaveAttribute('href', `#/module/${first!.id}`);
    expect(screen.getAllByText('Просрочено').length).toBeGreaterThanOrEqual(2); // the assignment and each late module
    expect(screen.getByRole('link', { name: 'Отправить отчёт' })).toHaveAttribute('href', '#/report?a=k7m2q9x4ab');
  });

  it('is not late before the due day is over, and says done when everything is', async () => {
    const { store } = await show(sampleAssignment({ due: `${DUE_YEAR}-12-31`, modules: [first!.id] }));
    expect(await screen.findByRole('heading', { name: new RegExp(`До 31 декабря ${DUE_YEAR} г\\.`) }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: `Начать модуль «${first!.title}»` })).toHaveAttribute('href', `#/lesson/${first!.lessons[0]!.id}`);
    expect(screen.queryByText('Просрочено')).toBeNull();
    expect(screen.getByText(/Не начат/)).toBeInTheDocument();
    for (const lesson of first!.lessons) await store.progress.visitLesson(lesson.id, true);
    for (const a of first!.activities) await store.progress.recordAttempt(a.kind === 'quiz' ? `quiz:${a.id}` : `exercise:${a.id}`, { startedAt: Date.UTC(2025, 4, 12, 9), finishedAt: Date.UTC(2025, 4, 12, 9, 5), score: 100, passed: true, mistakes: [] });
    expect(await screen.findByText('Выполнено')).toBeInTheDocument();
  });
});
