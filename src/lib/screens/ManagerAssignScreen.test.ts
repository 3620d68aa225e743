import { render, screen, within } from '@testing-library/svelte';
import { openStoresWithManager } from '../../../tests/harness/open-stores.ts';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '$lib/app/stores.ts';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { decode } from '$lib/manager/codec.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import ManagerAssignScreen from './ManagerAssignScreen.svelte';

beforeAll(() => setupI18n());

async function show() {
  const stores = await openStoresWithManager(memoryKeyValue());
  await stores.roster.createProfile('Ольга Белова', null);
  await stores.roster.createProfile('Иван Смирнов', null);
  stores.roster.lock();
  await stores.managerStore.setPin('4821');
  render(ScreenWithProgress, { props: { stores, screen: ManagerAssignScreen } });
  return stores;
}

describe('ManagerAssignScreen: who is expected', { timeout: 30_000 }, () => {
  it('takes names pasted as a list and ticked from this tablet, refuses a bad one, keeps them with the assignment but not in its link', async () => {
    const stores = await show();
    await userEvent.click(await screen.findByLabelText(new RegExp(courseIndex.modules[0]!.title)));
    const list = screen.getByRole('group', { name: 'Кто должен пройти (необязательно)' });
    await userEvent.click(within(list).getByLabelText('Кто должен пройти (необязательно)'));
    await userEvent.paste('Анна Котова\nиван смирнов, Ив\u202Eан');
    await userEvent.click(within(list).getByRole('button', { name: 'Добавить в список' }));
    expect(within(list).getByRole('alert')).toHaveTextContent('Ив\u202Eан');
    expect(within(list).getByRole('status')).toHaveTextContent('В списке 2 человека');
    // Иван is on the list already (typed in other case): his box is ticked; Ольга is added by ticking.
    expect(within(list).getByRole('checkbox', { name: 'Иван Смирнов' })).toBeChecked();
    await userEvent.click(within(list).getByRole('checkbox', { name: 'Ольга Белова' }));
    await userEvent.click(within(list).getByRole('button', { name: 'Убрать: Анна Котова' }));
    expect(within(list).getByRole('status')).toHaveTextContent('В списке 2 человека');

    await userEvent.type(screen.getByLabelText(/Ваше имя/), 'Ольга Петровна');
    await userEvent.click(screen.getByRole('button', { name: 'Создать задание' }));
    const link = (await screen.findByLabelText('Ссылка на задание')) as HTMLTextAreaElement;
    const [saved] = await stores.managerStore.readAssignments();
    expect(saved?.expected).toEqual(['иван смирнов', 'Ольга Белова']);
    const decoded = decode(link.value.slice(link.value.indexOf('SZa1.')));
    expect(decoded).toMatchObject({ ok: true, kind: 'assignment' });
    expect(decoded.ok && 'expected' in decoded.value).toBe(false);
    expect(screen.getByText('иван смирнов, Ольга Белова')).toBeInTheDocument();
  });

  it.each([
    ['a bidi override', 'Ольга\u202EПетровна'],
    ['zero-width characters only', '\u200B\u200C'],
  ])('refuses the manager’s name with %s, saying why, and creates nothing', async (_, name) => {
    const stores = await show();
    await userEvent.click(await screen.findByLabelText(new RegExp(courseIndex.modules[0]!.title)));
    await userEvent.click(screen.getByLabelText(/Ваше имя/));
    await userEvent.paste(name);
    await userEvent.click(screen.getByRole('button', { name: 'Создать задание' }));
    expect(await screen.findByText(/В имени есть невидимые или управляющие символы/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Ваше имя/)).toHaveAttribute('aria-invalid', 'true');
    expect(await stores.managerStore.readAssignments()).toEqual([]);
  });
});
