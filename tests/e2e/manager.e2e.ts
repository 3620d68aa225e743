/**
 * Journey: a manager and a learner on two devices (two browser contexts), no server between them.
 * The manager sets a PIN and creates an assignment; the learner opens its link, signs in, accepts it,
 * sees it on home, completes module 1 and sends a report link back; the manager imports it and sees
 * the row, then exports CSV for Excel. Tampered links are refused with a message and change nothing.
 * Every manager, assignment and report screen is axe-clean and never scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadContent } from '../../src/lib/course/load-content.ts';
import type { Question, QuizFile } from '../../src/lib/quiz/types.ts';
import { axeViolations, enterAsLearner, launch, screenshot, tabletContext, watchPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const { index } = loadContent(process.cwd());
const module1 = index.modules[0]!;
const quiz1 = JSON.parse(readFileSync(module1.activities.find((a) => a.kind === 'quiz')!.file, 'utf8')) as QuizFile;
const DUE = '2099-06-15';
const PIN = '2468';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** `expect.poll` with room for a busy machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** One h1, no sideways scrolling at this width, no axe violations. */
async function assertPageSound(page: Page, name: string) {
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
}

/** The same page at phone width too: still no sideways scrolling. */
async function assertNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // On failure, name what sticks out, so the fix is one look away.
  if (overflow > 0) console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 15).join('\n')));
  expect(overflow, `${name} at 360px: no sideways scrolling`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 820, height: 1180 });
}

/** Changes one character inside a link's payload body (keeps it base64url, so only the checksum can tell). */
function flipOne(link: string): string {
  const at = link.search(/SZ[ar]1\./) + 12;
  return link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
}

/** Opens a lesson (from home, so the lesson screen starts afresh) and scrolls to its end, which marks it read. */
async function readLesson(page: Page, id: string) {
  await page.goto(baseUrl);
  await page.goto(`${baseUrl}#/lesson/${id}`);
  await page.locator('.reading').waitFor();
  await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
}

/**
 * Marks exercises done as a backup import would: a finished attempt written into the learner's
 * records in IndexedDB (the exercise screens have their own journeys), then reloads.
 */
async function seedExercises(page: Page, keys: string[]) {
  await page.evaluate(async (keys) => {
    const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const db = await ask(indexedDB.open('silnoe-zveno'));
    const records = db.transaction('records', 'readwrite').objectStore('records');
    const settings = (await ask(records.get('device/settings'))) as { data: { currentProfileId: string } };
    const now = Date.now();
    for (const key of keys) {
      const attempt = { id: crypto.randomUUID(), startedAt: now - 60_000, finishedAt: now, score: 100, passed: true, mistakes: [] };
      const data = { key, attempts: [attempt], best: 100, passed: true, draft: null, updatedAt: now };
      await ask(records.put({ v: 1, type: 'activity', data }, `learner/${settings.data.currentProfileId}/activity/${key}`));
    }
    db.close();
  }, keys);
  await page.reload();
}

const labelOf = (page: Page, role: 'radio' | 'checkbox', name: string) => page.locator('label').filter({ has: page.getByRole(role, { name, exact: true }) });

/** Answers the question on screen rightly, by touch. */
async function answerRight(page: Page) {
  await page.getByRole('heading', { level: 2, name: /^Вопрос \d+ из \d+$/ }).waitFor();
  const legend = (await page.locator('legend').textContent())?.trim() ?? '';
  const sentence = (await page.locator('form .sentence').count()) > 0 ? ((await page.locator('form .sentence').first().textContent()) ?? '') : '';
  const q = quiz1.questions.find((x: Question) => x.prompt === legend && (x.type !== 'gap' || sentence.includes(x.text.split('___')[0]!.trim())));
  if (!q) throw new Error(`not in the bank: «${legend}»`);
  switch (q.type) {
    case 'single':
      return labelOf(page, 'radio', q.options.find((o) => o.id === q.answer)!.text).tap();
    case 'multiple':
      for (const o of q.options.filter((o) => q.answer.includes(o.id))) await labelOf(page, 'checkbox', o.text).tap();
      return;
    case 'truefalse':
      return labelOf(page, 'radio', q.answer ? 'Да, это так' : 'Нет, это не так').tap();
    case 'gap':
      return labelOf(page, 'radio', q.answer).tap();
    case 'matching':
      for (const item of q.items) await page.getByRole('combobox', { name: item.text, exact: true }).selectOption(q.answer[item.id]!);
      return;
    case 'ordering':
      for (const [t, { text }] of q.items.entries()) {
        const shown = () => page.locator('form ol li span[lang="ru"]').allTextContents();
        for (let i = (await shown()).indexOf(text); i > t; i--) await page.getByRole('button', { name: `Поднять выше: ${text}`, exact: true }).tap();
      }
  }
}

/** Takes module 1's real quiz and answers everything right. */
async function passQuiz(page: Page) {
  await page.goto(`${baseUrl}#/quiz/${module1.id}`);
  await page.getByRole('button', { name: 'Начать тест' }).tap();
  for (let n = 1; n <= quiz1.questions.length; n++) {
    await answerRight(page);
    await page.getByRole('button', { name: 'Проверить' }).tap();
    await page.getByRole('button', { name: n < quiz1.questions.length ? /Следующий вопрос/ : /Показать результат/ }).tap();
  }
  await page.getByText('Тест пройден').first().waitFor();
}

async function managerPage(context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  return { page, watch: watchPage(page, origin) };
}

describe('a manager and a learner without a server', () => {
  it('assign by link, accept, complete, report back, import, export CSV; tampered links change nothing', async () => {
    const managerContext = await tabletContext(browser);
    const learnerContext = await tabletContext(browser);
    const { page: boss, watch: bossWatch } = await managerPage(managerContext);
    const learner = await learnerContext.newPage();
    const learnerWatch = watchPage(learner, origin);

    // ── The manager: a PIN on first use, then a new assignment with a link and a QR code.
    await boss.goto(`${baseUrl}#/manager`);
    await poll(() => h1(boss)).toBe('Для руководителя');
    await boss.getByRole('heading', { name: 'Задайте PIN-код руководителя' }).waitFor();
    await assertPageSound(boss, 'manager PIN');
    await screenshot(boss, 'manager-pin');
    await boss.getByLabel('PIN-код из 4 цифр').fill(PIN);
    await boss.getByLabel('Повторите PIN-код').fill(PIN);
    await boss.getByRole('button', { name: 'Задать PIN и войти' }).tap();
    await boss.getByRole('button', { name: 'Выйти' }).waitFor();
    await assertPageSound(boss, 'manager home');
    await screenshot(boss, 'manager-home-empty');

    await boss.getByRole('link', { name: 'Создать задание' }).tap();
    await poll(() => h1(boss)).toBe('Новое задание');
    await boss.getByLabel(new RegExp(module1.title)).check();
    await boss.getByLabel('Выполнить до (включительно)').fill(DUE);
    await boss.getByLabel(/Комментарий для сотрудников/).fill('Пройдите до пятницы.\nВопросы — в чат смены.');
    await boss.getByLabel(/Ваше имя/).fill('Ольга Петровна');
    await assertPageSound(boss, 'new assignment form');
    await assertNarrow(boss, 'new assignment form');
    await screenshot(boss, 'manager-new-assignment');
    await boss.getByRole('button', { name: 'Создать задание' }).tap();
    await poll(() => h1(boss)).toBe('Задание создано');
    await boss.getByRole('button', { name: 'Скопировать ссылку' }).tap();
    await poll(() => boss.getByRole('status').filter({ hasText: /Ссылка (скопирована|выделена)/ }).count()).toBe(1);
    const assignmentLink = await boss.getByLabel('Ссылка на задание').inputValue();
    expect(assignmentLink).toMatch(new RegExp(`^${baseUrl.replaceAll('.', '\\.')}#/assign/SZa1\\.`));
    const qr = boss.getByRole('img', { name: 'QR-код ссылки на задание' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml'))).toBe(true);
    await assertPageSound(boss, 'assignment created');
    await assertNarrow(boss, 'assignment created');
    await screenshot(boss, 'manager-assignment-created');

    // ── The learner, on another device: the link asks who they are, then shows the assignment.
    await learner.goto(assignmentLink);
    await enterAsLearner(learner, 'Иван Смирнов');
    await poll(() => h1(learner)).toBe('Задание от руководителя');
    await learner.getByText('Ольга Петровна').waitFor();
    expect(await learner.getByText('15 июня 2099 г.').count()).toBe(1);
    await assertPageSound(learner, 'assignment link');
    await assertNarrow(learner, 'assignment link');
    await screenshot(learner, 'learner-assignment');
    await learner.getByRole('button', { name: 'Принять задание' }).tap();
    await learner.getByText('Задание принято. Оно на главной странице.').waitFor();
    await learner.reload(); // the same link again, after a reload: accepted once, and said so
    await learner.getByText('Это задание уже принято.').waitFor();
    expect(await learner.getByRole('button', { name: 'Принять задание' }).count()).toBe(0);

    await learner.goto(baseUrl);
    const card = learner.getByRole('region', { name: 'Задания руководителя' });
    await card.getByRole('heading', { name: 'До 15 июня 2099 г.' }).waitFor();
    expect(await card.getByRole('link', { name: module1.title }).count()).toBe(1);
    expect(await card.getByText('Просрочено').count()).toBe(0);
    await assertPageSound(learner, 'home with an assignment');
    await screenshot(learner, 'learner-home-assigned');

    // ── The learner completes module 1: reads every lesson, the exercises, the real quiz.
    // (Seeding reloads the page, so it goes first: a reload must not cut a lesson's save short.)
    await seedExercises(learner, module1.activities.filter((a) => a.kind === 'exercise').map((a) => `exercise:${a.id}`));
    for (const lesson of module1.lessons) await readLesson(learner, lesson.id);
    await learner.goto(`${baseUrl}#/module/${module1.id}`);
    await poll(() => learner.getByText('✓ прочитан').count()).toBe(module1.lessons.length);
    await passQuiz(learner);
    await learner.goto(baseUrl);
    await poll(() => card.getByText('— Пройден').count()).toBe(1);
    await card.getByText('Выполнено').waitFor();

    // ── The report goes back as a link.
    await card.getByRole('link', { name: 'Отправить отчёт' }).tap();
    await poll(() => h1(learner)).toBe('Отчёт руководителю');
    await learner.getByText(/Пройден · лучший результат 100% · 1 попытка · пройден/).waitFor();
    await learner.getByRole('img', { name: 'QR-код ссылки на отчёт' }).waitFor();
    await assertPageSound(learner, 'report');
    await assertNarrow(learner, 'report');
    await screenshot(learner, 'learner-report');
    const reportLink = await learner.getByLabel('Ссылка на отчёт').inputValue();
    expect(reportLink).toContain('#/report/SZr1.');
    // …and as a file a person can read.
    const [fileDownload] = await Promise.all([learner.waitForEvent('download'), learner.getByRole('button', { name: 'Скачать файл отчёта' }).tap()]);
    expect(fileDownload.suggestedFilename()).toMatch(/^Отчёт — Иван Смирнов — \d{4}-\d{2}-\d{2}\.txt$/);
    const reportFile = readFileSync((await fileDownload.path())!, 'utf8');
    expect(reportFile).toContain('Сотрудник: Иван Смирнов\r\n');
    expect(reportFile).toContain(`${module1.title}: Пройден · лучший результат 100%`);
    expect(reportFile.trimEnd().endsWith(reportLink)).toBe(true);

    // ── A tampered assignment link: one clear message, and the learner's progress is untouched.
    await learner.goto(flipOne(assignmentLink));
    const alert = learner.getByRole('alert').filter({ hasText: 'контрольная сумма не сходится' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Ничего не изменено.');
    await assertPageSound(learner, 'tampered assignment');
    await screenshot(learner, 'learner-assignment-tampered');
    await learner.goto(baseUrl);
    await poll(() => card.getByText('— Пройден').count()).toBe(1);
    expect(await card.getByRole('heading', { level: 3 }).count()).toBe(1);

    // ── The manager imports the report: a tampered copy is refused by line, the real one lands.
    await boss.goto(`${baseUrl}#/manager/team`);
    await poll(() => h1(boss)).toBe('Отчёты и команда');
    await boss.getByLabel('Ссылки на отчёты, по одной в строке').fill(`${flipOne(reportLink)}\n${reportLink}`);
    await boss.getByRole('button', { name: 'Добавить из ссылок' }).tap();
    await boss.getByText('Добавлен 1 отчёт.').waitFor();
    expect(await boss.getByRole('alert').filter({ hasText: 'Не принято' }).textContent()).toMatch(/Строка 1.*контрольная сумма не сходится/);
    const table = boss.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' });
    const row = table.getByRole('row').filter({ hasText: 'Иван Смирнов' });
    await poll(() => row.count()).toBe(1);
    const cells = await row.locator('th, td').allTextContents();
    expect(cells.slice(0, 6)).toEqual(['Иван Смирнов', 'до 15 июня 2099 г., Ольга Петровна', module1.title, 'Пройден', '100%', '1']);
    expect(cells[7]).toBe('15 июня 2099 г.');
    // Files, several at once: the same report again adds nothing, a damaged one is named.
    await boss.getByLabel('Открыть файлы отчётов').setInputFiles([
      { name: 'otchet-ivan.txt', mimeType: 'text/plain', buffer: Buffer.from(reportFile) },
      { name: 'isporchen.txt', mimeType: 'text/plain', buffer: Buffer.from(flipOne(reportFile)) },
    ]);
    await boss.getByText('Эти отчёты уже есть в таблице.').waitFor();
    expect(await boss.getByRole('alert').filter({ hasText: 'Не принято' }).textContent()).toMatch(/Файл «isporchen\.txt».*контрольная сумма не сходится/);
    expect(await table.getByRole('row').count()).toBe(2);
    await assertPageSound(boss, 'team table');
    await assertNarrow(boss, 'team table');
    await screenshot(boss, 'manager-team');

    // The same report opened as a link on the manager's device is recognised.
    await boss.goto(reportLink);
    await poll(() => h1(boss)).toBe('Отчёт сотрудника');
    await boss.getByRole('button', { name: 'Добавить в таблицу команды' }).tap();
    await boss.getByText('Этот отчёт уже есть в таблице команды.').waitFor();
    await assertPageSound(boss, 'report link');
    await screenshot(boss, 'manager-report-link');

    // ── CSV for Excel: UTF-8 with a BOM, ';' between cells.
    await boss.goto(`${baseUrl}#/manager/team`);
    const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByRole('button', { name: 'Скачать CSV для Excel' }).tap()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Сотрудник;Задание;Модуль;Статус;Лучший результат, %;Попыток;Пройден;Срок;Просрочено');
    expect(lines[1]).toMatch(new RegExp(`^Иван Смирнов;до 15 июня 2099 г\\., Ольга Петровна;${module1.title};Пройден;100;1;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2};2099-06-15;$`));
    expect(download.suggestedFilename()).toMatch(/^Команда — \d{4}-\d{2}-\d{2}\.csv$/);

    // «Выйти» locks the area again.
    await boss.getByRole('button', { name: 'Выйти' }).tap();
    await boss.getByRole('heading', { name: 'Введите PIN-код руководителя' }).waitFor();
    expect(await boss.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' }).count()).toBe(0);

    bossWatch.assertClean();
    learnerWatch.assertClean();
    await managerContext.close();
    await learnerContext.close();
  });

  it('the manager area in dark mode on a phone: axe-clean, nothing sideways', async () => {
    const context = await tabletContext(browser, { colorScheme: 'dark', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${baseUrl}#/manager`);
    await page.getByLabel('PIN-код из 4 цифр').fill(PIN);
    await page.getByLabel('Повторите PIN-код').fill(PIN);
    await page.getByRole('button', { name: 'Задать PIN и войти' }).tap();
    await page.getByRole('link', { name: 'Создать задание' }).tap();
    await poll(() => h1(page)).toBe('Новое задание');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'manager-new-assignment-dark-360');
    watch.assertClean();
    await context.close();
  });
});
