/**
 * Journey: lessons that teach. Every «Перечитать» of every quiz lands on a highlighted source
 * paragraph holding the words its question is about; the check inside a lesson answers by touch and
 * by keyboard; every lesson, with its role scenarios and its check answered, is axe-clean on a
 * tablet (820 px) and a phone (360 px).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { links } from '../../src/lib/routing/routing.ts';
import { loadContent } from '../../src/build/load-content.ts';
import type { Question } from '../../src/lib/quiz/types.ts';
import { assertPageSound, enterAsLearner, screenshot, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
const lessons = index.modules.flatMap((m) => m.lessons);
const questions: Question[] = [
  ...readdirSync('content', { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
    .flatMap((d) => (JSON.parse(readFileSync(`content/${d.name}/quiz.json`, 'utf8')) as { questions: Question[] }).questions),
  ...(JSON.parse(readFileSync('content/final-test.json', 'utf8')) as { questions: Question[] }).questions,
];
/** As a reader compares text: one kind of space, one case. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
useBrowser();

async function openLessonAs(page: Page, name: string, lessonId: string) {
  await page.goto(baseUrl);
  await enterAsLearner(page, name);
  await page.evaluate((hash) => (location.hash = hash), links.lesson(lessonId));
  await page.locator('.reading').waitFor();
}

describe('«Перечитать»', () => {
  it(`lands every one of the ${questions.length} questions on the highlighted source paragraph it is about`, async () => {
    await withContext('tablet', async (_context, page) => {
      await openLessonAs(page, 'Вера', lessons[0]!.id);
      for (const q of questions) {
        const what = `${q.id} → ${q.source.lesson} ${q.source.paragraph}`;
        await page.evaluate((hash) => (location.hash = hash), links.lesson(q.source.lesson, q.source.paragraph));
        const target = page.locator('.reading .is-target');
        await expect.poll(() => target.getAttribute('id'), { message: what }).toBe(q.source.paragraph);
        expect(await target.count(), what).toBe(1);
        const where = await target.evaluate((el) => ({
          tag: el.tagName.toLowerCase(),
          authored: el.closest('aside, section, article') !== null,
          focused: document.activeElement === el,
        }));
        expect(where, what).toEqual({ tag: expect.stringMatching(/^(p|h2)$/), authored: false, focused: true });
        expect(plain(await target.textContent()), what).toContain(plain(q.source.words));
      }
    });
  }, 120_000);
});

describe('the check inside a lesson', () => {
  const lesson = lessons[0]!;
  const status = (page: Page) => page.locator('section[aria-labelledby="lesson-check-title"] [role="status"]');
  const options = (page: Page) => page.getByRole('group', { name: /Кассир вежлив и внимателен/ }).getByRole('button');

  it('answers at once by touch: a wrong option says why, the right one says so', async () => {
    await withContext('tablet', async (_context, page) => {
      await openLessonAs(page, 'Галина', lesson.id);
      await page.getByRole('heading', { name: 'Проверьте себя' }).waitFor();
      expect(await options(page).count()).toBe(3);
      expect(plain(await status(page).textContent())).toBe('');

      await options(page).filter({ hasText: 'беседу о вежливости' }).tap();
      await expect.poll(async () => plain(await status(page).textContent())).toMatch(/^не совсем\. кассир и так вежлив/);
      expect(await options(page).filter({ hasText: 'беседу о вежливости' }).getAttribute('aria-pressed')).toBe('true');

      await options(page).filter({ hasText: 'Починить кассу' }).tap();
      await expect.poll(async () => plain(await status(page).textContent())).toMatch(/^верно\. чтобы сотрудник передовой линии/);
      expect(await options(page).filter({ hasText: 'беседу о вежливости' }).getAttribute('aria-pressed')).toBe('false');
      await screenshot(page, 'lesson-check-touch');
    });
  }, 60_000);

  it('answers by keyboard: Tab to an option, Enter or Space to choose', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        await openLessonAs(page, 'Дина', lesson.id);
        await options(page).first().focus();
        await page.keyboard.press('Enter');
        await expect.poll(async () => plain(await status(page).textContent())).toMatch(/^не совсем\./);
        await page.keyboard.press('Tab');
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Починить кассу/);
        await page.keyboard.press('Space');
        await expect.poll(async () => plain(await status(page).textContent())).toMatch(/^верно\./);
      },
      { viewport: { width: 1024, height: 900 }, hasTouch: false, isMobile: false },
    );
  }, 60_000);
});

describe('every lesson, with its role scenarios and its check', () => {
  it.each([['tablet'], ['phone']] as const)('is axe-clean and fits the screen on a %s', async (kind) => {
    await withContext(kind, async (_context, page) => {
      await openLessonAs(page, `Ева ${kind}`, lessons[0]!.id);
      for (const lesson of lessons) {
        await page.evaluate((hash) => (location.hash = hash), links.lesson(lesson.id));
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson.title);
        const scenarios = page.getByRole('region', { name: 'Как это выглядит в смене' }).getByRole('article');
        await expect.poll(() => scenarios.count(), { message: lesson.id }).toBe(3);
        expect(await page.locator('.scenario').evaluateAll((els) => els.map((el) => el.getAttribute('data-role'))), lesson.id).toEqual(['waiter', 'cashier', 'operator']);
        const check = page.getByRole('region', { name: 'Проверьте себя' });
        await check.getByRole('button').first().tap();
        await expect.poll(async () => plain(await check.getByRole('status').textContent())).toMatch(/^(верно|не совсем)\./);
        await assertPageSound(page, `${lesson.id} on a ${kind}`);
        await screenshot(page, `lesson-teach-${kind}-${lesson.id}`);
      }
    });
  }, 120_000);
});
