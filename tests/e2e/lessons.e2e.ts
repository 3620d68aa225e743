/**
 * Journey: a learner on a tablet reads the whole course by following links only, from a sub-folder,
 * with touch; every page is axe-clean, error-free and never scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadContent } from '../../src/lib/course/load-content.ts';
import { axeViolations, enterAsLearner, launch, screenshot, tabletContext, watchPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const { index, source } = loadContent(process.cwd());
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function assertPageSound(page: Page, name: string) {
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
}

describe('reading the course on a tablet', () => {
  it('reaches every source paragraph from the home page by following links, with touch', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Анна');

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(index.course.title);
    await assertPageSound(page, 'home');
    await screenshot(page, 'home');

    await page.getByRole('link', { name: 'Начать курс' }).tap();
    const seen: string[] = [];
    const lessons = index.modules.flatMap((m) => m.lessons);
    for (const [i, lesson] of lessons.entries()) {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);
      const text = page.locator('.reading');
      await text.waitFor();
      expect(await text.getAttribute('lang')).toBe('ru');
      seen.push(...(await text.locator(':scope > p, :scope > h2').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()));
      await assertPageSound(page, lesson.id);
      await screenshot(page, `lesson-${String(i + 1).padStart(2, '0')}-${lesson.id}`);
      const next = page.getByRole('navigation', { name: 'Уроки по порядку' }).getByRole('link', { name: /Далее/ });
      if (lesson.next) await next.tap();
      else expect(await next.count()).toBe(0);
      // Exercises and quizzes sit between lessons on the course path: pass through them by «Далее».
      let at = index.steps.findIndex((s) => s.kind === 'lesson' && s.id === lesson.id) + 1;
      while (index.steps[at] && index.steps[at]!.kind !== 'lesson' && index.steps.slice(at).some((s) => s.kind === 'lesson')) {
        const step = index.steps[at]!;
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(step.kind === 'final' ? '#/final' : `#/${step.kind}/${step.id}`);
        await page.getByRole('navigation', { name: 'Уроки по порядку' }).getByRole('link', { name: /Далее/ }).tap();
        at += 1;
      }
    }
    for (const [i, paragraph] of source.expected.entries()) {
      expect(seen.filter((s) => s === paragraph), `source paragraph ${i + 1} shown once`).toHaveLength(1);
    }
    watch.assertClean();
    await context.close();
  });

  it('opens every module page from its home card', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Борис');
    for (const module of index.modules) {
      await page.goto(baseUrl);
      await page.getByRole('link', { name: module.title }).tap();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(module.title);
      for (const lesson of module.lessons) {
        expect(await page.getByRole('link', { name: new RegExp(lesson.title) }).count()).toBeGreaterThan(0);
      }
      await assertPageSound(page, `module ${module.id}`);
      await screenshot(page, `module-${module.index}`);
    }
    watch.assertClean();
    await context.close();
  });
});

describe('addresses', () => {
  it('reloads on a lesson, and back/forward move between lessons', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const [first, second] = index.modules.flatMap((m) => m.lessons);
    await page.goto(`${baseUrl}#/lesson/${first!.id}`);
    await enterAsLearner(page, 'Вера');
    await page.getByRole('link', { name: /Далее/ }).tap();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second!.title);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second!.title);
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(first!.title);
    await page.goForward();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second!.title);
    watch.assertClean();
    await context.close();
  });

  it.each(['#/nope', '#/lesson/no-such-lesson', '#/module/%E0%A4%A', '#/lesson/', 'index.html#/lesson/<script>'])(
    'shows a not-found page with a way home for %s',
    async (hash) => {
      const context = await tabletContext(browser);
      const page = await context.newPage();
      const watch = watchPage(page, origin);
      await page.goto(`${baseUrl}${hash}`);
      await enterAsLearner(page, 'Гость');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Страница не найдена');
      await assertPageSound(page, `not found ${hash}`);
      await page.getByRole('main').getByRole('link', { name: 'На главную' }).tap();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(index.course.title);
      watch.assertClean();
      await context.close();
    },
  );
});

describe('languages', () => {
  it('switches the interface to English, keeps lesson text Russian, and remembers the choice', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const lesson = index.modules[0]!.lessons[0]!;
    await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
    await enterAsLearner(page, 'Дина');
    await page.getByRole('button', { name: 'Eng' }).tap();
    await expect.poll(() => page.getByRole('link', { name: /Next/ }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.reading').getAttribute('lang')).toBe('ru');
    await assertPageSound(page, 'lesson in English');
    await screenshot(page, 'lesson-english');
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: /Next/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Рус' }).tap();
    await expect.poll(() => page.getByRole('link', { name: /Далее/ }).count()).toBe(1);
    watch.assertClean();
    await context.close();
  });
});

describe('dark theme and phone', () => {
  it('reads well in dark mode on a 360px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, colorScheme: 'dark', locale: 'ru-RU' });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const lesson = index.modules[2]!.lessons[1]!;
    await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
    await enterAsLearner(page, 'Егор');
    await page.locator('.reading').waitFor();
    await assertPageSound(page, 'phone dark lesson');
    await screenshot(page, 'phone-dark-lesson');
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(index.course.title);
    await assertPageSound(page, 'phone dark home');
    await screenshot(page, 'phone-dark-home');
    watch.assertClean();
    await context.close();
  });
});
