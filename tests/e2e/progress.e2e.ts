/**
 * Journeys: progress survives a closed browser, a second tab, refused storage and a full disk;
 * learners on one tablet are kept apart by PINs and the idle lock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { axeViolations, closeContext, enterAsLearner, h1, launchPersistent, nextFrames, screenshot, storedRecord, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
const [lessonA, lessonB] = index.modules[0]!.lessons;
const moduleA = index.modules[0]!;
useBrowser();

/** Opens a lesson and scrolls to its end, which marks it read. */
async function readLesson(page: Page, id: string, stored = true) {
  await page.goto(`${baseUrl}#/lesson/${id}`);
  await page.locator('.reading').waitFor();
  await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
  // Reading is saved when the end of the text is seen: wait until it is stored before leaving.
  // (Where nothing can be stored, the page is given the frames in which it sees the end.)
  if (stored) await expect.poll(() => finishedAt(page, id)).not.toBeNull();
  else await nextFrames(page);
  // Either way the learner is told the lesson is done, just above the way on.
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Урок прочитан' }).count()).toBe(1);
}

/** When the lesson was finished, as stored in the real IndexedDB (null: not yet). */
const finishedAt = async (page: Page, id: string) => ((await storedRecord(page, `lesson/${id}`))?.finishedAt as number | undefined) ?? null;

describe('progress survives', () => {
  it('a closed and reopened browser: the lesson stays read and «Продолжить» goes back to it', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'sz-profile-'));
    let context: BrowserContext | undefined;
    try {
      let page: Page;
      ({ context, page } = await launchPersistent(profileDir, 'tablet'));
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Анна');
      await readLesson(page, lessonB!.id);
      // The browser closes only once the lesson is in the database.
      await expect.poll(() => finishedAt(page, lessonB!.id), { message: 'the read lesson is stored' }).toBeGreaterThan(0);
      await closeContext(context);
      context = undefined;

      ({ context, page } = await launchPersistent(profileDir, 'tablet'));
      await page.goto(`${baseUrl}#/module/${moduleA.id}`);
      await enterAsLearner(page, 'Анна');
      await page.goto(`${baseUrl}#/module/${moduleA.id}`);
      await expect.poll(() => page.getByRole('link', { name: new RegExp(`${lessonB!.title}.*прочитан`) }).count()).toBe(1);
      await page.goto(baseUrl);
      // Lesson B is read; the next step by the one rule is lesson A, never read.
      await expect.poll(() => page.getByText(`Дальше — урок «${lessonA!.title}».`).count()).toBe(1);
      await page.getByRole('link', { name: 'Читать урок' }).tap();
      await expect.poll(() => h1(page)).toBe(lessonA!.title);
      await closeContext(context);
      context = undefined;
    } finally {
      await context?.close();
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); // helpers may still be writing
    }
  }, 60_000);

  it('a second tab: what one tab saves appears in the other without a reload', async () => {
    await withContext('tablet', async (context, home) => {
      await home.goto(baseUrl);
      await enterAsLearner(home, 'Борис');
      await expect.poll(() => home.getByText('Не начат').count()).toBe(index.modules.length);

      const reader = await context.newPage(); // watched too: withContext checks every page of the context
      await reader.goto(baseUrl);
      await expect.poll(() => h1(reader)).toBe(index.course.title); // same learner, still active
      await Promise.all([readLesson(reader, lessonA!.id), readLesson(home, lessonB!.id)]);
      await home.goto(baseUrl);
      await expect.poll(() => home.getByText('В процессе').count()).toBe(1);
      await reader.goto(`${baseUrl}#/module/${moduleA.id}`);
      await expect.poll(() => reader.getByText('✓ прочитан').count()).toBe(2);
    });
  }, 45_000);
});

describe('storage trouble', () => {
  it('refused storage: a plain banner, and the course still works in memory', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        await page.goto(baseUrl);
        await expect.poll(() => page.getByRole('alert').filter({ hasText: 'не разрешает сохранять' }).count()).toBe(1);
        await enterAsLearner(page, 'Вера');
        await readLesson(page, lessonA!.id, false);
        await page.goto(`${baseUrl}#/module/${moduleA.id}`);
        await expect.poll(() => page.getByText('✓ прочитан').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'storage-refused');
      },
      {
        allow: [/Progress not saved/],
        before: (context) =>
          context.addInitScript(() => {
            Object.defineProperty(window, 'indexedDB', { get: () => undefined });
          }),
      },
    );
  }, 30_000);

  it('a full disk: the banner says so, nothing crashes, and what was saved before stays', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        await page.goto(baseUrl);
        await enterAsLearner(page, 'Глеб');
        await readLesson(page, lessonA!.id);
        await expect.poll(() => finishedAt(page, lessonA!.id), { message: 'the first lesson is stored before the disk fills' }).toBeGreaterThan(0);
        await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
        await readLesson(page, lessonB!.id, false); // the disk is full: this one cannot be stored
        await expect.poll(() => page.getByRole('alert').filter({ hasText: 'закончилось место' }).count()).toBe(1);
        await screenshot(page, 'storage-full');
        await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
        await page.reload();
        await page.goto(`${baseUrl}#/module/${moduleA.id}`);
        await expect.poll(() => page.getByRole('link', { name: new RegExp(`${lessonA!.title}.*прочитан`) }).count()).toBe(1);
      },
      {
        allow: [/Progress not saved/],
        before: (context) =>
          context.addInitScript(() => {
            const put = IDBObjectStore.prototype.put;
            IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
              if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return put.apply(this, args);
            };
          }),
      },
    );
  }, 45_000);

  it('a damaged record: set aside and reported, everything else loads', async () => {
    await withContext('tablet', async (_context, page) => {
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
    });
  }, 30_000);
});

describe('a shared tablet', () => {
  it('keeps learners apart: a PIN-protected learner opens only with the right PIN', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Дарья', '2580');
      await readLesson(page, lessonA!.id);
      await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
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

      await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
      await enterAsLearner(page, 'Дарья', '2580');
      await page.goto(`${baseUrl}#/module/${moduleA.id}`);
      await expect.poll(() => page.getByText('✓ прочитан').count()).toBe(1);
    });
  }, 45_000);

  it('locks back to the roster after the idle time', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.clock.install();
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Жанна');
      await page.clock.fastForward('09:00');
      expect(await h1(page)).toBe(index.course.title);
      await page.clock.fastForward('01:30');
      await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
    });
  }, 30_000);
});
