/**
 * Storage health on the built app in Chromium with real IndexedDB: the database deleted under the
 * running app (by the page itself, and by another tab), an `indexedDB.open` that never answers (a
 * known iPad Safari fault), and writes refused mid-session then allowed again. Each failed on the
 * starting main (e6ac41b): the deletion went unnoticed and the learner was gone after a reload, the
 * app showed «Загрузка…» forever, and the refused answer was never written.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { assertNarrow, assertPageSound, axeViolations, enterAsLearner, h1, nextFrames, screenshot, storedRecord, TABLET, PHONE, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
const moduleA = index.modules[0]!;
const [lessonA, lessonB] = moduleA.lessons;
useBrowser();

/** Opens a lesson and scrolls to its end, which marks it read; waits until stored when it can be. */
async function readLesson(page: Page, id: string, stored = true): Promise<void> {
  await page.goto(`${baseUrl}#/lesson/${id}`);
  await page.locator('.reading').waitFor();
  await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
  if (stored) await expect.poll(() => finishedAt(page, id), { message: `lesson ${id} is stored as read` }).toBeGreaterThan(0);
  else await expect.poll(() => page.evaluate(() => document.querySelector('.reading') !== null)).toBe(true).then(() => nextFrames(page));
}

/** When the lesson was finished, as stored in the real IndexedDB (null: not stored). */
const finishedAt = async (page: Page, id: string) => ((await storedRecord(page, `lesson/${id}`))?.finishedAt as number | undefined) ?? null;

/** How many lessons the module page shows as read. */
async function readCount(page: Page): Promise<number> {
  await page.goto(`${baseUrl}#/module/${moduleA.id}`);
  await expect.poll(() => h1(page)).toBe(moduleA.title);
  return page.getByText('✓ прочитан').count();
}

/** Deletes the app's database from this page; resolves when the deletion is done (never blocked). */
const deleteDatabase = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('silnoe-zveno');
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => reject(request.error);
      }),
  );

const banner = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

/** The banner at tablet and phone width: screenshots, no sideways scrolling, axe clean. */
async function lookAtBanner(page: Page, name: string): Promise<void> {
  await page.setViewportSize(TABLET);
  await page.evaluate(() => window.scrollTo(0, 0));
  await assertPageSound(page, name);
  await screenshot(page, `${name}-tablet`, false);
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `${name}-phone`, false);
  await page.setViewportSize(TABLET);
  await assertNarrow(page, name);
  // And in dark mode: still readable (axe checks the contrast).
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), `${name} in dark mode`).toEqual([]);
  await screenshot(page, `${name}-dark`, false);
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the database deleted under the running app', () => {
  it('by the page: the banner says so, the learner goes on, and after a reload everything before and after is there', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Анна');
      await readLesson(page, lessonA!.id);

      expect(await deleteDatabase(page)).toBe('deleted');
      await expect.poll(() => banner(page, 'было очищено').count(), { message: 'the banner tells of the cleared storage' }).toBe(1);
      await lookAtBanner(page, 'storage-restored');

      // The learner goes on: the work after the deletion lands in the rebuilt database.
      await readLesson(page, lessonB!.id);
      await page.reload();
      await enterAsLearner(page, 'Анна');
      await expect.poll(() => readCount(page), { message: 'both lessons read after the reload' }).toBe(2);
    });
  }, 60_000);

  it('by another tab: this tab notices alone, writes back, and keeps going', async () => {
    await withContext('tablet', async (context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Борис');
      await readLesson(page, lessonA!.id);

      // Another page of the same origin with no app running (a tool, a stray script): it deletes the database.
      await context.route(`${baseUrl}blank.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><link rel="icon" href="data:,">' }));
      const other = await context.newPage();
      await other.goto(`${baseUrl}blank.html`);
      expect(await deleteDatabase(other)).toBe('deleted');
      await other.close();

      await expect.poll(() => banner(page, 'было очищено').count()).toBe(1);
      await expect.poll(() => finishedAt(page, lessonA!.id), { message: 'the read lesson is written back' }).toBeGreaterThan(0);
      await readLesson(page, lessonB!.id);
      await page.reload();
      await enterAsLearner(page, 'Борис');
      await expect.poll(() => readCount(page)).toBe(2);
      // The banner was for that page's life: after the reload all is well again.
      expect(await banner(page, 'было очищено').count()).toBe(0);
    });
  }, 60_000);

  it('names the learners whose progress was not open in this tab and could not be brought back', async () => {
    await withContext('tablet', async (context, first) => {
      // Вера learns in an earlier tab, then leaves; this tab never opens her progress.
      await first.goto(baseUrl);
      await enterAsLearner(first, 'Вера');
      await readLesson(first, lessonA!.id);
      await first.getByRole('button', { name: /Сменить сотрудника/ }).tap();
      await expect.poll(() => h1(first)).toBe('Кто сейчас учится?');
      await first.close();

      const page = await context.newPage();
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Глеб');
      await readLesson(page, lessonB!.id);

      expect(await deleteDatabase(page)).toBe('deleted');
      await expect.poll(() => banner(page, 'было очищено').count()).toBe(1);
      await expect.poll(() => banner(page, 'было очищено').textContent()).toMatch(/не был открыт в этой вкладке: Вера\./);
      await page.getByRole('button', { name: 'Понятно' }).tap();
      await expect.poll(() => banner(page, 'было очищено').count()).toBe(0);
      // Both learners stay on the roster (their profiles were held); Глеб's lesson is back, Вера's is not.
      await page.reload();
      await enterAsLearner(page, 'Глеб');
      await expect.poll(() => readCount(page)).toBe(1);
      await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
      await enterAsLearner(page, 'Вера');
      await expect.poll(() => readCount(page)).toBe(0);
    });
  }, 60_000);
});

describe('a database that never opens', () => {
  it('the app is usable within seconds with the banner, and the work goes on in memory', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        await page.clock.install();
        await page.goto(baseUrl);
        await expect.poll(() => page.getByRole('status').filter({ hasText: 'Загрузка…' }).count()).toBe(1);
        await page.clock.fastForward(5000); // past the 4 s the app gives the database
        await expect.poll(() => banner(page, 'Хранилище браузера не отвечает').count(), { message: 'the app stops waiting and says why' }).toBe(1);
        await enterAsLearner(page, 'Дарья');
        await readLesson(page, lessonA!.id, false);
        await expect.poll(() => readCount(page)).toBe(1);
        await lookAtBanner(page, 'storage-unavailable');
      },
      {
        before: (context) =>
          context.addInitScript(() => {
            // The iPad Safari fault: the open request is made, and none of its events ever fires.
            IDBFactory.prototype.open = function () {
              return {} as IDBOpenDBRequest;
            };
          }),
      },
    );
  }, 60_000);

  it('an open that hangs once: the app asks again, the banner goes, and what was done meanwhile is stored', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        await page.clock.install();
        await page.goto(baseUrl);
        await expect.poll(() => page.getByRole('status').filter({ hasText: 'Загрузка…' }).count()).toBe(1);
        await page.clock.fastForward(5000);
        await expect.poll(() => banner(page, 'Хранилище браузера не отвечает').count()).toBe(1);
        await enterAsLearner(page, 'Жанна');
        await readLesson(page, lessonA!.id, false);
        await page.clock.fastForward(2000); // the first pause before asking again
        await expect.poll(() => banner(page, 'Хранилище браузера не отвечает').count(), { message: 'the database opened at last' }).toBe(0);
        await expect.poll(() => finishedAt(page, lessonA!.id), { message: 'the lesson read meanwhile is stored' }).toBeGreaterThan(0);
        await page.reload();
        await enterAsLearner(page, 'Жанна');
        await expect.poll(() => readCount(page)).toBe(1);
      },
      {
        before: (context) =>
          context.addInitScript(() => {
            // Only the tab's very first open hangs (kept across the reload in sessionStorage).
            const open = IDBFactory.prototype.open;
            IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
              if (sessionStorage.getItem('hung')) return open.apply(this, args);
              sessionStorage.setItem('hung', '1');
              return {} as IDBOpenDBRequest;
            };
          }),
      },
    );
  }, 60_000);
});

describe('writes refused mid-session', () => {
  it('the banner stays while they are refused; once allowed, what was kept in the tab is written', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        await page.goto(baseUrl);
        await enterAsLearner(page, 'Ефим');
        await readLesson(page, lessonA!.id);

        await page.evaluate(() => ((window as unknown as { refuseWrites: boolean }).refuseWrites = true));
        await readLesson(page, lessonB!.id, false);
        await expect.poll(() => banner(page, 'не удалось записать на устройство').count()).toBe(1);
        expect(await finishedAt(page, lessonB!.id), 'not on the device while refused').toBeNull();
        expect(await readCount(page), 'the tab still shows it read').toBe(2);
        await lookAtBanner(page, 'storage-held');

        await page.evaluate(() => ((window as unknown as { refuseWrites: boolean }).refuseWrites = false));
        // Retried with a growing pause (1 s, 2 s, 4 s…): waited for as state, with room for the pause.
        await expect.poll(() => finishedAt(page, lessonB!.id), { timeout: 45_000, message: 'the kept answer is written once allowed' }).toBeGreaterThan(0);
        await expect.poll(() => banner(page, 'не удалось записать').count()).toBe(0);
        await page.reload();
        await enterAsLearner(page, 'Ефим');
        await expect.poll(() => readCount(page)).toBe(2);
      },
      {
        before: (context) =>
          context.addInitScript(() => {
            const put = IDBObjectStore.prototype.put;
            IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
              if ((window as unknown as { refuseWrites?: boolean }).refuseWrites) throw new DOMException('The disk refused the write.', 'UnknownError');
              return put.apply(this, args);
            };
          }),
      },
    );
  }, 90_000);
});
