/**
 * Journeys: progress survives a closed browser, a second tab, refused storage and a full disk;
 * learners on one tablet are kept apart by PINs and the idle lock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadContent } from '../../src/lib/course/load-content.ts';
import { axeViolations, chromiumPath, enterAsLearner, launch, screenshot, TABLET, tabletContext, watchPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const { index } = loadContent(process.cwd());
const [lessonA, lessonB] = index.modules[0]!.lessons;
const moduleA = index.modules[0]!;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** Opens a lesson and scrolls to its end, which marks it read. */
async function readLesson(page: Page, id: string) {
  await page.goto(`${baseUrl}#/lesson/${id}`);
  await page.locator('.reading').waitFor();
  await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
}

describe('progress survives', () => {
  it('a closed and reopened browser: the lesson stays read and «Продолжить» goes back to it', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'sz-profile-'));
    const open = () =>
      chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath(),
        headless: true,
        viewport: TABLET,
        hasTouch: true,
        isMobile: true,
        locale: 'ru-RU',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    try {
      let context = await open();
      let page = context.pages()[0] ?? (await context.newPage());
      let watch = watchPage(page, origin);
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Анна');
      await readLesson(page, lessonB!.id);
      await expect.poll(() => page.evaluate(() => new Promise((r) => setTimeout(() => r(true), 300)))).toBe(true);
      watch.assertClean();
      await context.close();

      context = await open();
      page = context.pages()[0] ?? (await context.newPage());
      watch = watchPage(page, origin);
      await page.goto(`${baseUrl}#/module/${moduleA.id}`);
      await enterAsLearner(page, 'Анна');
      await page.goto(`${baseUrl}#/module/${moduleA.id}`);
      await expect.poll(() => page.getByRole('link', { name: new RegExp(`${lessonB!.title}.*прочитан`) }).count()).toBe(1);
      await page.goto(baseUrl);
      await expect.poll(() => page.getByText(`Вы остановились: ${lessonB!.title}`).count()).toBe(1);
      await page.getByRole('link', { name: 'Продолжить' }).tap();
      await expect.poll(() => h1(page)).toBe(lessonB!.title);
      watch.assertClean();
      await context.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('a second tab: what one tab saves appears in the other without a reload', async () => {
    const context = await tabletContext(browser);
    const home = await context.newPage();
    const watch = watchPage(home, origin);
    await home.goto(baseUrl);
    await enterAsLearner(home, 'Борис');
    await expect.poll(() => home.getByText('Не начат').count()).toBe(index.modules.length);

    const reader = await context.newPage();
    const watchReader = watchPage(reader, origin);
    await reader.goto(baseUrl);
    await expect.poll(() => h1(reader)).toBe(index.course.title); // same learner, still active
    await Promise.all([readLesson(reader, lessonA!.id), readLesson(home, lessonB!.id)]);
    await home.goto(baseUrl);
    await expect.poll(() => home.getByText('В процессе').count()).toBe(1);
    await reader.goto(`${baseUrl}#/module/${moduleA.id}`);
    await expect.poll(() => reader.getByText('✓ прочитан').count()).toBe(2);
    watch.assertClean();
    watchReader.assertClean();
    await context.close();
  });
});

describe('storage trouble', () => {
  it('refused storage: a plain banner, and the course still works in memory', async () => {
    const context = await tabletContext(browser);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined });
    });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'не разрешает сохранять' }).count()).toBe(1);
    await enterAsLearner(page, 'Вера');
    await readLesson(page, lessonA!.id);
    await page.goto(`${baseUrl}#/module/${moduleA.id}`);
    await expect.poll(() => page.getByText('✓ прочитан').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'storage-refused');
    watch.assertClean([/Progress not saved/]);
    await context.close();
  });

  it('a full disk: the banner says so, nothing crashes, and what was saved before stays', async () => {
    const context = await tabletContext(browser);
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Глеб');
    await readLesson(page, lessonA!.id);
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
    await readLesson(page, lessonB!.id);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'закончилось место' }).count()).toBe(1);
    await screenshot(page, 'storage-full');
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
    await page.reload();
    await page.goto(`${baseUrl}#/module/${moduleA.id}`);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(`${lessonA!.title}.*прочитан`) }).count()).toBe(1);
    watch.assertClean([/Progress not saved/]);
    await context.close();
  });
  it('a damaged record: set aside and reported, everything else loads', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Зоя');
    await readLesson(page, lessonA!.id);
    await page.goto(`${baseUrl}#/module/${moduleA.id}`);
    await expect.poll(() => page.getByText('✓ прочитан').count()).toBe(1);
    // Damage one stored record in the real database, as a crash mid-write or a bad extension might.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('silnoe-zveno');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('records', 'readwrite');
            const records = tx.objectStore('records');
            const settings = records.get('device/settings');
            settings.onsuccess = () => {
              const id = (settings.result as { data: { currentProfileId: string } }).data.currentProfileId;
              records.put({ v: 1, type: 'lesson', data: { lessonId: 42, firstVisitedAt: 'вчера' } }, `learner/${id}/lesson/broken`);
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '1 запись прогресса повреждена и отложена' }).count()).toBe(1);
    await expect.poll(() => page.getByText('✓ прочитан').count()).toBe(1);
    await screenshot(page, 'storage-damaged');
    watch.assertClean();
    await context.close();
  });
});

describe('a shared tablet', () => {
  it('keeps learners apart: a PIN-protected learner opens only with the right PIN', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Дарья', '2580');
    await readLesson(page, lessonA!.id);
    await page.getByRole('button', { name: /Сменить ученика/ }).tap();
    await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'roster');

    await page.getByRole('button', { name: /^Дарья/ }).tap();
    await page.getByLabel(/Введите PIN-код/).fill('1111');
    await page.getByRole('button', { name: 'Открыть' }).tap();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Неверный PIN-код' }).count()).toBe(1);
    expect(await h1(page)).toBe('Кто сейчас учится?');
    await page.getByRole('button', { name: 'Отмена' }).tap();

    await enterAsLearner(page, 'Ефим');
    await page.goto(`${baseUrl}#/module/${moduleA.id}`);
    await expect.poll(() => h1(page)).toBe(moduleA.title);
    expect(await page.getByText('прочитан').count()).toBe(0);

    await page.getByRole('button', { name: /Сменить ученика/ }).tap();
    await enterAsLearner(page, 'Дарья', '2580');
    await page.goto(`${baseUrl}#/module/${moduleA.id}`);
    await expect.poll(() => page.getByText('✓ прочитан').count()).toBe(1);
    watch.assertClean();
    await context.close();
  });

  it('locks back to the roster after the idle time', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Жанна');
    await page.clock.fastForward('09:00');
    expect(await h1(page)).toBe(index.course.title);
    await page.clock.fastForward('01:30');
    await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
    watch.assertClean();
    await context.close();
  });
});
