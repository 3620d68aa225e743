import { render, screen, within } from '@testing-library/svelte';
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
  const store = await openStores(memoryKeyValue());
  await store.manager.setPin('4821');
  await store.manager.saveAssignment(assignment);
  await store.manager.saveReports(reports);
  render(ScreenWithProgress, { props: { stores: store, screen: ManagerTeamScreen } });
  return store;
}

const learners = () => screen.getAllByRole('rowheader').map((th) => th.textContent);

describe('ManagerTeamScreen', () => {
  it('imports pasted links, refuses the broken one by line, and fills the table', async () => {
    const store = await show();
    expect(await screen.findByText(/Отчётов пока нет/)).toBeInTheDocument();
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
    expect(await store.manager.readReports()).toHaveLength(1);

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
    expect(screen.getByRole('columnheader', { name: /Сотрудник/ })).toHaveAttribute('aria-sort', 'ascending');
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
