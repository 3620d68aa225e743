import { render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../build/load-content.ts';
import { typographDeep } from '../../build/typography.js';
import { courseIndex, stepNeighbours } from '$lib/course/course.ts';
import { stepHref } from '$lib/routing/routing.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import LessonScreen from './LessonScreen.svelte';

beforeAll(() => setupI18n());

async function show(props: Record<string, unknown> = {}) {
  const store = await openStores(memoryKeyValue());
  await store.roster.createProfile('Анна', null);
  render(ScreenWithProgress, { props: { stores: store, screen: LessonScreen, screenProps: props } });
  return store;
}

const lessons = courseIndex.modules.flatMap((m) => m.lessons);

describe('LessonScreen', () => {
  it('shows the lesson title, where it sits in its module, and its text in Russian', async () => {
    const lesson = lessons[1]!;
    const module = courseIndex.modules.find((m) => m.id === lesson.moduleId)!;
    await show({ params: { lessonId: lesson.id } });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(lesson.title);
    expect(screen.getByText(new RegExp(`Урок ${lesson.index} из ${module.lessons.length}`))).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Вы здесь' });
    expect(crumbs).toHaveTextContent(module.title);
    const text = await screen.findByText(/Представим себе ситуацию обслуживания/, {}, { timeout: 15_000 });
    expect(text.closest('[lang]')).toHaveAttribute('lang', 'ru');
    expect(text).toHaveAttribute('id', 's3'); // the stable id of the third source paragraph
  });

  it('lists the lesson’s objectives, as authored and typeset, from its own chunk (the index does not carry them)', async () => {
    const authored = loadContent(process.cwd()).index.modules.flatMap((m) => m.lessons);
    for (const lesson of lessons.slice(0, 2)) {
      expect(lesson).not.toHaveProperty('objectives');
      const expected = typographDeep(authored.find((l) => l.id === lesson.id)!.objectives) as string[];
      await show({ params: { lessonId: lesson.id } });
      const box = await screen.findByRole('region', { name: 'В этом уроке' }, { timeout: 15_000 });
      expect(within(box).getAllByRole('listitem').map((li) => li.textContent)).toEqual(expected);
      document.body.innerHTML = '';
    }
  });

  it('links to the previous and the next step', async () => {
    const lesson = lessons[1]!;
    await show({ params: { lessonId: lesson.id } });
    const pager = screen.getByRole('navigation', { name: 'Уроки по порядку' });
    expect(pager.querySelector('a[rel="prev"]')).toHaveAttribute('href', `#/lesson/${lessons[0]!.id}`);
    // Not read to the end yet: the main button offers the step after it on the path.
    const next = within(pager).getByRole('link', { name: /^Дальше:/ });
    expect(next).toHaveAttribute('href', stepHref(stepNeighbours('lesson', lesson.id).next!));
  });

  it('once read, the main button names the next step in words', async () => {
    const lesson = lessons.at(-1)!;
    const store = await show({ params: { lessonId: lesson.id } });
    for (const l of lessons.slice(1)) await store.progress.visitLesson(l.id, true);
    const pager = screen.getByRole('navigation', { name: 'Уроки по порядку' });
    const next = await within(pager).findByRole('link', { name: /^Дальше:/ });
    expect(next).toHaveAttribute('href', stepHref(stepNeighbours('lesson', lesson.id).next!));
    expect(next).toHaveTextContent(/упражнение|тест/);
  });

  it('sets key ideas apart and marks them as the authors’ words', async () => {
    await show({ params: { lessonId: lessons[1]!.id } });
    const aside = await screen.findByRole('complementary', { name: 'Главное' }, { timeout: 15_000 });
    expect(aside).toHaveTextContent('От авторов курса');
  });

  it('shows the not-found page for an unknown or malformed lesson', async () => {
    await show({ params: { lessonId: null } });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Страница не найдена');
    expect(screen.getByRole('link', { name: 'На главную' })).toHaveAttribute('href', '#/');
  });
});
