/**
 * Journeys: a learner's progress saved to a file on one tablet and merged on a fresh one; damaged
 * and edited files refused with nothing changed; the certificate on screen, in print, and as a
 * one-page A4 PDF.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { backupText, makeBackup, parseBackup } from '../../src/lib/progress/backup.ts';
import { certificateCode } from '../../src/lib/progress/certificate.ts';
import { completeCourse } from '../harness/complete-course.ts';
import { assertNoSideways, axeViolations, enterAsLearner, h1, PHONE, screenshot, SCREENSHOTS, TABLET, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
const moduleA = index.modules[0]!;
const lessonA = moduleA.lessons[0]!;
let files: string;
useBrowser();

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'sz-backup-'));
});
afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

/** Opens a lesson and scrolls to its end, which marks it read. */
async function readLesson(page: Page, id: string) {
  await page.goto(`${baseUrl}#/lesson/${id}`);
  await page.locator('.reading').waitFor();
  await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
}

async function openSettings(page: Page) {
  await page.goto(`${baseUrl}#/settings`);
  await expect.poll(() => h1(page)).toBe('Настройки');
}

/** Switches to a learner already on this tablet (no PIN). */
async function switchTo(page: Page, name: string) {
  await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
  await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
  await enterAsLearner(page, name);
}

/** Writes a file for upload and returns its path. */
function file(name: string, text: string): string {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
}

describe('backup', () => {
  it('moves a learner’s progress to a fresh browser: save, preview, merge', async () => {
    const saved = await withContext('tablet', async (_context, a) => {
      await a.goto(baseUrl);
      await enterAsLearner(a, 'Анна');
      await readLesson(a, lessonA.id);
      await a.goto(`${baseUrl}#/module/${moduleA.id}`);
      await expect.poll(() => a.getByText('✓ прочитан').count()).toBe(1);

      await openSettings(a);
      const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Сохранить резервную копию' }).tap()]);
      expect(download.suggestedFilename()).toMatch(/^silnoe-zveno-anna-\d{4}-\d{2}-\d{2}\.json$/);
      const saved = join(files, download.suggestedFilename());
      await download.saveAs(saved);
      await expect.poll(() => a.getByRole('status').filter({ hasText: download.suggestedFilename() }).count()).toBe(1);
      const parsed = parseBackup(readFileSync(saved, 'utf8'));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.backup.profile.name).toBe('Анна');
        expect(parsed.backup.lessons.find((l) => l.lessonId === lessonA.id)?.finishedAt).toBeGreaterThan(0);
      }
      return saved;
    }, { acceptDownloads: true });

    await withContext('tablet', async (_context, b) => {
      await b.goto(baseUrl);
      await enterAsLearner(b, 'Борис');
      await openSettings(b);
      await b.getByLabel('Загрузить из файла').setInputFiles(saved);
      const preview = b.getByRole('region', { name: 'Что изменится' });
      await preview.waitFor();
      await expect.poll(() => preview.textContent()).toMatch(/Чей прогресс: Анна\s— такого сотрудника на этом устройстве нет/);
      expect(await preview.textContent()).toMatch(/1 урок станет прочитанным/);
      expect(await axeViolations(b), 'settings with the preview open').toEqual([]);
      await screenshot(b, 'backup-preview');

      await preview.getByRole('button', { name: 'Объединить' }).tap();
      await expect.poll(() => b.getByRole('status').filter({ hasText: 'добавлен сотрудник — Анна' }).count()).toBe(1);
      expect(await axeViolations(b), 'settings after the merge').toEqual([]);
      await screenshot(b, 'backup-imported');

      await switchTo(b, 'Анна');
      // Home counts the imported lesson among the steps done.
      await expect.poll(() => b.getByRole('region', { name: 'Следующий шаг' }).textContent()).toMatch(/Пройдено шагов: 1 из \d+/);
      await b.goto(`${baseUrl}#/module/${moduleA.id}`);
      await expect.poll(() => b.getByText('✓ прочитан').count()).toBe(1);
    });
  }, 90_000);

  it('refuses a truncated, an edited, a foreign and a newer file, and changes nothing', async () => {
    const finished = Date.UTC(2025, 4, 15, 10);
    const backup = makeBackup({ id: '5c0e1b2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d', name: 'Вера', pin: null, createdAt: finished, lastActiveAt: finished }, { ...completeCourse(index, finished, 60), meta: null }, finished);
    const text = backupText(backup);
    const cases: [string, string, RegExp][] = [
      ['truncated.json', text.slice(0, Math.floor(text.length / 2)), /повреждён или обрезан/],
      ['tampered.json', text.replace('"score": 60', '"score": 100'), /изменён после сохранения/],
      ['foreign.json', JSON.stringify({ name: 'other-app', items: [1, 2, 3] }), /не резервная копия курса/],
      ['newer.json', text.replace('"version": 2', '"version": 3'), /более новой версии курса/],
    ];
    expect(text).toContain('"score": 60');

    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Галина');
      await openSettings(page);
      // Keyboard: Tab reaches the (visually hidden) file input, and its label shows the focus.
      await page.getByRole('button', { name: 'Сохранить резервную копию' }).focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('backup-file');
      expect(await page.locator('label[for="backup-file"]').evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');
      await screenshot(page, 'backup-keyboard-focus');
      for (const [name, content, message] of cases) {
        await page.getByLabel('Загрузить из файла').setInputFiles(file(name, content));
        await expect.poll(() => page.getByRole('alert').filter({ hasText: message }).count(), { message: name }).toBe(1);
        expect(await page.getByRole('region', { name: 'Что изменится' }).count(), name).toBe(0);
        expect(await page.getByRole('button', { name: 'Объединить' }).count(), name).toBe(0);
      }
      expect(await axeViolations(page), 'settings with an error').toEqual([]);
      await screenshot(page, 'backup-refused');

      await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
      await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
      expect(await page.getByRole('main').getByRole('listitem').count()).toBe(1);
      expect(await page.getByRole('button', { name: /^Г?\s*Галина/ }).count()).toBe(1);
    });
  }, 60_000);
});

describe('certificate', () => {
  it('before completion says what is left, with links', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/certificate`);
      await enterAsLearner(page, 'Дмитрий');
      await expect.poll(() => h1(page)).toBe('Сертификат пока не получен');
      for (const module of index.modules) expect(await page.getByRole('link', { name: new RegExp(module.title) }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'certificate-not-yet');
    });
  }, 30_000);

  it('once complete: on screen, in print, and as exactly one A4 page', async () => {
    const finished = Date.UTC(2025, 4, 15, 10);
    const learner = { id: '7d1e2f3a-4b5c-4d6e-9f0a-1b2c3d4e5f6a', name: 'Анна Петрова', pin: null, createdAt: finished - 86_400_000, lastActiveAt: finished };
    const backup = makeBackup(learner, { ...completeCourse(index, finished, 92), meta: null }, finished);

    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Наставник');
      await openSettings(page);
      await page.getByLabel('Загрузить из файла').setInputFiles(file('complete.json', backupText(backup)));
      await page.getByRole('region', { name: 'Что изменится' }).getByRole('button', { name: 'Объединить' }).tap();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Готово' }).count()).toBe(1);
      await switchTo(page, 'Анна Петрова');

      await page.goto(`${baseUrl}#/certificate`);
      const certificate = page.getByRole('article', { name: 'Сертификат' });
      await certificate.waitFor();
      const text = (await certificate.textContent()) ?? '';
      const code = certificateCode({ profileId: learner.id, name: learner.name, courseTitle: index.course.title, completedAt: finished, score: 92 });
      for (const part of ['Анна Петрова', index.course.title, '15 мая 2025 г.', '92 %', code, 'не электронная подпись']) expect(text).toContain(part);
      expect(await axeViolations(page), 'certificate').toEqual([]);
      await assertNoSideways(page, 'certificate');
      await screenshot(page, 'certificate');

      await page.emulateMedia({ media: 'print' });
      for (const hidden of [page.getByRole('banner'), page.getByRole('button', { name: 'Печать' }), page.getByRole('navigation').first()]) {
        expect(await hidden.isVisible()).toBe(false);
      }
      expect(await certificate.isVisible()).toBe(true);
      await screenshot(page, 'certificate-print');

      // The printable area of landscape A4 with 12 mm margins, at 96 px per inch: what the sheet will hold.
      await page.setViewportSize({ width: 1032, height: 703 });
      const printed = await certificate.boundingBox();
      expect(printed!.height, 'the certificate fits the printable height').toBeLessThanOrEqual(703);
      expect(await page.evaluate(() => document.documentElement.scrollHeight), 'nothing else takes a page').toBeLessThanOrEqual(703);
      await screenshot(page, 'certificate-print-a4');

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(`${SCREENSHOTS}/certificate.pdf`, pdf);
      const raw = pdf.toString('latin1');
      expect(raw.match(/\/Type\s*\/Page(?![s\w])/g) ?? [], 'pages in the PDF').toHaveLength(1);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(raw);
      expect(box?.slice(1, 3).map((n) => Math.round(Number(n))), 'landscape A4 in points').toEqual([842, 595]);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(TABLET);

      await page.getByRole('button', { name: 'Eng' }).tap();
      await expect.poll(() => page.getByRole('article', { name: 'Certificate' }).count()).toBe(1);
      expect(await page.getByRole('article').textContent()).toContain('May 15, 2025');
      expect(await axeViolations(page), 'certificate in English').toEqual([]);

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.setViewportSize(PHONE);
      expect(await axeViolations(page), 'certificate on a dark phone').toEqual([]);
      await assertNoSideways(page, 'certificate on a phone');
      await screenshot(page, 'certificate-phone-dark');

      // The certificate's print rules stay loaded after leaving it, but apply only where it is.
      await page.goto(`${baseUrl}#/settings`);
      await expect.poll(() => h1(page)).toBe('Settings');
      const other = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const [width, height] = (/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(other) ?? []).slice(1, 3).map(Number);
      expect(width, 'another screen prints portrait, as the browser would').toBeLessThan(height!);
    });
  }, 90_000);
});
