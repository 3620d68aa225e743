/**
 * Journey: a learner on a tablet reads the whole course by following links only, from a sub-folder,
 * with touch; every page is axe-clean, error-free and never scrolls sideways.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Route } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { assertPageSound, enterAsLearner, screenshot, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index, source } = loadContent(process.cwd());
useBrowser();

describe('reading the course on a tablet', () => {
  it('reaches every source paragraph from the home page by following links, with touch', async () => {
    await withContext('tablet', async (_context, page) => {
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
        const next = page.getByRole('navigation', { name: 'Уроки по порядку' }).getByRole('link', { name: /^Дальше:/ });
        if (lesson.next) await next.tap();
        else expect(await next.count()).toBe(0);
        // Exercises and quizzes sit between lessons on the course path: pass through them by «Далее».
        let at = index.steps.findIndex((s) => s.kind === 'lesson' && s.id === lesson.id) + 1;
        while (index.steps[at] && index.steps[at]!.kind !== 'lesson' && index.steps.slice(at).some((s) => s.kind === 'lesson')) {
          const step = index.steps[at]!;
          await expect.poll(() => page.evaluate(() => location.hash)).toBe(step.kind === 'final' ? '#/final' : `#/${step.kind}/${step.id}`);
          await page.getByRole('navigation', { name: 'Уроки по порядку' }).getByRole('link', { name: /^Дальше:/ }).tap();
          at += 1;
        }
      }
      for (const [i, paragraph] of source.expected.entries()) {
        expect(seen.filter((s) => s === paragraph), `source paragraph ${i + 1} shown once`).toHaveLength(1);
      }
    });
  }, 240_000);

  it('opens every module page from its home card', async () => {
    await withContext('tablet', async (_context, page) => {
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
    });
  }, 90_000);
});

describe('addresses', () => {
  it('reloads on a lesson, and back/forward move between lessons', async () => {
    await withContext('tablet', async (_context, page) => {
      const [first, second] = index.modules.flatMap((m) => m.lessons);
      await page.goto(`${baseUrl}#/lesson/${first!.id}`);
      await enterAsLearner(page, 'Вера');
      await page.getByRole('link', { name: /^Дальше:/ }).tap();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second!.title);
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second!.title);
      await page.goBack();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(first!.title);
      await page.goForward();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(second!.title);
    });
  }, 30_000);

  it('shows home when its address is opened again while home’s code is still loading', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Ждущий');
      // Hold home's code on the next load until the address has changed to the same route.
      const held: Route[] = [];
      await page.route(/\/assets\/HomeScreen-[\w-]+\.js$/, (route) => void held.push(route));
      await page.reload();
      await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole('main').innerText()).toContain('Загрузка…');
      await page.evaluate(() => (window.location.hash = '#/'));
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
      for (const route of held) await route.continue();
      await page.unroute(/\/assets\/HomeScreen-[\w-]+\.js$/);
      // Before the router fix (vite.config.ts, routerLoadingFix) «Загрузка…» stayed for good.
      await expect.poll(() => page.evaluate(() => document.querySelector('main h1')?.textContent ?? document.querySelector('main')?.textContent)).toBe(index.course.title);
    });
  }, 40_000);

  it.each(['#/nope', '#/lesson/no-such-lesson', '#/module/%E0%A4%A', '#/lesson/', 'index.html#/lesson/<script>'])(
    'shows a not-found page with a way home for %s',
    async (hash) => {
      await withContext('tablet', async (_context, page) => {
        await page.goto(`${baseUrl}${hash}`);
        await enterAsLearner(page, 'Гость');
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Страница не найдена');
        await assertPageSound(page, `not found ${hash}`);
        await page.getByRole('main').getByRole('link', { name: 'На главную' }).tap();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(index.course.title);
      });
    },
    30_000,
  );
});

describe('code that fails to load', () => {
  // A tablet on a flaky network before the course is cached: the piece the page needs does not
  // arrive. The page says so (its own heading, what is kept), and «Попробовать снова» brings it.
  it.each([
    ['the welcome', /\/assets\/ProfileGate-[\w-]+\.js$/, false],
    ['a signed-in lesson', /\/assets\/screens-[\w-]+\.js$/, true],
  ] as const)('%s: an error page with a retry that brings it', async (name, chunk, signedIn) => {
    await withContext('tablet', async (_context, page) => {
      const lesson = index.modules[0]!.lessons[0]!;
      await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
      if (signedIn) await enterAsLearner(page, 'Сеть');
      let refused = 0;
      await page.route(chunk, (route) => {
        refused++;
        return route.abort('internetdisconnected');
      });
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Что-то пошло не так');
      expect(refused).toBeGreaterThan(0);
      expect(await page.getByRole('main').innerText()).toContain('Всё, что вы уже прошли, сохранено.');
      await screenshot(page, `load-failed-${signedIn ? 'lesson' : 'welcome'}`);
      await page.unroute(chunk);
      await page.getByRole('button', { name: 'Попробовать снова' }).tap();
      if (signedIn) await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);
      else await page.getByLabel('Ваше имя').waitFor({ timeout: 10_000 });
      await assertPageSound(page, `retry after ${name}`);
    }, { allow: [/ERR_INTERNET_DISCONNECTED/] }); // the refused piece, and only it
  }, 40_000);
});

describe('languages', () => {
  it('switches the interface to English, keeps lesson text Russian, and remembers the choice', async () => {
    await withContext('tablet', async (_context, page) => {
      const lesson = index.modules[0]!.lessons[0]!;
      await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
      await enterAsLearner(page, 'Дина');
      await page.getByRole('button', { name: 'Eng' }).tap();
      await expect.poll(() => page.getByRole('link', { name: /^Next:/ }).count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('.reading').getAttribute('lang')).toBe('ru');
      await assertPageSound(page, 'lesson in English');
      await screenshot(page, 'lesson-english');
      await page.reload();
      await expect.poll(() => page.getByRole('link', { name: /^Next:/ }).count()).toBe(1);
      await page.getByRole('button', { name: 'Рус' }).tap();
      await expect.poll(() => page.getByRole('link', { name: /^Дальше:/ }).count()).toBe(1);
    });
  }, 30_000);
});

describe('dark theme and phone', () => {
  it('reads well in dark mode on a 360px phone', async () => {
    await withContext('phone', async (_context, page) => {
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
    }, { colorScheme: 'dark' });
  }, 30_000);
});
