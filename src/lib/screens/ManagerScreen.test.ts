import { render, screen } from '@testing-library/svelte';
import { openStoresWithManager } from '../../../tests/harness/open-stores.ts';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '$lib/i18n/index.ts';
import { sampleAssignment } from '../../../tests/fixtures/manager.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import ManagerScreen from './ManagerScreen.svelte';

beforeAll(() => setupI18n());

// A due day next year: in the future, and within the 5 years an assignment may look ahead.
const DUE_YEAR = new Date().getUTCFullYear() + 1;

const show = (store: AppStores) => render(ScreenWithProgress, { props: { stores: store, screen: ManagerScreen } });

describe('ManagerScreen', () => {
  it('asks for a new PIN twice on first use, then opens the area', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    show(store);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Для руководителя');
    expect(screen.getByRole('heading', { name: 'Задайте PIN-код руководителя' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('PIN-код из 4 цифр'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Задать PIN и войти' }));
    expect(screen.getByRole('alert')).toHaveTextContent('ровно 4 цифры');
    await userEvent.type(screen.getByLabelText('PIN-код из 4 цифр'), '1234');
    await userEvent.type(screen.getByLabelText('Повторите PIN-код'), '1243');
    await userEvent.click(screen.getByRole('button', { name: 'Задать PIN и войти' }));
    expect(screen.getByRole('alert')).toHaveTextContent('не совпадают');
    expect(store.managerStore.pin).toBeNull();
    await userEvent.type(screen.getByLabelText('PIN-код из 4 цифр'), '1234');
    await userEvent.type(screen.getByLabelText('Повторите PIN-код'), '1234');
    await userEvent.click(screen.getByRole('button', { name: 'Задать PIN и войти' }));
    expect(await screen.findByRole('button', { name: 'Выйти' })).toBeInTheDocument();
    expect(store.managerStore.pin).not.toBeNull();
    expect(await screen.findByText('На этом устройстве заданий пока нет.')).toBeInTheDocument();
    expect(screen.getByText(/контрольной суммой, но не подписью/)).toBeInTheDocument();
  });

  it('opens only with the right PIN, lists the assignments made here, and «Выйти» locks it', async () => {
    const store = await openStoresWithManager(memoryKeyValue());
    await store.managerStore.setPin('4821');
    await store.managerStore.saveAssignment(sampleAssignment({ due: `${DUE_YEAR}-05-20`, manager: '<b>Ольга</b>' }));
    store.managerStore.lock();
    show(store);
    expect(screen.getByRole('heading', { name: 'Введите PIN-код руководителя' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Повторите PIN-код')).toBeNull();
    await userEvent.type(screen.getByLabelText('PIN-код из 4 цифр'), '1111');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByText('Неверный PIN-код.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Выйти' })).toBeNull();

    await userEvent.type(screen.getByLabelText('PIN-код из 4 цифр'), '4821');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByText('<b>Ольга</b>')).toBeInTheDocument();
    expect(screen.getByText(`20 мая ${DUE_YEAR} г.`)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Ссылка и QR-код' }));
    const field = screen.getByLabelText<HTMLTextAreaElement>('Ссылка на задание');
    expect(field.value).toMatch(/#\/assign\/SZa1\./);
    expect(screen.getByRole('button', { name: 'Скрыть ссылку' })).toHaveAttribute('aria-expanded', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Выйти' }));
    expect(store.managerStore.unlocked).toBe(false);
    expect(screen.getByRole('heading', { name: 'Введите PIN-код руководителя' })).toBeInTheDocument();
    expect(screen.queryByText('<b>Ольга</b>')).toBeNull();
  });
});
