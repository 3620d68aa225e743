import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '$lib/i18n/index.ts';
import { openStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import StorageBanner from './StorageBanner.svelte';
import ScreenWithProgress from '../../../../tests/harness/ScreenWithProgress.svelte';

beforeAll(() => setupI18n());

async function show() {
  const stores = await openStores(memoryKeyValue());
  render(ScreenWithProgress, { props: { stores, screen: StorageBanner } });
  return stores;
}

describe('StorageBanner', () => {
  it('says nothing while storage is well', async () => {
    await show();
    expect(screen.getByRole('alert').textContent?.trim()).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('tells each storage problem in its own words', async () => {
    const { storage } = await show();
    const said: Record<string, RegExp> = {
      unavailable: /не отвечает/,
      held: /не удалось записать на устройство/,
      quota: /закончилось место/,
      'write-failed': /Не удалось сохранить последний ответ/,
      refused: /не разрешает сохранять/,
    };
    for (const [problem, text] of Object.entries(said)) {
      storage.problem = problem as keyof typeof said as never;
      flushSync();
      expect(screen.getByRole('alert').textContent).toMatch(text);
    }
  });

  it('after a deletion names the learners whose progress could not come back, until dismissed', async () => {
    const stores = await show();
    const vera = await stores.roster.createProfile('Вера', null);
    stores.storage.restored = { lostLearners: [vera.id, 'p-unknown'], lostManager: 3 };
    flushSync();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/было очищено/);
    expect(alert.textContent).toMatch(/не был открыт в этой вкладке: Вера, p-unknown\./);
    expect(alert.textContent).toMatch(/Не удалось вернуть 3 записи руководителя/);
    await userEvent.click(screen.getByRole('button', { name: 'Понятно' }));
    expect(screen.getByRole('alert').textContent).not.toMatch(/было очищено/);
  });
});
