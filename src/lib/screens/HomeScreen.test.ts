import { render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseAbout } from '$lib/course/about.ts';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import HomeScreen from './HomeScreen.svelte';

beforeAll(() => setupI18n());

async function show(props: Record<string, unknown> = {}) {
  const store = await openStores(memoryKeyValue());
  await store.roster.createProfile('Анна', null);
  render(ScreenWithProgress, { props: { stores: store, screen: HomeScreen, screenProps: props } });
  return store;
}

describe('HomeScreen', () => {
  it('shows the course title as the only h1 and a start link to the first lesson', async () => {
    await show();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Сильное звено');
    const first = courseIndex.modules[0]!.lessons[0]!;
    expect(screen.getByRole('link', { name: 'Начать курс' })).toHaveAttribute('href', `#/lesson/${first.id}`);
  });

  it('lists every module with Russian plural forms for lessons and minutes', async () => {
    await show();
    const list = screen.getByRole('heading', { name: 'Модули курса' }).parentElement!;
    for (const module of courseIndex.modules) {
      const card = within(list).getByRole('link', { name: module.title }).closest('article')!;
      const n = module.lessons.length;
      const word = n === 1 ? 'урок' : n < 5 ? 'урока' : 'уроков';
      expect(card).toHaveTextContent(`${n} ${word}`);
      expect(card).toHaveTextContent(`Модуль ${module.index}`);
    }
  });

  it('tells what the learner will learn, in Russian', async () => {
    await show();
    const items = within(screen.getByRole('heading', { name: 'Чему вы научитесь' }).parentElement!).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(courseAbout.objectives);
    expect(items[0]!.closest('ul')).toHaveAttribute('lang', 'ru');
  });
});
