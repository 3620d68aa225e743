/**
 * The course leads to the finish: from a fresh tablet a learner reaches the certificate by tapping
 * only the main button of each screen (answering to pass), and sees the completion moments; after
 * «Перечитать» the way back returns to the same question; the idle lock explains itself and unlocks
 * to the same place; a vertical swipe over the chain on a phone scrolls; review appears two days
 * after a module is passed. Screens stay axe-clean at 820 and 360 px, light and dark, at every text size.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import type { ChainScenario } from '../../src/lib/chain/types.ts';
import type { SortingScenario } from '../../src/lib/sorting/types.ts';
import type { FinalTestFile, Question, QuizFile } from '../../src/lib/quiz/types.ts';
import { axeViolations, enterAsLearner, launch, rawMessageKeys, screenshot, tabletContext, watchPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const { index } = loadContent(process.cwd());
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Every question the learner can meet: the module quizzes and the final test's bank. */
const bank: Question[] = [
  ...index.modules.flatMap((m) => m.activities.filter((a) => a.kind === 'quiz').flatMap((a) => readJson<QuizFile>(a.file).questions)),
  ...readJson<FinalTestFile>(index.finalTest!.file).questions,
];
const exerciseFile = new Map(index.modules.flatMap((m) => m.activities.filter((a) => a.kind === 'exercise').map((a) => [a.title, a] as const)));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const counter = (page: Page) => page.getByRole('heading', { level: 2, name: /^Вопрос \d+ из \d+$/ });
const feedback = (page: Page) => page.locator('form > div[role="status"]');
const hash = (page: Page) => new URL(page.url()).hash;
/** The main button of a lesson, exercise or quiz screen: «Дальше: …». */
const nextLink = (page: Page) => page.getByRole('link', { name: /^Дальше:/ });

async function assertSound(page: Page, name: string) {
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
}

/** The question on screen, found in the bank by its legend (and a gap's sentence). */
async function questionOnScreen(page: Page): Promise<Question> {
  await counter(page).waitFor();
  const legend = (await page.locator('legend').textContent())?.trim() ?? '';
  const sentence = (await page.locator('form .sentence').count()) > 0 ? await page.locator('form .sentence').first().textContent() : '';
  // The build sets typography (non-breaking spaces): compare the words, not the spaces.
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  const found = bank.find((q) => norm(q.prompt) === norm(legend) && (q.type !== 'gap' || norm(sentence ?? '').includes(norm(q.text.split('___')[0]!))));
  if (!found) throw new Error(`the question on screen is not in the content: «${legend}»`);
  return found;
}

/** Words, not spaces: the build's typography puts non-breaking spaces in the content text. */
const words = (t: string) => t.replace(/\s+/g, ' ').trim();
const byWords = (t: string) => new RegExp(`^${words(t).split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}$`);
const orderOnScreen = async (page: Page) => (await page.locator('form ol li span[lang="ru"]').allTextContents()).map(words);
const labelOf = (page: Page, role: 'radio' | 'checkbox', name: string) => page.locator('label').filter({ has: page.getByRole(role, { name, exact: true }) });

/** Answers a question by touch, rightly or (for `right` false) wrongly. */
async function answer(page: Page, q: Question, right = true): Promise<void> {
  switch (q.type) {
    case 'single':
      return labelOf(page, 'radio', q.options.find((o) => (o.id === q.answer) === right)!.text).tap();
    case 'multiple':
      for (const option of q.options.filter((o) => q.answer.includes(o.id) === right)) await labelOf(page, 'checkbox', option.text).tap();
      return;
    case 'truefalse':
      return labelOf(page, 'radio', q.answer === right ? 'Да, это так' : 'Нет, это не так').tap();
    case 'gap':
      return labelOf(page, 'radio', right ? q.answer : q.options.find((o) => o !== q.answer)!).tap();
    case 'matching':
      for (const item of q.items) {
        const choice = right ? q.answer[item.id]! : q.choices.find((c) => c.id !== q.answer[item.id])!.id;
        await page.getByRole('combobox', { name: item.text, exact: true }).selectOption(choice);
      }
      return;
    case 'ordering': {
      const target = (right ? q.items : [...q.items].reverse()).map((i) => words(i.text));
      let moved = false;
      for (const [t, text] of target.entries()) {
        for (let i = (await orderOnScreen(page)).indexOf(text); i > t; i--) {
          await page.getByRole('button', { name: byWords(`Поднять выше: ${text}`) }).tap();
          moved = true;
        }
      }
      if (!moved) {
        await page.getByRole('button', { name: byWords(`Опустить ниже: ${target[0]}`) }).tap();
        await page.getByRole('button', { name: byWords(`Поднять выше: ${target[0]}`) }).tap();
      }
      return;
    }
  }
}

/** Takes the quiz on screen from its intro to its result, every answer right. */
async function passQuiz(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Начать тест|Пройти ещё раз)$/ }).tap();
  for (;;) {
    const [, n, total] = /(\d+) из (\d+)/.exec((await counter(page).textContent()) ?? '')!;
    await answer(page, await questionOnScreen(page));
    await page.getByRole('button', { name: 'Проверить' }).tap();
    await expect.poll(() => feedback(page).textContent()).toMatch(/Верно/);
    const last = n === total;
    await page.getByRole('button', { name: last ? /Показать результат/ : /Следующий вопрос/ }).tap();
    if (last) break;
    await expect.poll(() => counter(page).textContent()).toBe(`Вопрос ${Number(n) + 1} из ${total}`);
  }
  await page.getByRole('heading', { level: 2, name: 'Результат' }).waitFor();
}

/** Works an exercise through to the right answer, as a learner who knows it would. */
async function doExercise(page: Page, title: string): Promise<void> {
  const entry = exerciseFile.get(title)!;
  if (entry.type === 'chain') {
    const scenario = readJson<ChainScenario>(entry.file);
    const label = (id: string) => scenario.cards.find((c) => c.id === id)!.label;
    for (const card of scenario.cards.filter((c) => !scenario.order.includes(c.id))) await page.getByRole('button', { name: `${card.label} — в сторону` }).tap();
    const chain = () => page.locator('[data-zone="chain"] [data-card]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.card!));
    for (const [place, id] of scenario.order.entries()) {
      for (let i = (await chain()).indexOf(id); i > place; i--) await page.getByRole('button', { name: `${label(id)} — выше` }).tap();
    }
    expect(await chain()).toEqual(scenario.order);
    await page.getByRole('button', { name: 'Проверить' }).tap();
    await page.getByText(/Порядок верный!/).first().waitFor();
    for (const [i, id] of scenario.order.slice(1).entries()) {
      const last = i === scenario.order.length - 2;
      const from = scenario.cards.find((c) => c.id === scenario.order[i])!;
      await page.getByRole('radio', { name: last ? `${label(id)} — внешний клиент` : `${label(id)} — внутренний клиент ${from.genitive}` }).tap();
    }
    await page.getByRole('button', { name: 'Проверить' }).tap();
  } else if (entry.type === 'sorting') {
    // Each card goes to its bin by its own button (the tap and keyboard way); names match by words.
    const scenario = readJson<SortingScenario>(entry.file);
    for (const card of scenario.cards) {
      const bin = scenario.bins.find((b) => b.id === card.bin)!;
      await page.getByRole('button', { name: byWords(`В «${bin.label}»: ${card.text}`) }).tap();
    }
    await page.getByRole('button', { name: 'Проверить' }).tap();
  } else if (entry.type === 'simulator') {
    await page.getByRole('button', { name: 'Склад — добавить очко' }).tap();
    await page.getByRole('button', { name: 'Склад — добавить очко' }).tap();
    await page.getByRole('button', { name: 'Проверить' }).tap();
  } else {
    // The helper goes to the slowest link of the content's chain.
    const scenario = readJson<{ links: { label: string; minutes: number }[] }>(entry.file);
    const slowest = scenario.links.reduce((a, b) => (b.minutes > a.minutes ? b : a));
    await page.getByRole('radio', { name: new RegExp(slowest.label) }).tap();
    await page.getByRole('button', { name: 'Проверить' }).tap();
  }
  await page.getByRole('heading', { name: 'Упражнение выполнено' }).waitFor();
}

describe('the main button leads from a fresh tablet to the certificate', () => {
  it('through every lesson, exercise, quiz and the final test, with a moment for each module and the course', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Мария');

    // Home names the first step and the course's progress.
    const next = page.getByRole('region', { name: 'Следующий шаг' });
    expect(await next.textContent()).toContain(`Пройдено шагов: 0 из ${index.steps.length}`);
    await next.getByRole('link', { name: 'Начать курс' }).tap();

    const visited: string[] = [];
    const moments: string[] = [];
    for (let guard = 0; guard < index.steps.length + 5; guard++) {
      const where = hash(page);
      if (where.startsWith('#/certificate')) break;
      await page.getByRole('heading', { level: 1 }).waitFor();
      const title = (await h1(page))!;
      visited.push(where.replace(/\?.*/, ''));
      if (where.startsWith('#/lesson/')) {
        await page.locator('.reading').waitFor();
        await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
        if (visited.length === 1) await screenshot(page, 'journey-lesson-end-820');
        await nextLink(page).tap();
      } else if (where.startsWith('#/exercise/')) {
        await doExercise(page, title);
        await nextLink(page).last().tap();
      } else if (where.startsWith('#/quiz/') || where.startsWith('#/final')) {
        await passQuiz(page);
        const moment = page.getByText(/^(Модуль \d пройден!|Курс пройден!)$/);
        await moment.waitFor();
        moments.push((await moment.textContent())!);
        if (where.startsWith('#/final')) {
          await screenshot(page, 'journey-final-result-820');
          // After the final test, the result screen's main action is the certificate.
          await page.locator('.results').getByRole('link', { name: 'Дальше: сертификат о прохождении курса' }).tap();
        } else {
          await page.locator('.results').getByRole('link', { name: /^Дальше:/ }).tap();
        }
      } else {
        throw new Error(`the main button led to ${where} («${title}»)`);
      }
      await expect.poll(() => hash(page)).not.toBe(where);
    }

    await expect.poll(() => h1(page)).toBe('Сертификат');
    expect(moments).toEqual([...index.modules.map((m) => `Модуль ${m.index} пройден!`), 'Курс пройден!']);
    // Every step of the path, in order, each once.
    const path = index.steps.map((s) => (s.kind === 'final' ? '#/final' : `#/${s.kind}/${s.id}`));
    expect(visited).toEqual(path);

    // Home now says so, and the chain is whole.
    await page.goto(baseUrl);
    await expect.poll(() => next.textContent()).toContain(`Пройдено шагов: ${index.steps.length} из ${index.steps.length}`);
    expect(await next.getByRole('link', { name: 'Открыть сертификат' }).getAttribute('href')).toBe('#/certificate');
    expect(await page.getByRole('img', { name: `Ваша цепочка: ${index.modules.length} из ${index.modules.length} звеньев` }).count()).toBe(1);
    expect(await page.getByText('Начать курс').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Отправить отчёт руководителю' }).count()).toBe(1);

    // The last module lists the final test.
    const last = index.modules.at(-1)!;
    await page.goto(`${baseUrl}#/module/${last.id}`);
    await expect.poll(() => page.getByRole('link', { name: /Итоговый тест/ }).count()).toBe(1);

    // Every screen of the way: axe-clean at 820 and 360, light and dark, at every text size.
    const screens = ['#/', `#/module/${last.id}`, `#/lesson/${index.modules[0]!.lessons[0]!.id}`, '#/certificate'];
    for (const size of ['normal', 'large', 'largest']) {
      await page.evaluate((s) => localStorage.setItem('sz.textSize', s), size);
      for (const width of [820, 360]) {
        await page.setViewportSize({ width, height: width === 820 ? 1180 : 740 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          for (const screen of screens) {
            await page.goto(`${baseUrl}${screen}`);
            await page.reload();
            await page.getByRole('heading', { level: 1 }).waitFor();
            await assertSound(page, `${screen} at ${width} ${colorScheme} ${size}`);
            if (size === 'normal' && colorScheme === 'light') {
              const name = { '#/': 'home', '#/certificate': 'certificate' }[screen] ?? screen.split('/')[1];
              await screenshot(page, `journey-${name}-${width}`);
            }
          }
        }
      }
    }
    watch.assertClean();
    await context.close();
  }, 600_000);
});

describe('no dead ends', () => {
  it('«Перечитать» opens the paragraph, and «← Вернуться к вопросу» returns to the same question', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const module = index.modules[0]!;
    await page.goto(`${baseUrl}#/quiz/${module.id}`);
    await enterAsLearner(page, 'Пётр');
    await page.getByRole('button', { name: 'Начать тест' }).tap();
    // Answer two, the second wrongly, and reread its paragraph.
    await answer(page, await questionOnScreen(page));
    await page.getByRole('button', { name: 'Проверить' }).tap();
    await page.getByRole('button', { name: /Следующий вопрос/ }).tap();
    await expect.poll(() => counter(page).textContent()).toMatch(/^Вопрос 2 из/);
    const q = await questionOnScreen(page);
    await answer(page, q, false);
    await page.getByRole('button', { name: 'Проверить' }).tap();
    await feedback(page).getByRole('link', { name: /^Перечитать/ }).tap();
    await page.locator(`.reading #${q.source.paragraph}.is-target`).waitFor();
    const back = page.getByRole('link', { name: '← Вернуться к вопросу' });
    expect(await back.isVisible()).toBe(true);
    await assertSound(page, 'lesson opened from a question');
    await back.tap();
    await expect.poll(() => counter(page).textContent()).toMatch(/^Вопрос 2 из/);
    expect(await questionOnScreen(page)).toEqual(q);
    await expect.poll(() => feedback(page).textContent()).toMatch(/Неверно/);
    watch.assertClean();
    await context.close();
  });

  it('the idle lock says why it locked, and unlocking returns to the same place', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    const watch = watchPage(page, origin);
    const lesson = index.modules[1]!.lessons[0]!;
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Жанна');
    await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
    await expect.poll(() => h1(page)).toBe(lesson.title);
    await page.clock.fastForward('10:30');
    await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
    expect(await page.getByRole('status').filter({ hasText: 'Курс заблокирован после 10 минут без действий' }).count()).toBe(1);
    await assertSound(page, 'roster after the idle lock');
    await screenshot(page, 'journey-idle-lock');
    await page.getByRole('button', { name: /^Жанна/ }).tap();
    await expect.poll(() => h1(page)).toBe(lesson.title);
    expect(hash(page)).toBe(`#/lesson/${lesson.id}`);
    watch.assertClean();
    await context.close();
  });

  it('a learner without an assignment reaches «Отправить отчёт руководителю» from home', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Ян');
    await page.getByRole('link', { name: 'Отправить отчёт руководителю' }).tap();
    await expect.poll(() => h1(page)).toBe('Отчёт руководителю');
    await context.close();
  });
});

describe('on a phone', () => {
  it('a vertical swipe over the chain scrolls the page and leaves the order unchanged; the header keeps one row', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'ru-RU' });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const chain = index.modules[0]!.activities.find((a) => a.kind === 'exercise')!;
    await page.goto(`${baseUrl}#/exercise/${chain.id}`);
    await enterAsLearner(page, 'Олег');
    await expect.poll(() => h1(page)).toBe(chain.title);
    const header = await page.locator('header').boundingBox();
    expect(header!.height, 'the header is one row').toBeLessThan(80);

    const order = () => page.locator('[data-zone="chain"] [data-card]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.card));
    const before = await order();
    const card = page.locator('[data-zone="chain"] [data-card]').nth(1).locator('.label');
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    const scrolled = await page.evaluate(() => window.scrollY);
    const cdp = await context.newCDPSession(page);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 20 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 50);
    expect(await order()).toEqual(before);
    watch.assertClean();
    await context.close();
  });

  it('the lesson text starts in the top third of a 360 px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'ru-RU' });
    const page = await context.newPage();
    const lesson = index.modules[0]!.lessons[0]!;
    await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
    await enterAsLearner(page, 'Ольга');
    const first = page.locator('.reading > *').first();
    await first.waitFor();
    const top = (await first.boundingBox())!.y;
    expect(top, 'the lesson text starts in the top third').toBeLessThan(740 / 3);
    await screenshot(page, 'journey-phone-lesson');
    await context.close();
  });
});

describe('spaced review', () => {
  it('appears on home two days after a module is passed, with three questions from it', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    const watch = watchPage(page, origin);
    // The module with the fewest steps; its exercises are worked through like its lessons.
    const module = [...index.modules].sort((a, b) => a.lessons.length + a.activities.length - (b.lessons.length + b.activities.length))[0]!;
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Вера');
    for (const lesson of module.lessons) {
      await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
      await page.locator('.reading').waitFor();
      await page.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
    }
    for (const exercise of module.activities.filter((a) => a.kind === 'exercise')) {
      await page.goto(`${baseUrl}#/exercise/${exercise.id}`);
      await expect.poll(() => h1(page)).toBe(exercise.title);
      await doExercise(page, exercise.title);
    }
    // A fresh page on the quiz (a reload, a deep link): only what the quiz screen loads is there.
    await page.goto(`${baseUrl}#/quiz/${module.id}`);
    await page.reload();
    await passQuiz(page);
    await page.getByText(`Модуль ${module.index} пройден!`).waitFor();
    expect(await rawMessageKeys(page), 'the quiz result: messages shown by their keys').toEqual([]);
    expect(await page.locator('.moment').getByRole('img', { name: `Ваша цепочка: 1 из ${index.modules.length} звеньев` }).count()).toBe(1);
    await page.goto(baseUrl);
    await page.getByRole('region', { name: 'Следующий шаг' }).waitFor();
    expect(await page.getByRole('region', { name: 'Повторение' }).count()).toBe(0);

    await page.clock.fastForward(2 * 24 * 60 * 60 * 1000);
    await page.reload();
    await enterAsLearner(page, 'Вера');
    const review = page.getByRole('region', { name: 'Повторение' });
    await review.waitFor();
    expect(await review.textContent()).toContain(module.title);
    await assertSound(page, 'home with a review due');
    await screenshot(page, 'journey-home-review');
    await review.getByRole('link', { name: 'Начать повторение' }).tap();
    await expect.poll(() => h1(page)).toBe(`Повторение: ${module.title}`);
    await passQuiz(page);
    expect(await page.getByText('100%', { exact: true }).count()).toBe(1);
    await page.goto(baseUrl);
    await page.getByRole('region', { name: 'Следующий шаг' }).waitFor();
    expect(await page.getByRole('region', { name: 'Повторение' }).count()).toBe(0);
    watch.assertClean();
    await context.close();
  }, 180_000);
});

describe('a shared tablet', () => {
  it('a forgotten learner PIN: «Забыли PIN-код?» leads to the manager, who resets it behind the manager PIN', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Дарья', '2580');
    await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
    await page.getByRole('button', { name: /^Дарья/ }).tap();
    await page.getByText(/Забыли PIN-код\?/).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Для руководителя' }).tap();
    await page.getByRole('heading', { name: 'Задайте PIN-код руководителя' }).waitFor();
    await page.getByLabel('PIN-код из 4 цифр').fill('7777');
    await page.getByLabel('Повторите PIN-код').fill('7777');
    await page.getByRole('button', { name: 'Задать PIN и войти' }).tap();
    const pins = page.getByRole('region', { name: 'Сотрудники на этом планшете' });
    await pins.getByRole('button', { name: 'Сбросить PIN' }).tap();
    await pins.getByRole('button', { name: 'Да, сбросить PIN (Дарья)' }).tap();
    await expect.poll(() => pins.getByRole('status').textContent()).toBe('PIN-код сброшен: Дарья может войти без него.');
    await assertSound(page, 'manager after a PIN reset');
    await page.goto(baseUrl);
    await page.getByRole('button', { name: /^Дарья/ }).tap();
    await expect.poll(() => h1(page)).toBe(index.course.title);
    watch.assertClean();
    await context.close();
  });

  it('a learner renames and removes their own profile, their PIN asked', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Ефим', '1357');
    await page.goto(`${baseUrl}#/settings`);
    const mine = page.getByRole('region', { name: 'Мой профиль' });
    await mine.getByLabel('Ваше имя').fill('Ефим П.');
    await mine.getByRole('button', { name: 'Сохранить имя' }).tap();
    await expect.poll(() => mine.getByRole('status').textContent()).toBe('Введите свой PIN-код выше.');
    await mine.getByLabel(/Ваш PIN-код/).fill('1357');
    await mine.getByRole('button', { name: 'Сохранить имя' }).tap();
    await expect.poll(() => mine.getByRole('status').textContent()).toBe('Имя сохранено.');
    await expect.poll(() => page.locator('header .who').first().textContent()).toBe('Ефим П.');
    await assertSound(page, 'settings with my profile');
    await mine.getByLabel(/Ваш PIN-код/).fill('1357');
    await mine.getByRole('button', { name: 'Удалить мой профиль' }).tap();
    await mine.getByRole('button', { name: 'Удалить навсегда' }).tap();
    await expect.poll(() => h1(page)).toBe('Добро пожаловать!');
    await context.close();
  });

  it('an assignment link asks «Это вы?» on a tablet with several learners, and a tablet with none says it waits', async () => {
    const { encode } = await import('../../src/lib/manager/codec.ts');
    const assignment = { v: 1 as const, id: 'k7m2q9x4ab', createdAt: Date.now(), due: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10), modules: [index.modules[0]!.id], note: '', manager: 'Ольга' };
    const coded = encode('assignment', assignment);
    if (!coded.ok) throw new Error('fixture does not encode');
    const link = `${baseUrl}#/assign/${coded.text}`;
    const context = await tabletContext(browser);
    const page = await context.newPage();
    await page.goto(link);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Вас ждёт задание руководителя' }).count()).toBe(1);
    await enterAsLearner(page, 'Анна');
    await page.getByRole('button', { name: 'Принять задание (Анна)' }).waitFor();
    await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
    await enterAsLearner(page, 'Борис');
    await page.goto(link);
    await page.reload();
    await page.getByText('Задание примет сотрудник: Борис. Это вы?').waitFor();
    await page.getByRole('button', { name: 'Нет, выбрать себя' }).tap();
    await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
    await page.getByRole('button', { name: /^Анна/ }).tap();
    await page.getByRole('button', { name: 'Да, это я' }).tap();
    await page.getByRole('button', { name: 'Принять задание (Анна)' }).tap();
    await page.getByRole('link', { name: 'На главную' }).tap();
    // The card's main action starts the module; the report is secondary.
    await page.getByRole('link', { name: `Начать модуль «${index.modules[0]!.title}»` }).tap();
    await expect.poll(() => h1(page)).toBe(index.modules[0]!.lessons[0]!.title);
    await context.close();
  });
});
