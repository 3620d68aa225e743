import { render, screen, within } from '@testing-library/svelte';
import { openStoresWithManager } from '../../../tests/harness/open-stores.ts';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { encode, linkTo } from '$lib/manager/codec.ts';
import type { Report } from '$lib/exchange/types.ts';
import { COURSE_MODULES, inProgress, passed, sampleAssignment, sampleReport } from '../../../tests/fixtures/manager.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import ManagerTeamScreen from './ManagerTeamScreen.svelte';

beforeAll(() => setupI18n());

// A due day next year: in the future, and within the 5 years an assignment may look ahead.
const DUE_YEAR = new Date().getUTCFullYear() + 1;
afterEach(() => vi.unstubAllGlobals());

const [m1, m2] = COURSE_MODULES as [string, string];
const assignment = sampleAssignment({ modules: [m1, m2], due: '2020-05-20' });
const ivan = sampleReport({ modules: [passed(m1, 90), inProgress(m2, 60, 2)], due: '2020-05-20' });
const anna = sampleReport({ learner: 'Анна', modules: [passed(m1, 100), passed(m2, 85)], due: '2020-05-20' });
const link = (r = ivan) => {
  const e = encode('report', r);
  if (!e.ok) throw new Error(e.detail);
  return linkTo('report', e.text, 'https://example.org/kurs/');
};

async function show(reports: Report[] = []) {
  const store = await openStoresWithManager(memoryKeyValue());
  await store.managerStore.setPin('4821');
  await store.managerStore.saveAssignment(assignment);
  await store.managerStore.saveReports(reports);
  render(ScreenWithProgress, { props: { stores: store, screen: ManagerTeamScreen } });
  return store;
}

const tableRegion = () => screen.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' });
const learners = () => within(tableRegion()).getAllByRole('rowheader').map((th) => th.textContent);

// Whole screens with user-event: room for a busy 2-core machine.
describe('ManagerTeamScreen', { timeout: 30_000 }, () => {
  it('imports pasted links, refuses the broken one by line, and fills the table', async () => {
    const store = await show();
    expect(await screen.findByText(/В задании пока никого/)).toBeInTheDocument();
    const good = link(anna);
    const at = good.indexOf('SZr1.') + 8;
    const tampered = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
    await userEvent.click(screen.getByLabelText('Ссылки на отчёты, по одной в строке'));
    await userEvent.paste(`${link()}\n${tampered}\n`);
    await userEvent.click(screen.getByRole('button', { name: 'Добавить из ссылок' }));
    expect(await screen.findByText('Добавлен 1 отчёт.')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Строка 2');
    expect(alert).toHaveTextContent('контрольная сумма не сходится');
    expect(await store.managerStore.readReports()).toHaveLength(1);

    const region = screen.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' });
    expect(region).toHaveAttribute('tabindex', '0');
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(courseIndex.modules[0]!.title);
    expect(rows[0]).toHaveTextContent('Пройден');
    expect(rows[0]).toHaveTextContent('90%');
    expect(rows[1]).toHaveTextContent('В процессе');
    expect(rows[1]).toHaveTextContent('Просрочено');
  });

  it('sorts by a column header and says so with aria-sort; filters by assignment', async () => {
    await show([ivan, anna, sampleReport({ assignmentId: null, due: null, learner: 'Борис', modules: [inProgress(m1)] })]);
    const header = await screen.findByRole('columnheader', { name: /Лучший результат/ });
    expect(header).toHaveAttribute('aria-sort', 'none');
    expect(within(tableRegion()).getByRole('columnheader', { name: /Сотрудник/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(learners()[0]).toBe('Анна');

    const filter = screen.getByLabelText('Задание');
    expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual(['Все задания', 'до 20 мая 2020 г., Ольга Петровна', 'Без задания']);
    await userEvent.selectOptions(filter, 'Без задания');
    expect(learners()).toEqual(['Борис']);
  });

  it('exports what is shown as CSV with a BOM and ; between cells', async () => {
    await show([ivan]);
    let blob: Blob | undefined;
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: (b: Blob) => ((blob = b), 'blob:x'), revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(await screen.findByRole('button', { name: 'Скачать CSV для Excel' }));
    expect(click).toHaveBeenCalledOnce();
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('Сотрудник;Задание;Модуль;Статус;Лучший результат, %;Попыток;Пройден;Срок;Просрочено');
    expect(text).toContain('Иван Смирнов;до 20 мая 2020 г., Ольга Петровна;');
    click.mockRestore();
  });
});

describe('ManagerTeamScreen: who is done, behind and missing', { timeout: 30_000 }, () => {
  const expecting = sampleAssignment({ id: 'expect0001', modules: [m1, m2], due: `${DUE_YEAR}-05-20`, expected: ['Иван Смирнов', 'Анна', 'Пётр Волков'] });
  const reportFor = (over: Partial<Report>) => sampleReport({ assignmentId: expecting.id, due: expecting.due, ...over });

  async function showExpecting(reports: Report[]) {
    const store = await openStoresWithManager(memoryKeyValue());
    await store.managerStore.setPin('4821');
    await store.managerStore.saveAssignment(expecting);
    await store.managerStore.saveReports(reports);
    render(ScreenWithProgress, { props: { stores: store, screen: ManagerTeamScreen } });
    return store;
  }

  it('says how many of the expected are done and names who has not reported', async () => {
    await showExpecting([reportFor({ learner: 'Анна', learnerId: '00000000-0000-4000-8000-00000000a001', modules: [passed(m1), passed(m2)] }), reportFor({ learnerId: '00000000-0000-4000-8000-00000000a002', modules: [passed(m1), inProgress(m2, 40, 1)] })]);
    const card = await screen.findByRole('region', { name: new RegExp(`до 20 мая ${DUE_YEAR} г\\., Ольга Петровна`) });
    expect(within(card).getByText('Выполнили 1 из 3')).toBeInTheDocument();
    expect(within(card).getByText('Не прислали отчёт: Пётр Волков')).toBeInTheDocument();
    expect(within(card).getByText('в процессе: 1')).toBeInTheDocument();
    const grid = within(card).getByRole('table');
    const petr = within(grid).getByRole('rowheader', { name: /Пётр Волков/ }).closest('tr')!;
    expect(petr).toHaveTextContent('Нет отчёта');
  });

  it('deletes a report only after asking, and the person goes back to «no report»', async () => {
    const store = await showExpecting([reportFor({ learner: 'Анна', learnerId: '00000000-0000-4000-8000-00000000a001', modules: [passed(m1), passed(m2)] })]);
    const card = await screen.findByRole('region', { name: /Ольга Петровна/ });
    const grid = within(within(card).getByRole('table'));
    await userEvent.click(grid.getByRole('button', { name: /Анна/ }));
    await userEvent.click(grid.getByRole('button', { name: /^Удалить отчёт от/ }));
    expect(await store.managerStore.readReports()).toHaveLength(1);
    await userEvent.click(grid.getByRole('button', { name: 'Отмена' }));
    expect(await store.managerStore.readReports()).toHaveLength(1);
    await userEvent.click(grid.getByRole('button', { name: /^Удалить отчёт от/ }));
    await userEvent.click(grid.getByRole('button', { name: 'Да, удалить' }));
    await vi.waitFor(async () => expect(await store.managerStore.readReports()).toHaveLength(0));
    expect(await within(card).findByText('Не прислали отчёт: Анна, Иван Смирнов, Пётр Волков')).toBeInTheDocument();
  });

  it('deletes an assignment with its reports after asking', async () => {
    const store = await showExpecting([reportFor({ learner: 'Анна', learnerId: '00000000-0000-4000-8000-00000000a001' })]);
    const card = await screen.findByRole('region', { name: /Ольга Петровна/ });
    await userEvent.click(within(card).getByRole('button', { name: 'Удалить задание' }));
    expect(within(card).getByText(/Вместе с ним удалится 1 отчёт/)).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Да, удалить' }));
    await vi.waitFor(async () => expect(await store.managerStore.readAssignments()).toEqual([]));
    expect(await store.managerStore.readReports()).toEqual([]);
    expect(await screen.findByText(/Заданий и отчётов пока нет/)).toBeInTheDocument();
  });
});
