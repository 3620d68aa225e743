import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '$lib/i18n/index.ts';
import type { UpdateHooks } from '$lib/pwa/register.ts';
import UpdatePrompt from './UpdatePrompt.svelte';

const pwa = vi.hoisted(() => ({
  hooks: null as UpdateHooks | null,
  apply: vi.fn(async () => {}),
  available: true,
}));
vi.mock('$lib/pwa/register.ts', () => ({
  registerServiceWorker: async (hooks: UpdateHooks) => {
    pwa.hooks = hooks;
    return pwa.available ? pwa.apply : null;
  },
}));

beforeAll(() => setupI18n());
beforeEach(() => {
  pwa.hooks = null;
  pwa.apply.mockClear();
  pwa.available = true;
});

/** Renders the prompt and waits until it has registered. */
async function renderPrompt(props: { takenOver?: boolean } = {}) {
  render(UpdatePrompt, { props });
  await vi.waitFor(() => expect(pwa.hooks).not.toBeNull());
  await Promise.resolve();
}

describe('UpdatePrompt', () => {
  it('stays silent until a new version is waiting', async () => {
    await renderPrompt();
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('announces a new version and updates only when the learner presses «Обновить»', async () => {
    await renderPrompt();
    pwa.hooks!.onNeedRefresh();
    expect(await screen.findByRole('status')).toHaveTextContent('Доступна новая версия');
    expect(pwa.apply).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Обновить' }));
    expect(pwa.apply).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Обновить' })).toBeDisabled();
  });

  it('hides the offer on «Позже» without updating', async () => {
    await renderPrompt();
    pwa.hooks!.onNeedRefresh();
    await userEvent.click(await screen.findByRole('button', { name: 'Позже' }));
    expect(screen.queryByRole('button', { name: 'Обновить' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(pwa.apply).not.toHaveBeenCalled();
  });

  it('offers nothing where there is no service worker', async () => {
    pwa.available = false;
    await renderPrompt();
    pwa.hooks!.onNeedRefresh();
    await Promise.resolve();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers the reload at once when a new version took the page over from another tab', async () => {
    await renderPrompt({ takenOver: true });
    expect(await screen.findByRole('status')).toHaveTextContent('Доступна новая версия');
    expect(screen.getByRole('button', { name: 'Обновить' })).toBeEnabled();
    expect(pwa.apply).not.toHaveBeenCalled();
  });
});
