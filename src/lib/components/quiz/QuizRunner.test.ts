import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '$lib/i18n/index.ts';
import { MemoryProgress } from '../../../../tests/harness/memory-progress.svelte.ts';
import { sampleQuiz } from '../../../../tests/fixtures/quiz.ts';
import type { Question } from '$lib/quiz/types.ts';
import QuizHarness from '../../../../tests/harness/QuizHarness.svelte';

beforeAll(() => setupI18n());

const KEY = 'quiz:test';
// A whole quiz answered through user-event takes a few seconds on a busy two-core machine.
const SLOW = { timeout: 30_000 };

function show(progress = new MemoryProgress(), seeds = [11, 22, 33]) {
  let n = 0;
  const view = render(QuizHarness, {
    props: { progress, activityKey: KEY, questions: sampleQuiz.questions, passMark: 0.8, newSeed: () => seeds[n++ % seeds.length] ?? 1 },
  });
  return { progress, view, user: userEvent.setup({ delay: null }) };
}

/** The question on screen, found by its legend as a learner reads it. */
function currentQuestion(): Question {
  const legend = document.querySelector('legend')?.textContent ?? '';
  const question = sampleQuiz.questions.find((q) => q.prompt === legend);
  if (!question) throw new Error(`no question on screen (legend "${legend}")`);
  return question;
}

const fieldset = () => screen.getByRole('group');
const status = () => screen.getAllByRole('status').find((el) => el.classList.contains('status'))!;
const orderOnScreen = () => within(fieldset()).getAllByRole('listitem').map((li) => li.querySelector('[lang="ru"]')?.textContent ?? '');

/** Answers the question on screen by clicking, rightly or wrongly. */
async function answerByClick(user: UserEvent, q: Question, right: boolean) {
  const group = within(fieldset());
  if (q.type === 'single') {
    const option = q.options.find((o) => (o.id === q.answer) === right)!;
    await user.click(group.getByRole('radio', { name: option.text }));
  } else if (q.type === 'multiple') {
    const ticks = right ? q.options.filter((o) => q.answer.includes(o.id)) : q.options.slice(0, 1).concat(q.options.filter((o) => !q.answer.includes(o.id)));
    for (const option of new Set(ticks)) await user.click(group.getByRole('checkbox', { name: option.text }));
  } else if (q.type === 'truefalse') {
    await user.click(group.getByRole('radio', { name: q.answer === right ? 'Да, это так' : 'Нет, это не так' }));
  } else if (q.type === 'gap') {
    await user.click(group.getByRole('radio', { name: right ? q.answer : q.options.find((o) => o !== q.answer)! }));
  } else if (q.type === 'matching') {
    for (const [i, item] of q.items.entries()) {
      const choice = right ? q.answer[item.id]! : q.choices.find((c) => c.id !== q.answer[item.id])!.id;
      await user.selectOptions(group.getByRole('combobox', { name: item.text }), choice);
      if (!right && i === 0) break; // one pair left empty is not an answer: fill them all
    }
    if (!right) for (const item of q.items.slice(1)) await user.selectOptions(group.getByRole('combobox', { name: item.text }), q.answer[item.id]!);
  } else if (q.type === 'ordering') {
    const target = right ? q.items.map((i) => i.text) : [...q.items].reverse().map((i) => i.text);
    for (const [t, text] of target.entries()) {
      for (let i = orderOnScreen().indexOf(text); i > t; i--) await user.click(group.getByRole('button', { name: `Поднять выше: ${text}` }));
    }
  }
}

describe('QuizRunner by mouse or touch', SLOW, () => {
  it('checks each answer with a verdict and an explanation, then shows 100% and records the attempt', async () => {
    const { progress, user } = show();
    expect(screen.getByText('6 вопросов')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Начать тест' }));
    for (let n = 1; n <= 6; n++) {
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`Вопрос ${n} из 6`);
      const q = currentQuestion();
      expect(document.querySelector('legend')).toHaveAttribute('lang', 'ru');
      await answerByClick(user, q, true);
      await user.click(screen.getByRole('button', { name: 'Проверить' }));
      expect(status()).toHaveTextContent('Верно');
      expect(status()).toHaveTextContent(q.explanation);
      expect(within(status()).getByRole('link', { name: /Перечитать/ })).toHaveAttribute('href', `#/lesson/${q.source.lesson}?p=${q.source.paragraph}`);
      expect(progress.activity(KEY)?.draft).toMatchObject({ checked: expect.arrayContaining([q.id]) });
      await user.click(screen.getByRole('button', { name: n < 6 ? /Следующий вопрос/ : /Показать результат/ }));
    }
    expect(await screen.findByRole('heading', { name: 'Результат' })).toBeInTheDocument();
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(screen.getByText(/Тест пройден/)).toBeInTheDocument();
    expect(screen.getByText('Ошибок нет — отличная работа.')).toBeInTheDocument();
    const record = progress.activity(KEY);
    expect(record?.attempts).toHaveLength(1);
    expect(record).toMatchObject({ best: 100, passed: true, draft: null });
    expect(record?.attempts[0]).toMatchObject({ score: 100, passed: true, mistakes: [] });
  });

  it('says «Неверно» with the right answer, and lists what to revise on a failed result; a retry reshuffles', async () => {
    const { progress, user } = show();
    await user.click(screen.getByRole('button', { name: 'Начать тест' }));
    const firstOrder: string[] = [];
    const wrong: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const q = currentQuestion();
      firstOrder.push(q.id);
      const right = n > 2; // two wrong of six: 67%, under the 80% mark
      if (!right) wrong.push(q.id);
      await answerByClick(user, q, right);
      await user.click(screen.getByRole('button', { name: 'Проверить' }));
      expect(status()).toHaveTextContent(right ? 'Верно' : 'Неверно');
      if (!right) expect(status()).toHaveTextContent(/Правильн(ый ответ|ые ответы|ый порядок|ые пары):/);
      await user.click(screen.getByRole('button', { name: n < 6 ? /Следующий вопрос/ : /Показать результат/ }));
    }
    await screen.findByRole('heading', { name: 'Результат' });
    expect(screen.getByText('67%')).toBeInTheDocument();
    expect(screen.getByText(/Тест не пройден/)).toBeInTheDocument();
    expect(screen.getByText(/Верных ответов: 4 из 6\. Чтобы пройти, нужно 80 % — это 5 верных ответов\./)).toBeInTheDocument();
    const revise = screen.getByRole('heading', { name: 'Что повторить' }).nextElementSibling as HTMLElement;
    expect(within(revise).getAllByRole('listitem')).toHaveLength(2);
    expect(within(revise).getAllByRole('link', { name: /Перечитать/ })).toHaveLength(2);
    expect(progress.activity(KEY)?.attempts[0]).toMatchObject({ score: 67, passed: false, mistakes: wrong });

    await user.click(screen.getByRole('button', { name: 'Пройти ещё раз' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Вопрос 1 из 6');
    expect(screen.queryByRole('radio', { checked: true })).toBeNull();
    const draft = progress.activity(KEY)?.draft as { seed: number; answers: object };
    expect(draft.seed).toBe(22);
    expect(draft.answers).toEqual({});
  });

  it('gives a hint, not a verdict, when «Проверить» is pressed with nothing chosen', async () => {
    const { progress, user } = show();
    await user.click(screen.getByRole('button', { name: 'Начать тест' }));
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(status()).toHaveTextContent(/Сначала|Отметьте|Выберите пару/);
    expect(status()).not.toHaveTextContent(/Верно|Неверно/);
    expect(screen.getByRole('button', { name: 'Проверить' })).toBeInTheDocument();
    expect((progress.activity(KEY)?.draft as { checked: string[] }).checked).toEqual([]);
  });

  it('counts a double tap once: one verdict, no skipped question, one recorded attempt', async () => {
    const { progress, user } = show();
    await user.click(screen.getByRole('button', { name: 'Начать тест' }));
    for (let n = 1; n <= 6; n++) {
      await answerByClick(user, currentQuestion(), true);
      await user.dblClick(screen.getByRole('button', { name: 'Проверить' }));
      const next = screen.getByRole('button', { name: n < 6 ? /Следующий вопрос/ : /Показать результат/ });
      // The second click of a double tap lands on whatever replaced «Проверить»: it must not count.
      await fireEvent.click(next, { detail: 2 });
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`Вопрос ${n} из 6`);
      await user.dblClick(next);
    }
    await screen.findByRole('heading', { name: 'Результат' });
    expect(progress.activity(KEY)?.attempts).toHaveLength(1);
  });

  it('keeps the answers given when the learner leaves mid-quiz and comes back', async () => {
    const first = show();
    await first.user.click(screen.getByRole('button', { name: 'Начать тест' }));
    const q1 = currentQuestion();
    await answerByClick(first.user, q1, false);
    await first.user.click(screen.getByRole('button', { name: 'Проверить' }));
    await first.user.click(screen.getByRole('button', { name: /Следующий вопрос/ }));
    const q2 = currentQuestion();
    await answerByClick(first.user, q2, true); // answered, not yet checked
    const options = within(fieldset()).queryAllByRole('radio').map((r) => r.getAttribute('value'));
    first.view.unmount();

    show(first.progress);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Вопрос 2 из 6');
    expect(currentQuestion().id).toBe(q2.id);
    expect(within(fieldset()).queryAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(options);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Проверить' }));
    expect(status()).toHaveTextContent('Верно');
  });
});

describe('QuizRunner by keyboard only', SLOW, () => {
  /** Tabs forward until the focused element has this accessible name (or role+name via predicate). */
  async function tabTo(user: UserEvent, match: (el: HTMLElement) => boolean) {
    for (let i = 0; i < 40; i++) {
      await user.tab();
      if (document.activeElement instanceof HTMLElement && match(document.activeElement)) return document.activeElement;
    }
    throw new Error('could not reach the element by Tab');
  }
  const labelled = (text: string) => (el: HTMLElement) => el.closest('label')?.querySelector('.text')?.textContent === text || el.getAttribute('aria-label') === text;

  async function answerByKeyboard(user: UserEvent, q: Question) {
    if (q.type === 'single' || q.type === 'gap' || q.type === 'truefalse') {
      const target = q.type === 'single' ? q.options.find((o) => o.id === q.answer)!.text : q.type === 'gap' ? q.answer : q.answer ? 'Да, это так' : 'Нет, это не так';
      await user.tab(); // into the radio group
      await user.keyboard(' ');
      for (let i = 0; i < 6 && !labelled(target)(document.activeElement as HTMLElement); i++) await user.keyboard('{ArrowDown}');
      expect(document.activeElement).toBeChecked();
    } else if (q.type === 'multiple') {
      for (const option of q.options.filter((o) => q.answer.includes(o.id))) {
        await tabTo(user, labelled(option.text));
        await user.keyboard(' ');
      }
    } else if (q.type === 'ordering') {
      for (const [t, item] of q.items.entries()) {
        const steps = orderOnScreen().indexOf(item.text) - t;
        if (steps <= 0) continue;
        await tabTo(user, labelled(`Поднять выше: ${item.text}`));
        for (let s = 0; s < steps; s++) await user.keyboard('{Enter}');
        expect(document.activeElement?.getAttribute('aria-label')).toMatch(item.text); // focus follows the item
      }
    } else if (q.type === 'matching') {
      // jsdom has no keyboard behaviour for a closed <select>; real keys are covered in Chromium (quiz.e2e.ts).
      for (const item of q.items) {
        const select = await tabTo(user, (el) => el.id.endsWith(`-${item.id}`));
        await user.selectOptions(select, q.answer[item.id]!);
      }
    }
  }

  it('reaches the result with Tab, arrows, Space and Enter only', async () => {
    const { progress, user } = show();
    await tabTo(user, (el) => el.textContent?.trim() === 'Начать тест');
    await user.keyboard('{Enter}');
    for (let n = 1; n <= 6; n++) {
      expect(document.activeElement).toHaveTextContent(`Вопрос ${n} из 6`); // focus lands on the new question
      const q = currentQuestion();
      await answerByKeyboard(user, q);
      await tabTo(user, (el) => el.textContent?.trim() === 'Проверить');
      await user.keyboard('{Enter}');
      expect(status()).toHaveTextContent('Верно');
      expect(document.activeElement).toHaveTextContent(n < 6 ? 'Следующий вопрос' : 'Показать результат');
      await user.keyboard('{Enter}');
    }
    await screen.findByRole('heading', { name: 'Результат' });
    expect(document.activeElement).toHaveTextContent('Результат');
    expect(progress.activity(KEY)?.attempts[0]).toMatchObject({ score: 100, passed: true });
  });

  it('announces a move of an ordering item and keeps focus on it', async () => {
    const ordering = sampleQuiz.questions.find((q) => q.type === 'ordering')!;
    const progress = new MemoryProgress();
    render(QuizHarness, { props: { progress, activityKey: KEY, questions: [ordering], passMark: 0.8, newSeed: () => 5 } });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Начать тест' }));
    const [, second] = orderOnScreen();
    const up = await tabTo(user, labelled(`Поднять выше: ${second}`));
    await user.keyboard('{Enter}');
    expect(orderOnScreen()[0]).toBe(second);
    expect(document.activeElement).not.toBe(up.ownerDocument.body);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Опустить ниже: ${second}`); // at the top, «выше» is disabled
    expect(screen.getByText(`«${second}» — теперь 1-й из 3.`)).toHaveAttribute('role', 'status');
  });
});
