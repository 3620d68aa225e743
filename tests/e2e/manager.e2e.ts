/**
 * Journey: a manager and a learner on two devices (two browser contexts), no server between them.
 * The manager sets a PIN and creates an assignment; the learner opens its link, signs in, accepts it,
 * sees it on home, completes module 1 and sends a report link back; the manager imports it and sees
 * the row, then exports CSV for Excel. Tampered links are refused with a message and change nothing.
 * Every manager, assignment and report screen is axe-clean and never scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { typographDeep } from '../../src/build/typography.js';
import type { Question, QuizFile } from '../../src/lib/quiz/types.ts';
import { assertClean, assertNarrow, assertNoSideways, assertPageSound, axeViolations, closeContext, enterAsLearner, h1, openContext, screenshot, storedRecord, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
const module1 = index.modules[0]!;
// As the learner reads it: the build puts no-break spaces into content data.
const quiz1 = typographDeep(JSON.parse(readFileSync(module1.activities.find((a) => a.kind === 'quiz')!.file, 'utf8')) as QuizFile);
/** A due date next year (assignments may be due a few years ahead at most). */
const YEAR = new Date().getUTCFullYear() + 1;
const DUE = `${YEAR}-06-15`;
const PIN = '2468';
useBrowser();

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
  // The next page load must not cut the save short: wait until the lesson is stored as read.
  await expect.poll(async () => (await storedRecord(page, `lesson/${id}`))?.finishedAt ?? 0, { message: `lesson ${id} stored as read` }).toBeGreaterThan(0);
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

describe('a manager and a learner without a server', () => {
  // One journey over two devices (two browser contexts), in steps that share what they hand on.
  let managerDevice: BrowserContext | undefined;
  let learnerDevice: BrowserContext | undefined;
  let boss: Page;
  let learner: Page;
  let card: Locator;
  let assignmentLink = '';
  let reportLink = '';
  let reportFile = '';

  beforeAll(async () => {
    ({ context: managerDevice, page: boss } = await openContext('tablet', { permissions: ['clipboard-read', 'clipboard-write'] }));
    ({ context: learnerDevice, page: learner } = await openContext('tablet'));
    card = learner.getByRole('region', { name: 'Задания руководителя' });
  });
  afterAll(async () => {
    // Closed whatever happened; the steps check the pages clean themselves.
    await closeContext(managerDevice, false);
    await closeContext(learnerDevice, false);
  });

  it('the manager sets a PIN on first use and creates an assignment with a link and a QR code', async () => {
    await boss.goto(`${baseUrl}#/manager`);
    await expect.poll(() => h1(boss)).toBe('Для руководителя');
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
    await expect.poll(() => h1(boss)).toBe('Новое задание');
    await boss.getByLabel(new RegExp(module1.title)).check();
    await boss.getByLabel('Выполнить до (включительно)').fill(DUE);
    await boss.getByLabel(/Комментарий для сотрудников/).fill('Пройдите до пятницы.\nВопросы — в чат смены.');
    await boss.getByLabel(/Ваше имя/).fill('Ольга Петровна');
    await assertPageSound(boss, 'new assignment form');
    await assertNarrow(boss, 'new assignment form');
    await screenshot(boss, 'manager-new-assignment');
    await boss.getByRole('button', { name: 'Создать задание' }).tap();
    await expect.poll(() => h1(boss)).toBe('Задание создано');
    await boss.getByRole('button', { name: 'Скопировать ссылку' }).tap();
    await expect.poll(() => boss.getByRole('status').filter({ hasText: /Ссылка (скопирована|выделена)/ }).count()).toBe(1);
    assignmentLink = await boss.getByLabel('Ссылка на задание').inputValue();
    expect(assignmentLink).toMatch(new RegExp(`^${baseUrl.replaceAll('.', '\\.')}#/assign/SZa1\\.`));
    const qr = boss.getByRole('img', { name: 'QR-код ссылки на задание' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml'))).toBe(true);
    await assertPageSound(boss, 'assignment created');
    await assertNarrow(boss, 'assignment created');
    await screenshot(boss, 'manager-assignment-created');
    assertClean(boss);
  }, 60_000);

  it('the learner, on another device, opens the link, signs in and accepts it once; it shows on home', async () => {
    expect(assignmentLink, 'the manager made a link').not.toBe('');
    await learner.goto(assignmentLink);
    await enterAsLearner(learner, 'Иван Смирнов');
    await expect.poll(() => h1(learner)).toBe('Задание от руководителя');
    await learner.getByText('Ольга Петровна').waitFor();
    expect(await learner.getByText(`15 июня ${YEAR} г.`).count()).toBe(1);
    await assertPageSound(learner, 'assignment link');
    await assertNarrow(learner, 'assignment link');
    await screenshot(learner, 'learner-assignment');
    await learner.getByRole('button', { name: 'Принять задание' }).tap();
    await learner.getByText('Задание принято. Оно на главной странице.').waitFor();
    await learner.reload(); // the same link again, after a reload: accepted once, and said so
    await learner.getByText('Это задание уже принято.').waitFor();
    expect(await learner.getByRole('button', { name: 'Принять задание' }).count()).toBe(0);

    await learner.goto(baseUrl);
    await card.getByRole('heading', { name: `До 15 июня ${YEAR} г.` }).waitFor();
    // The module is listed once, and the card's main action starts it.
    expect(await card.getByRole('link', { name: module1.title, exact: true }).count()).toBe(1);
    expect(await card.getByRole('link', { name: `Начать модуль «${module1.title}»` }).count()).toBe(1);
    expect(await card.getByText('Просрочено').count()).toBe(0);
    await assertPageSound(learner, 'home with an assignment');
    await screenshot(learner, 'learner-home-assigned');
    assertClean(learner);
  }, 60_000);

  it('the learner completes module 1: every lesson, the exercises, the real quiz', async () => {
    // (Seeding reloads the page, so it goes first: a reload must not cut a lesson's save short.)
    await seedExercises(learner, module1.activities.filter((a) => a.kind === 'exercise').map((a) => `exercise:${a.id}`));
    for (const lesson of module1.lessons) await readLesson(learner, lesson.id);
    await learner.goto(`${baseUrl}#/module/${module1.id}`);
    await expect.poll(() => learner.getByText('✓ прочитан').count()).toBe(module1.lessons.length);
    await passQuiz(learner);
    await learner.goto(baseUrl);
    await expect.poll(() => card.getByText('— Пройден').count()).toBe(1);
    await card.getByText('Выполнено').waitFor();
    assertClean(learner);
  }, 120_000);

  it('the report goes back as a link with a QR code, and as a file a person can read', async () => {
    await card.getByRole('link', { name: 'Отправить отчёт' }).tap();
    await expect.poll(() => h1(learner)).toBe('Отчёт руководителю');
    await learner.getByText(/Пройден · лучший результат 100 % · 1 попытка · пройден/).waitFor();
    await learner.getByRole('img', { name: 'QR-код ссылки на отчёт' }).waitFor();
    await assertPageSound(learner, 'report');
    await assertNarrow(learner, 'report');
    await screenshot(learner, 'learner-report');
    reportLink = await learner.getByLabel('Ссылка на отчёт').inputValue();
    expect(reportLink).toContain('#/report/SZr1.');
    const [fileDownload] = await Promise.all([learner.waitForEvent('download'), learner.getByRole('button', { name: 'Скачать файл отчёта' }).tap()]);
    expect(fileDownload.suggestedFilename()).toMatch(/^Отчёт — Иван Смирнов — \d{4}-\d{2}-\d{2}\.txt$/);
    reportFile = readFileSync((await fileDownload.path())!, 'utf8');
    expect(reportFile).toContain('Сотрудник: Иван Смирнов\r\n');
    expect(reportFile).toContain(`${module1.title}: Пройден · лучший результат 100 %`);
    expect(reportFile.trimEnd().endsWith(reportLink)).toBe(true);
    assertClean(learner);
  }, 60_000);

  it('a tampered assignment link: one clear message, and the learner’s progress is untouched', async () => {
    await learner.goto(flipOne(assignmentLink));
    const alert = learner.getByRole('alert').filter({ hasText: 'контрольная сумма не сходится' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Ничего не изменено.');
    await assertPageSound(learner, 'tampered assignment');
    await screenshot(learner, 'learner-assignment-tampered');
    await learner.goto(baseUrl);
    await expect.poll(() => card.getByText('— Пройден').count()).toBe(1);
    expect(await card.getByRole('heading', { level: 3 }).count()).toBe(1);
    assertClean(learner);
  }, 45_000);

  it('the manager imports the report: a tampered copy is refused by line or file, the real one lands once', async () => {
    expect(reportLink, 'the learner made a report').not.toBe('');
    await boss.goto(`${baseUrl}#/manager/team`);
    await expect.poll(() => h1(boss)).toBe('Отчёты и команда');
    await boss.getByLabel('Ссылки на отчёты, по одной в строке').fill(`${flipOne(reportLink)}\n${reportLink}`);
    await boss.getByRole('button', { name: 'Добавить из ссылок' }).tap();
    await boss.getByText('Добавлен 1 отчёт.').waitFor();
    expect(await boss.getByRole('alert').filter({ hasText: 'Не принято' }).textContent()).toMatch(/Строка 1.*контрольная сумма не сходится/);
    // Every row of the table is folded under the team view; open it.
    await boss.getByText('Все строки таблицы').tap();
    const table = boss.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' });
    const row = table.getByRole('row').filter({ hasText: 'Иван Смирнов' });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('th, td').allTextContents();
    expect(cells.slice(0, 6)).toEqual(['Иван Смирнов', `до 15 июня ${YEAR} г., Ольга Петровна`, module1.title, 'Пройден', '100%', '1']);
    expect(cells[7]).toBe(`15 июня ${YEAR} г.`);
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
    await expect.poll(() => h1(boss)).toBe('Отчёт сотрудника');
    await boss.getByRole('button', { name: 'Добавить в таблицу команды' }).tap();
    await boss.getByText('Этот отчёт уже есть в таблице команды.').waitFor();
    await assertPageSound(boss, 'report link');
    await screenshot(boss, 'manager-report-link');
    assertClean(boss);
  }, 60_000);

  it('the manager exports CSV for Excel, and «Выйти» locks the area again', async () => {
    // UTF-8 with a BOM, ';' between cells.
    await boss.goto(`${baseUrl}#/manager/team`);
    const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByRole('button', { name: 'Скачать CSV для Excel' }).tap()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Сотрудник;Задание;Модуль;Статус;Лучший результат, %;Попыток;Пройден;Срок;Просрочено');
    expect(lines[1]).toMatch(new RegExp(`^Иван Смирнов;до 15 июня ${YEAR} г\\., Ольга Петровна;${module1.title};Пройден;100;1;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2};${DUE};$`));
    expect(download.suggestedFilename()).toMatch(/^Команда — \d{4}-\d{2}-\d{2}\.csv$/);

    await boss.getByRole('button', { name: 'Выйти' }).tap();
    await boss.getByRole('heading', { name: 'Введите PIN-код руководителя' }).waitFor();
    expect(await boss.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' }).count()).toBe(0);
    assertClean(boss);
    assertClean(learner);
  }, 45_000);
});

describe('the manager area on a phone', () => {
  it('in dark mode: axe-clean, nothing sideways', async () => {
    await withContext(
      'phone',
      async (_context, page) => {
        await page.goto(`${baseUrl}#/manager`);
        await page.getByLabel('PIN-код из 4 цифр').fill(PIN);
        await page.getByLabel('Повторите PIN-код').fill(PIN);
        await page.getByRole('button', { name: 'Задать PIN и войти' }).tap();
        await page.getByRole('link', { name: 'Создать задание' }).tap();
        await expect.poll(() => h1(page)).toBe('Новое задание');
        expect(await axeViolations(page)).toEqual([]);
        await assertNoSideways(page, 'new assignment on a dark phone');
        await screenshot(page, 'manager-new-assignment-dark-360');
      },
      { colorScheme: 'dark' },
    );
  }, 30_000);
});
