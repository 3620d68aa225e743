/**
 * Journey: a shift lead sees who is behind. The manager assigns module 1 to three named staff; on
 * their own devices (separate browser contexts) one finishes it, one starts it, one does nothing.
 * The team view says «Выполнили 1 из 3» and names the other two; after the due date (fake clock)
 * both are overdue and «Напомнить» gives a message with the assignment link. A second learner with
 * the same name stays a row of their own, and a certificate's check code is verified while a
 * changed one is not. No sideways scrolling at 820 or 360 px; axe-clean light and dark.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { assertNoSideways, axeViolations, closeContext, enterAsLearner, h1, openContext, PHONE, screenshot, sidewaysOverflow, TABLET, useBrowser } from './harness.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const { index } = loadContent(process.cwd());
const module1 = index.modules[0]!;
const PIN = '2468';
const DAY = 86_400_000;

useBrowser();

/** `expect.poll` with room for a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/**
 * Writes records into the learner's real database as a backup import would, then reloads: every
 * lesson named is read to the end (or only opened), every activity has one passed attempt.
 */
async function seed(page: Page, lessons: { id: string; finished: boolean }[], activities: { key: string; score: number }[]) {
  await page.evaluate(
    async ({ lessons, activities }) => {
      const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
      const db = await ask(indexedDB.open('silnoe-zveno'));
      const records = db.transaction('records', 'readwrite').objectStore('records');
      const settings = (await ask(records.get('device/settings'))) as { data: { currentProfileId: string } };
      const me = settings.data.currentProfileId;
      const now = Date.now();
      for (const { id, finished } of lessons) {
        const data = { lessonId: id, firstVisitedAt: now - 120_000, lastVisitedAt: now - 60_000, finishedAt: finished ? now - 60_000 : null };
        await ask(records.put({ v: 1, type: 'lesson', data }, `learner/${me}/lesson/${id}`));
      }
      for (const { key, score } of activities) {
        const attempt = { id: crypto.randomUUID(), startedAt: now - 60_000, finishedAt: now, score, passed: true, mistakes: [] };
        const data = { key, attempts: [attempt], best: score, passed: true, draft: null, updatedAt: now };
        await ask(records.put({ v: 1, type: 'activity', data }, `learner/${me}/activity/${key}`));
      }
      db.close();
    },
    { lessons, activities },
  );
  await page.reload();
}

const activityKeyOf = (a: { kind: string; id: string }) => (a.kind === 'final' ? 'final' : `${a.kind}:${a.id}`);
const moduleDone = (m: typeof module1) => ({
  lessons: m.lessons.map((l) => ({ id: l.id, finished: true })),
  activities: m.activities.map((a) => ({ key: activityKeyOf(a), score: 95 })),
});

/** A learner on a device of their own: opens the assignment link, signs in, accepts it. */
async function learnerWith(assignmentLink: string, name: string) {
  const { context, page } = await openContext('tablet');
  contexts.push(context);
  await page.goto(assignmentLink);
  await enterAsLearner(page, name);
  await poll(() => h1(page)).toBe('Задание от руководителя');
  await page.getByRole('button', { name: 'Принять задание' }).tap();
  await page.getByText('Задание принято. Оно на главной странице.').waitFor();
  return { context, page };
}

/** Every context this journey opened, closed (and checked clean) at its end or on failure. */
const contexts: BrowserContext[] = [];

/** The learner's report link, for the assignment or (`whole`) the whole course. */
async function reportLink(page: Page, whole = false): Promise<string> {
  await page.goto(`${baseUrl}#/report`);
  await poll(() => h1(page)).toBe('Отчёт руководителю');
  if (whole) await page.getByLabel('Для какого задания').selectOption({ label: 'Весь курс, без задания' });
  const field = page.getByLabel('Ссылка на отчёт');
  await poll(() => field.inputValue()).toContain('#/report/SZr1.');
  return field.inputValue();
}

/** Opens the manager area: sets the PIN on first use, enters it later. */
async function unlock(page: Page) {
  const heading = page.getByRole('heading', { name: /PIN-код руководителя/ });
  await heading.waitFor();
  await page.getByLabel('PIN-код из 4 цифр').fill(PIN);
  if ((await heading.textContent())?.startsWith('Задайте')) {
    await page.getByLabel('Повторите PIN-код').fill(PIN);
    await page.getByRole('button', { name: 'Задать PIN и войти' }).tap();
  } else {
    await page.getByRole('button', { name: 'Войти', exact: true }).tap();
  }
  await page.getByRole('button', { name: 'Выйти' }).waitFor();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the team view', () => {
  it('names who is done, behind, overdue and missing; reminds; keeps namesakes apart; checks a certificate', async () => {
    const { context: managerContext, page: boss } = await openContext('tablet', { before: (c) => c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }) });
    contexts.push(managerContext);
    let passed = false;
    try {

      // ── The manager names three people while creating the assignment: typed as a pasted list.
      await boss.goto(`${baseUrl}#/manager`);
      await unlock(boss);
      await boss.getByRole('link', { name: 'Создать задание' }).tap();
      await poll(() => h1(boss)).toBe('Новое задание');
      await boss.getByLabel(new RegExp(module1.title)).check();
      await boss.getByLabel('Кто должен пройти (необязательно)').fill('Анна Котова\nИван Смирнов, Пётр Волков');
      await boss.getByRole('button', { name: 'Добавить в список' }).tap();
      await boss.getByText('В списке 3 человека').waitFor();
      const due = await boss.getByLabel('Выполнить до (включительно)').inputValue();
      await boss.getByLabel(/Ваше имя/).fill('Ольга Петровна');
      expect(await axeViolations(boss)).toEqual([]);
      await screenshot(boss, 'team-new-assignment-expected');
      await boss.getByRole('button', { name: 'Создать задание' }).tap();
      await poll(() => h1(boss)).toBe('Задание создано');
      const assignmentLink = await boss.getByLabel('Ссылка на задание').inputValue();

      // ── Three staff on their own tablets: Анна finishes module 1, Иван opens a lesson, Пётр nothing.
      const anna = await learnerWith(assignmentLink, 'Анна Котова');
      const done = moduleDone(module1);
      await seed(anna.page, done.lessons, done.activities);
      const annaReport = await reportLink(anna.page);
      const ivan = await learnerWith(assignmentLink, 'Иван Смирнов');
      await seed(ivan.page, [{ id: module1.lessons[0]!.id, finished: false }], []);
      const ivanReport = await reportLink(ivan.page);

      // ── The manager adds both reports; the import is open while there is nothing to show.
      await boss.goto(`${baseUrl}#/manager/team`);
      await poll(() => h1(boss)).toBe('Отчёты и команда');
      await boss.getByLabel('Ссылки на отчёты, по одной в строке').fill(`${annaReport}\n${ivanReport}`);
      await boss.getByRole('button', { name: 'Добавить из ссылок' }).tap();
      await boss.getByText('Добавлено 2 отчёта.').waitFor();
      const card = boss.getByRole('region', { name: /Ольга Петровна/ });
      await card.getByText('Выполнили 1 из 3').waitFor();
      await card.getByText('Не прислали отчёт: Пётр Волков').waitFor();
      const grid = card.getByRole('table');
      const rowOf = (name: string) => grid.getByRole('row').filter({ has: boss.getByRole('rowheader', { name }) });
      expect(await rowOf('Анна Котова').getByRole('cell').first().textContent()).toContain('Выполнено');
      expect(await rowOf('Иван Смирнов').getByRole('cell').first().textContent()).toContain('В процессе');
      expect(await rowOf('Пётр Волков').getByRole('cell').first().textContent()).toContain('Нет отчёта');
      expect(await card.getByText('просрочено: 0').count()).toBe(1);
      // The marks carry their meaning as text.
      expect((await rowOf('Анна Котова').getByRole('cell').nth(1).textContent())?.trim()).toBe(`${module1.title}: Пройден`);
      // Once there is data, the import folds away (after a fresh visit).
      await boss.reload();
      await unlock(boss);
      await card.getByText('Выполнили 1 из 3').waitFor();
      expect(await boss.getByLabel('Ссылки на отчёты, по одной в строке').isVisible()).toBe(false);
      expect(await sidewaysOverflow(boss)).toBeLessThanOrEqual(0);

      // ── After the due date (a fake clock on the manager's tablet) Иван and Пётр are overdue.
      const [y, m, d] = due.split('-').map(Number) as [number, number, number];
      await boss.clock.setFixedTime(new Date(y, m - 1, d, 12).getTime() + 2 * DAY);
      await boss.reload();
      await unlock(boss);
      await card.getByText('просрочено: 2').waitFor();
      const overdue = card.getByRole('region', { name: 'Просрочено' });
      expect(await overdue.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Иван Смирнов'), expect.stringContaining('Пётр Волков')]);
      await overdue.getByRole('button', { name: 'Напомнить: Пётр Волков' }).tap();
      const reminder = card.getByLabel('Текст напоминания');
      const text = await reminder.inputValue();
      expect(text).toContain('Пётр Волков');
      expect(text).toContain(assignmentLink);
      await card.getByRole('button', { name: 'Скопировать текст' }).tap();
      await poll(() => card.getByRole('status').filter({ hasText: /Текст (скопирован|выделен)/ }).count()).toBe(1);

      // ── Looked at as a shift lead would: a tablet in portrait, then a phone; light and dark.
      await assertNoSideways(boss, 'team view at 820');
      expect(await axeViolations(boss)).toEqual([]);
      await screenshot(boss, 'team-view-820');
      await boss.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(boss)).toEqual([]);
      await screenshot(boss, 'team-view-820-dark');
      await boss.setViewportSize(PHONE);
      await assertNoSideways(boss, 'team view at 360');
      expect(await axeViolations(boss)).toEqual([]);
      await screenshot(boss, 'team-view-360-dark');
      await boss.emulateMedia({ colorScheme: 'light' });
      expect(await axeViolations(boss)).toEqual([]);
      await screenshot(boss, 'team-view-360');
      await boss.setViewportSize(TABLET);

      // ── A second «Иван Смирнов» on another tablet finishes the whole course: two rows, not one.
      const namesake = await learnerWith(assignmentLink, 'Иван Смирнов');
      const all = index.modules.map(moduleDone);
      const finalTest = index.finalTest ? [{ key: 'final', score: 92 }] : [];
      await seed(namesake.page, all.flatMap((x) => x.lessons), [...all.flatMap((x) => x.activities), ...finalTest]);
      await namesake.page.goto(`${baseUrl}#/certificate`);
      await poll(() => h1(namesake.page)).toBe('Сертификат');
      const code = (await namesake.page.locator('.sz-certificate .code').textContent())!.trim();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await namesake.page.getByRole('img', { name: `QR-код с кодом проверки ${code}` }).waitFor();
      const namesakeReports = [await reportLink(namesake.page), await reportLink(namesake.page, true)];

      await boss.getByText('Добавить отчёты: ссылки, файлы, профили этого планшета').tap();
      await boss.getByLabel('Ссылки на отчёты, по одной в строке').fill(namesakeReports.join('\n'));
      await boss.getByRole('button', { name: 'Добавить из ссылок' }).tap();
      await boss.getByText('Добавлено 2 отчёта.').waitFor();
      const ivans = grid.getByRole('rowheader', { name: 'Иван Смирнов' });
      await poll(() => ivans.count()).toBe(2);
      const states = await grid.getByRole('row').filter({ has: boss.getByRole('rowheader', { name: 'Иван Смирнов' }) }).evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent?.trim() ?? ''));
      expect(states.map((s) => s.split(',')[0]!.trim()).sort()).toEqual(['В процессе', 'Выполнено']);
      await card.getByText('Выполнили 2 из 4').waitFor();

      // ── «Проверить сертификат»: the real code matches the namesake's report; a changed one does not.
      const check = boss.getByRole('region', { name: 'Проверить сертификат' });
      await check.getByText('Это контрольная сумма, а не подпись', { exact: false }).waitFor();
      await check.getByLabel('Код проверки').fill(code.toLowerCase());
      await check.getByRole('button', { name: 'Проверить' }).tap();
      await check.getByRole('status').getByText(/Код совпадает с отчётом на этом планшете: Иван Смирнов/).waitFor();
      const last = code.at(-1) === '7' ? '8' : '7';
      await check.getByLabel('Код проверки').fill(code.slice(0, -1) + last);
      await check.getByRole('button', { name: 'Проверить' }).tap();
      await check.getByRole('status').getByText(/Код не совпадает ни с одним отчётом/).waitFor();
      expect(await axeViolations(boss)).toEqual([]);
      await screenshot(boss, 'team-view-namesakes-certificate');

      // ── The CSV lists Пётр, who never reported, with his status.
      const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByRole('button', { name: 'Скачать CSV для Excel' }).tap()]);
      const csv = readFileSync((await download.path())!).subarray(3).toString('utf8');
      expect(csv).toMatch(new RegExp(`\\r\\nПётр Волков;[^\\r]*;${escape(module1.title)};Нет отчёта;0;0;;${due};да`));

      passed = true;
    } finally {
      for (const context of contexts.splice(0)) await closeContext(context, passed);
    }
  });
});
