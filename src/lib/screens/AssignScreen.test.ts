import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { encode } from '$lib/manager/codec.ts';
import { sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';
import type { Assignment } from '$lib/exchange/types.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import AssignScreen from './AssignScreen.svelte';

beforeAll(() => setupI18n());

// A due day next year: in the future, and within the 5 years an assignment may look ahead.
const DUE_YEAR = new Date().getUTCFullYear() + 1;

const payload = (a: Assignment = sampleAssignment({ due: `${DUE_YEAR}-05-20` })) => {
  const e = encode('assignment', a);
  if (!e.ok) throw new Error(e.detail);
  return e.text;
};

async function open(wild: string | null, store?: AppStores) {
  store ??= await openStores(memoryKeyValue());
  if (!store.roster.learner) await store.roster.createProfile('Анна', null);
  const view = render(ScreenWithProgress, { props: { stores: store, screen: AssignScreen, screenProps: { params: { wild } } } });
  return { store, view };
}

describe('AssignScreen', () => {
  it('shows who assigned which modules by when, names as text, and accepts once', async () => {
    const hostile = sampleAssignment({ due: `${DUE_YEAR}-05-20`, manager: '<img src=x onerror=alert(1)>', modules: [courseIndex.modules[0]!.id, 'final'] });
    const { store, view } = await open(payload(hostile));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(view.container.querySelector('img')).toBeNull();
    expect(screen.getByText(`20 мая ${DUE_YEAR} г.`)).toBeInTheDocument();
    expect(screen.getByText(courseIndex.modules[0]!.title)).toBeInTheDocument();
    expect(screen.getByText('Итоговый тест')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /^Принять задание/ }));
    expect(await screen.findByText('Задание принято. Оно на главной странице.')).toBeInTheDocument();
    expect(Object.keys(store.progress.assignments)).toEqual([hostile.id]);
    view.unmount();

    await open(payload(hostile), store);
    expect(screen.getByRole('status')).toHaveTextContent('Это задание уже принято.');
    expect(screen.queryByRole('button', { name: /^Принять задание/ })).toBeNull();
  });

  it.each([
    ['a tampered link', (p: string) => p.slice(0, 12) + (p[12] === 'A' ? 'B' : 'A') + p.slice(13), 'контрольная сумма не сходится'],
    ['a cut link', (p: string) => p.slice(0, -15), 'Ссылка обрезана'],
    ['an empty link', () => '', 'Ссылка обрезана'],
    ['a foreign link', () => 'https://evil.example/x', 'Это не ссылка курса'],
    ['a newer version', (p: string) => p.replace('SZa1', 'SZa7'), 'более новой версией'],
    ['a report link', () => { const e = encode('report', sampleReport()); return e.ok ? e.text : ''; }, 'ссылка на отчёт, а не на задание'],
  ])('refuses %s with one clear message and changes nothing', async (_name, spoil, message) => {
    const { store } = await open(spoil(payload()));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Ничего не изменено.');
    expect(screen.queryByRole('button', { name: /^Принять задание/ })).toBeNull();
    expect(store.progress.assignments).toEqual({});
  });

  it('warns that the due date has passed but still lets the learner accept', async () => {
    await open(payload(sampleAssignment({ due: '2020-01-10' })));
    expect(screen.getByText(/Срок уже прошёл/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Принять задание/ })).toBeEnabled();
  });
});
