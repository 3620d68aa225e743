import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import data from '../../../../content/04-operativnost/exercise-promptness.json';
import { setupI18n } from '$lib/i18n/index.ts';
import { MemoryProgress } from '../../../../tests/harness/memory-progress.svelte.ts';
import type { PromptnessScenario } from '$lib/promptness/promptness.ts';
import ExerciseHarness from '../../../../tests/harness/ExerciseHarness.svelte';
import PromptnessExercise from './PromptnessExercise.svelte';

beforeAll(() => setupI18n());

function renderPromptness(progress = new MemoryProgress()) {
  render(ExerciseHarness, { props: { progress, exercise: PromptnessExercise, exerciseProps: { scenario: data as PromptnessScenario } } });
  return { progress, user: userEvent.setup() };
}

describe('the promptness exercise', () => {
  it('shows the wait change with the choice, and records a run won on the bottleneck', async () => {
    const { user, progress } = renderPromptness();
    expect(screen.getByText('Сейчас гость ждёт 28 мин')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(screen.getByRole('status')).toHaveTextContent('Сначала выберите звено.');

    await user.click(screen.getByRole('radio', { name: /Официант принимает заказ/ }));
    expect(screen.getByText('С помощником гость ждёт 26 мин')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(screen.getByRole('status')).toHaveTextContent('Помощник у звена «Официант принимает заказ» сэкономил 2 мин, но гость всё равно ждёт 26 мин — больше 22.');

    await user.click(screen.getByRole('radio', { name: /Заказ ждёт очереди на кухне/ }));
    expect(screen.getByText('С помощником гость ждёт 21 мин')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(screen.getByRole('status')).toHaveTextContent(/^Верно: самое долгое звено — заказ ждёт очереди на кухне\./);
    expect(await screen.findByRole('heading', { name: 'Упражнение выполнено' })).toBeInTheDocument();
    expect(progress.activity('exercise:gde-teryayutsya-minuty')?.attempts[0]).toMatchObject({ score: 75, passed: true, mistakes: ['link:priem'] });
    expect(screen.queryByText(/Для зачёта нужно/)).toBeNull();
  }, 20_000); // many clicks through user-event in jsdom: a busy 2-core machine needs more than 5 s

  it('resumes the chosen link from the draft', () => {
    const progress = new MemoryProgress();
    void progress.saveDraft('exercise:gde-teryayutsya-minuty', { chosen: 2, wrong: [] });
    renderPromptness(progress);
    expect(screen.getByRole('radio', { name: /Повар готовит блюдо/ })).toBeChecked();
    expect(screen.getByText('С помощником гость ждёт 24 мин')).toBeInTheDocument();
  });
});
