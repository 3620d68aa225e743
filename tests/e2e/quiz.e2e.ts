/**
 * Journeys through the quizzes on a tablet: a learner fails a module quiz, reads the feedback and
 * the paragraph it points to, retries with reshuffled questions and passes; the final test draws
 * 10 questions from its bank; answers survive leaving and reloading; a double tap counts once; the
 * whole quiz works from the keyboard; and it reads well on a dark 360px phone. Every quiz and
 * results screen is axe-clean, error-free and never scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { typographDeep } from '../../src/build/typography.js';
import type { FinalTestFile, Question, QuizFile } from '../../src/lib/quiz/types.ts';
import { assertPageSound, enterAsLearner, h1, nextFrames, screenshot, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
// The questions as the learner reads them: the build puts no-break spaces into content data.
const readJson = <T>(file: string): T => typographDeep(JSON.parse(readFileSync(file, 'utf8')) as T);

const module1 = index.modules[0]!;
const quiz1File = module1.activities.find((a) => a.kind === 'quiz')!.file;
const quiz1 = readJson<QuizFile>(quiz1File);
const finalTest = readJson<FinalTestFile>(index.finalTest!.file);
const lessonModule = new Map(index.modules.flatMap((m) => m.lessons.map((l) => [l.id, m.id] as const)));

useBrowser();

const counter = (page: Page) => page.getByRole('heading', { level: 2, name: /^Вопрос \d+ из \d+$/ });
const feedback = (page: Page) => page.locator('form > div[role="status"]');

/** The question on screen, found in `bank` by what the learner reads: the legend, and a gap's sentence. */
async function questionOnScreen(page: Page, bank: Question[]): Promise<Question> {
  await counter(page).waitFor();
  const legend = (await page.locator('legend').textContent())?.trim() ?? '';
  const sentence = (await page.locator('form .sentence').count()) > 0 ? await page.locator('form .sentence').first().textContent() : '';
  const found = bank.find((q) => q.prompt === legend && (q.type !== 'gap' || (sentence ?? '').includes(q.text.split('___')[0]!.trim())));
  if (!found) throw new Error(`the question on screen is not in the bank: «${legend}»`);
  return found;
}

const orderOnScreen = (page: Page) => page.locator('form ol li span[lang="ru"]').allTextContents();
const labelOf = (page: Page, role: 'radio' | 'checkbox', name: string) => page.locator('label').filter({ has: page.getByRole(role, { name, exact: true }) });

/** Answers by touch: taps on the labels and the move buttons; a native select is picked as a finger would. */
async function answerByTouch(page: Page, q: Question, right: boolean): Promise<void> {
  switch (q.type) {
    case 'single': {
      const option = q.options.find((o) => (o.id === q.answer) === right)!;
      return labelOf(page, 'radio', option.text).tap();
    }
    case 'multiple': {
      const ticks = right ? q.options.filter((o) => q.answer.includes(o.id)) : q.options.filter((o) => !q.answer.includes(o.id));
      for (const option of ticks) await labelOf(page, 'checkbox', option.text).tap();
      return;
    }
    case 'truefalse':
      return labelOf(page, 'radio', q.answer === right ? 'Да, это так' : 'Нет, это не так').tap();
    case 'gap':
      return labelOf(page, 'radio', right ? q.answer : q.options.find((o) => o !== q.answer)!).tap();
    case 'matching':
      for (const [i, item] of q.items.entries()) {
        const wrongChoice = q.choices.find((c) => c.id !== q.answer[item.id])!.id;
        await page.getByRole('combobox', { name: item.text, exact: true }).selectOption(right || i > 0 ? q.answer[item.id]! : wrongChoice);
      }
      return;
    case 'ordering': {
      const target = (right ? q.items : [...q.items].reverse()).map((i) => i.text);
      let moved = false;
      for (const [t, text] of target.entries()) {
        for (let i = (await orderOnScreen(page)).indexOf(text); i > t; i--) {
          await page.getByRole('button', { name: `Поднять выше: ${text}`, exact: true }).tap();
          moved = true;
        }
      }
      if (!moved) {
        // The shuffle already showed the target order: move a card down and back, as a learner
        // who checks their order would, so the answer counts as given.
        const first = target[0]!;
        await page.getByRole('button', { name: `Опустить ниже: ${first}`, exact: true }).tap();
        await page.getByRole('button', { name: `Поднять выше: ${first}`, exact: true }).tap();
      }
      return;
    }
  }
}

/** Options as shown, to tell one attempt's shuffle from another's. */
const shownOptions = (page: Page) => page.locator('form fieldset').locator('label, li span[lang="ru"], option').allTextContents();

describe('a module quiz on a tablet', () => {
  it('a learner fails, reads the feedback and the paragraph, retries with a new shuffle and passes', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/module/${module1.id}`);
      await enterAsLearner(page, 'Анна');
      await page.getByRole('link', { name: /Тест по модулю/ }).first().tap();
      await expect.poll(() => h1(page)).toBe(`Тест по модулю «${module1.title}»`);
      await page.getByText(`${quiz1.questions.length} вопросов`).waitFor();
      await assertPageSound(page, 'quiz intro');
      await screenshot(page, 'quiz-intro');

      await page.getByRole('button', { name: 'Начать тест' }).tap();
      const firstAttempt: string[] = [];
      for (let n = 1; n <= quiz1.questions.length; n++) {
        await expect.poll(() => counter(page).textContent()).toBe(`Вопрос ${n} из ${quiz1.questions.length}`);
        const q = await questionOnScreen(page, quiz1.questions);
        firstAttempt.push(q.id, ...(await shownOptions(page)));
        await screenshot(page, `quiz-question-${q.type}`);
        const right = n > 2; // the first two wrong: 4 of 6 is 67%, under the 80% mark
        await answerByTouch(page, q, right);
        await page.getByRole('button', { name: 'Проверить' }).tap();
        await expect.poll(() => feedback(page).textContent()).toMatch(right ? /^\s*✓ Верно/ : /^\s*✗ Неверно/);
        expect(await feedback(page).textContent()).toContain(q.explanation);
        const reread = feedback(page).getByRole('link', { name: /^Перечитать: / });
        // The paragraph, and the way back to this question.
        expect(await reread.getAttribute('href')).toBe(`#/lesson/${q.source.lesson}?p=${q.source.paragraph}&back=${encodeURIComponent(`#/quiz/${module1.id}`)}`);
        if (n === 1) {
          await assertPageSound(page, 'quiz feedback (wrong)');
          await screenshot(page, 'quiz-feedback-wrong');
        }
        if (n === 3) await screenshot(page, 'quiz-feedback-right');
        await page.getByRole('button', { name: n < quiz1.questions.length ? /Следующий вопрос/ : /Показать результат/ }).tap();
      }

      const results = page.getByRole('heading', { level: 2, name: 'Результат' });
      await results.waitFor();
      expect(await page.getByText('67%', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Тест не пройден').count()).toBe(1);
      const revise = page.locator('ol.mistakes > li');
      expect(await revise.count()).toBe(2);
      await assertPageSound(page, 'quiz results (failed)');
      await screenshot(page, 'quiz-results-failed');

      // Reread the paragraph the first mistake comes from, then come back and try again.
      const link = revise.first().getByRole('link', { name: /Перечитать/ });
      const href = (await link.getAttribute('href'))!;
      await link.tap();
      const paragraph = new URLSearchParams(href.split('?')[1]).get('p')!;
      await page.locator(`.reading #${paragraph}.is-target`).waitFor();
      await page.goBack();
      await expect.poll(() => h1(page)).toBe(`Тест по модулю «${module1.title}»`);
      await page.getByText('Ваш лучший результат: 67 %.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Пройти ещё раз' }).tap();

      const secondAttempt: string[] = [];
      for (let n = 1; n <= quiz1.questions.length; n++) {
        await expect.poll(() => counter(page).textContent()).toBe(`Вопрос ${n} из ${quiz1.questions.length}`);
        const q = await questionOnScreen(page, quiz1.questions);
        secondAttempt.push(q.id, ...(await shownOptions(page)));
        await answerByTouch(page, q, true);
        await page.getByRole('button', { name: 'Проверить' }).tap();
        await expect.poll(() => feedback(page).textContent()).toMatch(/Верно/);
        await page.getByRole('button', { name: n < quiz1.questions.length ? /Следующий вопрос/ : /Показать результат/ }).tap();
      }
      await results.waitFor();
      expect(await page.getByText('100%', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Тест пройден').count()).toBe(1);
      expect(await page.getByText('Ошибок нет — отличная работа.').count()).toBe(1);
      expect(secondAttempt, 'the retry reshuffles questions and options').not.toEqual(firstAttempt);
      await assertPageSound(page, 'quiz results (passed)');
      await screenshot(page, 'quiz-results-passed');
    });
  }, 120_000);

  it('keeps the answers given when the learner leaves mid-quiz, and after a reload', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/quiz/${module1.id}`);
      await enterAsLearner(page, 'Борис');
      await page.getByRole('button', { name: 'Начать тест' }).tap();
      const q1 = await questionOnScreen(page, quiz1.questions);
      await answerByTouch(page, q1, true);
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await page.getByRole('button', { name: /Следующий вопрос/ }).tap();
      await expect.poll(() => counter(page).textContent()).toMatch(/^Вопрос 2 /);
      const q2 = await questionOnScreen(page, quiz1.questions);
      await answerByTouch(page, q2, true); // answered, not yet checked
      const given = await page.locator('form fieldset').evaluate((f) =>
        [...f.querySelectorAll('input:checked, select')].map((el) => (el instanceof HTMLSelectElement ? el.value : (el as HTMLInputElement).value)),
      );
      const order = await orderOnScreen(page);

      // Away through the breadcrumbs, back through the module page.
      await page.getByRole('navigation', { name: 'Вы здесь' }).getByRole('link', { name: module1.title }).tap();
      await expect.poll(() => h1(page)).toBe(module1.title);
      await page.getByRole('link', { name: /Тест по модулю/ }).first().tap();
      await expect.poll(() => counter(page).textContent()).toMatch(/^Вопрос 2 /);
      expect((await questionOnScreen(page, quiz1.questions)).id).toBe(q2.id);

      await page.reload();
      await enterAsLearner(page, 'Борис');
      await expect.poll(() => counter(page).textContent()).toMatch(/^Вопрос 2 /);
      expect((await questionOnScreen(page, quiz1.questions)).id).toBe(q2.id);
      expect(await page.locator('form fieldset').evaluate((f) => [...f.querySelectorAll('input:checked, select')].map((el) => (el instanceof HTMLSelectElement ? el.value : (el as HTMLInputElement).value)))).toEqual(given);
      expect(await orderOnScreen(page)).toEqual(order);
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => feedback(page).textContent()).toMatch(/Верно/);
    });
  }, 45_000);

  it('gives a hint for an empty «Проверить», and counts a double tap once', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/quiz/${module1.id}`);
      await enterAsLearner(page, 'Вера');
      await page.getByRole('button', { name: 'Начать тест' }).tap();
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => feedback(page).textContent()).toMatch(/Сначала|Отметьте|Выберите пару/);
      expect(await feedback(page).textContent()).not.toMatch(/Верно|Неверно/);
      await screenshot(page, 'quiz-hint');

      const q = await questionOnScreen(page, quiz1.questions);
      await answerByTouch(page, q, true);
      const box = (await page.getByRole('button', { name: 'Проверить' }).boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      // Count the taps' clicks as the page receives them, to know both were handled.
      const clicks = () => page.evaluate(() => (window as unknown as { clicks: number }).clicks);
      await page.evaluate(() => {
        const w = window as unknown as { clicks: number };
        w.clicks = 0;
        document.addEventListener('click', () => (w.clicks += 1), true);
      });
      await page.touchscreen.tap(x, y);
      await page.touchscreen.tap(x, y);
      await expect.poll(() => feedback(page).textContent()).toMatch(/Верно/);
      await expect.poll(clicks, { message: 'both taps reached the page' }).toBe(2);
      await nextFrames(page);
      expect(await counter(page).textContent()).toBe(`Вопрос 1 из ${quiz1.questions.length}`);
      expect(await page.getByRole('button', { name: /Следующий вопрос/ }).count()).toBe(1);
    });
  }, 30_000);

  it('can be completed with the keyboard alone in Chromium (Tab, arrows, Space, Enter)', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/quiz/${module1.id}`);
      await enterAsLearner(page, 'Глеб');
      const focused = () => page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { label: el?.closest('label')?.textContent?.trim() ?? '', aria: el?.getAttribute('aria-label') ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '', checked: (el as HTMLInputElement | null)?.checked ?? false };
      });
      const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab');
          if (match(await focused())) return;
        }
        throw new Error('not reachable by Tab');
      };
      await tabTo((f) => f.text === 'Начать тест');
      await page.keyboard.press('Enter');
      for (let n = 1; n <= quiz1.questions.length; n++) {
        await expect.poll(async () => (await focused()).text).toBe(`Вопрос ${n} из ${quiz1.questions.length}`);
        const q = await questionOnScreen(page, quiz1.questions);
        if (q.type === 'single' || q.type === 'gap' || q.type === 'truefalse') {
          const target = q.type === 'single' ? q.options.find((o) => o.id === q.answer)!.text : q.type === 'gap' ? q.answer : q.answer ? 'Да, это так' : 'Нет, это не так';
          await page.keyboard.press('Tab');
          await page.keyboard.press('Space');
          for (let i = 0; i < 6 && !(await focused()).label.startsWith(target); i++) await page.keyboard.press('ArrowDown');
          expect(await focused()).toMatchObject({ checked: true });
        } else if (q.type === 'multiple') {
          for (const option of q.options.filter((o) => q.answer.includes(o.id))) {
            await tabTo((f) => f.label.startsWith(option.text));
            await page.keyboard.press('Space');
          }
        } else if (q.type === 'ordering') {
          for (const [t, item] of q.items.entries()) {
            const steps = (await orderOnScreen(page)).indexOf(item.text) - t;
            if (steps <= 0) continue;
            await tabTo((f) => f.aria === `Поднять выше: ${item.text}`);
            for (let s = 0; s < steps; s++) await page.keyboard.press('Enter');
          }
        } else if (q.type === 'matching') {
          for (const item of q.items) {
            await tabTo((f) => f.id.endsWith(`-${item.id}`));
            const select = page.locator(`select[id$="-${item.id}"]`);
            for (let i = 0; i < 8 && (await select.inputValue()) !== q.answer[item.id]; i++) await page.keyboard.press('ArrowDown');
            expect(await select.inputValue()).toBe(q.answer[item.id]);
          }
        }
        await tabTo((f) => f.text === 'Проверить');
        await page.keyboard.press('Enter');
        await expect.poll(() => feedback(page).textContent()).toMatch(/✓ Верно/);
        expect((await focused()).text).toMatch(n < quiz1.questions.length ? /Следующий вопрос/ : /Показать результат/);
        await page.keyboard.press('Enter');
      }
      await expect.poll(async () => (await focused()).text).toBe('Результат');
      expect(await page.getByText('100%', { exact: true }).count()).toBe(1);
    });
  }, 90_000);
});

describe('the final test', () => {
  it('draws 10 questions from the bank, spread over the modules, and a new set on a retry', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/final`);
      await enterAsLearner(page, 'Дина');
      await expect.poll(() => h1(page)).toBe('Итоговый тест');
      await page.getByText(`10 вопросов из ${finalTest.questions.length}`, { exact: false }).waitFor();
      await assertPageSound(page, 'final intro');
      await page.getByRole('button', { name: 'Начать тест' }).tap();

      const attempt = async (right: (n: number) => boolean) => {
        const asked: Question[] = [];
        for (let n = 1; n <= 10; n++) {
          await expect.poll(() => counter(page).textContent()).toBe(`Вопрос ${n} из 10`);
          const q = await questionOnScreen(page, finalTest.questions);
          asked.push(q);
          if (n === 1) {
            await assertPageSound(page, 'final question');
            await screenshot(page, 'final-question');
          }
          await answerByTouch(page, q, right(n));
          await page.getByRole('button', { name: 'Проверить' }).tap();
          await expect.poll(() => feedback(page).textContent()).toMatch(right(n) ? /Верно/ : /Неверно/);
          await page.getByRole('button', { name: n < 10 ? /Следующий вопрос/ : /Показать результат/ }).tap();
        }
        await page.getByRole('heading', { level: 2, name: 'Результат' }).waitFor();
        return asked;
      };

      const first = await attempt(() => true);
      expect(new Set(first.map((q) => q.id)).size).toBe(10);
      const perModule = new Map<string, number>();
      for (const q of first) perModule.set(lessonModule.get(q.source.lesson)!, (perModule.get(lessonModule.get(q.source.lesson)!) ?? 0) + 1);
      expect(perModule.size, 'every module is asked about').toBe(index.modules.length);
      expect(await page.getByText('100%', { exact: true }).count()).toBe(1);
      await assertPageSound(page, 'final results (passed)');
      await screenshot(page, 'final-results-passed');

      await page.getByRole('button', { name: 'Пройти ещё раз' }).tap();
      const second = await attempt((n) => n > 3); // 7 of 10: under the mark
      expect(second.map((q) => q.id), 'a retry draws anew').not.toEqual(first.map((q) => q.id));
      expect(await page.getByText('70%', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Тест не пройден').count()).toBe(1);
      expect(await page.locator('ol.mistakes > li').count()).toBe(3);
      await assertPageSound(page, 'final results (failed)');
      await screenshot(page, 'final-results-failed');
    });
  }, 120_000);
});

describe('English interface', () => {
  it('speaks English around the Russian questions', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/quiz/${module1.id}`);
      await enterAsLearner(page, 'Жанна');
      await page.getByRole('button', { name: 'Eng' }).tap();
      await page.getByRole('button', { name: 'Start the quiz' }).tap();
      await page.getByRole('heading', { level: 2, name: `Question 1 of ${quiz1.questions.length}` }).waitFor();
      expect(await page.locator('legend').getAttribute('lang')).toBe('ru');
      await page.getByRole('button', { name: 'Check' }).tap();
      await expect.poll(() => feedback(page).textContent()).toMatch(/first|at least|every item/);
      await assertPageSound(page, 'quiz in English');
      await screenshot(page, 'quiz-english');
      await page.getByRole('button', { name: 'Рус' }).tap();
    });
  }, 30_000);
});

describe('phone, dark theme', () => {
  it('every question type reads well on a 360px dark phone, with no sideways scrolling', async () => {
    await withContext('phone', async (_context, page) => {
      await page.goto(`${baseUrl}#/quiz/${module1.id}`);
      await enterAsLearner(page, 'Егор');
      await page.getByRole('button', { name: 'Начать тест' }).tap();
      for (let n = 1; n <= quiz1.questions.length; n++) {
        await expect.poll(() => counter(page).textContent()).toBe(`Вопрос ${n} из ${quiz1.questions.length}`);
        const q = await questionOnScreen(page, quiz1.questions);
        await answerByTouch(page, q, n % 2 === 0);
        await page.getByRole('button', { name: 'Проверить' }).tap();
        await expect.poll(() => feedback(page).textContent()).toMatch(/Верно|Неверно/);
        await assertPageSound(page, `phone ${q.type}`);
        await screenshot(page, `phone-dark-quiz-${q.type}`);
        await page.getByRole('button', { name: n < quiz1.questions.length ? /Следующий вопрос/ : /Показать результат/ }).tap();
      }
      await page.getByRole('heading', { level: 2, name: 'Результат' }).waitFor();
      await assertPageSound(page, 'phone results');
      await screenshot(page, 'phone-dark-quiz-results');
    }, { colorScheme: 'dark' });
  }, 90_000);
});
