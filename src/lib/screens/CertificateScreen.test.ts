import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { certificateCode } from '$lib/progress/certificate.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import type { Profile } from '$lib/progress/records.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import { completeCourse } from '../../../tests/harness/complete-course.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import CertificateLink from '$lib/components/settings/CertificateLink.svelte';
import CertificateScreen from './CertificateScreen.svelte';

beforeAll(() => setupI18n());

const FINISHED = Date.UTC(2025, 4, 15, 10);
let store: AppStores;
let learner: Profile;

beforeEach(async () => {
  store = await openStores(memoryKeyValue());
  learner = await store.roster.createProfile('Анна <b>К.</b>', null);
});

const complete = () => store.progress.mergeInto(learner.id, { ...completeCourse(courseIndex, FINISHED, 92), meta: null });

describe('CertificateScreen before the course is complete', () => {
  it('says what is left, with a link to every module not done', async () => {
    const first = courseIndex.modules[0]!;
    await store.progress.mergeInto(learner.id, { lessons: first.lessons.map((l) => ({ lessonId: l.id, firstVisitedAt: FINISHED, lastVisitedAt: FINISHED, finishedAt: FINISHED })), activities: [], meta: null });
    render(ScreenWithProgress, { stores: store, screen: CertificateScreen });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Сертификат пока не получен');
    const n = courseIndex.modules.length;
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(new RegExp(`Осталось ${n} модул`));
    for (const module of courseIndex.modules) {
      const link = screen.getByRole('link', { name: new RegExp(module.title) });
      expect(link).toHaveAttribute('href', `#/module/${module.id}`);
    }
    expect(screen.getByRole('link', { name: new RegExp(first.title) })).toHaveTextContent('В процессе');
    expect(screen.queryByRole('button', { name: 'Печать' })).toBeNull();
    render(ScreenWithProgress, { stores: store, screen: CertificateLink });
    expect(screen.queryByRole('link', { name: 'Сертификат о прохождении курса' })).toBeNull();
  });

  it('sends to the final test when only the final test is left', async () => {
    const { lessons, activities } = completeCourse(courseIndex, FINISHED);
    await store.progress.mergeInto(learner.id, { lessons, activities: activities.filter((a) => a.key !== 'final'), meta: null });
    render(ScreenWithProgress, { stores: store, screen: CertificateScreen });
    expect(screen.getByText('Все модули пройдены.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Перейти к итоговому тесту' })).toHaveAttribute('href', '#/final');
  });
});

describe('CertificateScreen once the course is complete', () => {
  it('shows name (as text), course, date, final score and check code, and prints', async () => {
    await complete();
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(ScreenWithProgress, { stores: store, screen: CertificateScreen });
    const certificate = screen.getByRole('article', { name: 'Сертификат' });
    expect(within(certificate).getByRole('heading', { level: 1 })).toHaveTextContent('Сертификат');
    expect(certificate).toHaveTextContent('Анна <b>К.</b>');
    expect(certificate.querySelector('b')).toBeNull();
    expect(certificate).toHaveTextContent(courseIndex.course.title);
    expect(certificate).toHaveTextContent('15 мая 2025 г.');
    expect(certificate).toHaveTextContent('92 %');
    const code = certificateCode({ profileId: learner.id, name: learner.name, courseTitle: courseIndex.course.title, completedAt: FINISHED, score: 92 });
    expect(certificate).toHaveTextContent(code);
    expect(certificate).toHaveTextContent('не электронная подпись');
    await user.click(screen.getByRole('button', { name: 'Печать' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('has a link to it for the home screen', async () => {
    await complete();
    render(ScreenWithProgress, { stores: store, screen: CertificateLink });
    expect(screen.getByRole('link', { name: 'Сертификат о прохождении курса' })).toHaveAttribute('href', '#/certificate');
  });
});
