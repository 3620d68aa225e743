import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import restaurant from '../../../../content/01-vneshnie-i-vnutrennie-klienty/exercise-1-chain-restaurant.json';
import hotel from '../../../../content/01-vneshnie-i-vnutrennie-klienty/exercise-2-chain-hotel.json';
import type { ChainScenario } from '$lib/chain/types.ts';
import ExerciseHarness from '../../../../tests/harness/ExerciseHarness.svelte';
import { setupI18n } from '$lib/i18n/index.ts';
import { MemoryProgress } from '../../../../tests/harness/memory-progress.svelte.ts';
import ChainExercise from './ChainExercise.svelte';

beforeAll(() => setupI18n());

const food = restaurant as ChainScenario;
const rooms = hotel as ChainScenario;

function renderChain(scenario: ChainScenario, progress = new MemoryProgress()) {
  render(ExerciseHarness, { props: { progress, exercise: ChainExercise, exerciseProps: { scenario } } });
  return { progress, user: userEvent.setup() };
}

/** The cards of a zone as the learner reads them, top to bottom. */
const order = (zone: RegExp) =>
  within(screen.getByRole('list', { name: zone }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.label')?.textContent)
    .filter((label) => label !== undefined);
const chain = () => order(/^Цепочка/);
const handle = (name: string) => screen.getByRole('button', { name });
const announcement = () => document.querySelector('[aria-live="polite"]')?.textContent;

describe('moving cards with the keyboard', () => {
  it('picks a card up with Space, moves it with arrows, drops it with Enter, and says so', async () => {
    const { user } = renderChain(food);
    expect(chain()).toEqual(['Официант', 'Склад', 'Посетитель', 'Повар']);
    handle('Повар').focus();
    await user.keyboard(' ');
    expect(announcement()).toBe('Карточка «Повар» взята. Повар: место 4 из 4. Стрелки — переместить, пробел — положить, Escape — отменить.');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(chain()).toEqual(['Официант', 'Повар', 'Склад', 'Посетитель']);
    expect(announcement()).toBe('Повар: место 2 из 4');
    expect(handle('Повар')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(chain()).toEqual(['Повар', 'Официант', 'Склад', 'Посетитель']);
    await user.keyboard('{Enter}');
    expect(announcement()).toBe('Повар: место 1 из 4');
    // Put down: arrows no longer move it.
    await user.keyboard('{ArrowDown}');
    expect(chain()).toEqual(['Повар', 'Официант', 'Склад', 'Посетитель']);
  });

  it('cancels a move with Escape, back to where the card was picked up', async () => {
    const { user } = renderChain(food);
    handle('Склад').focus();
    await user.keyboard('{Enter}{ArrowDown}{ArrowDown}');
    expect(chain()).toEqual(['Официант', 'Посетитель', 'Повар', 'Склад']);
    await user.keyboard('{Escape}');
    expect(chain()).toEqual(['Официант', 'Склад', 'Посетитель', 'Повар']);
    expect(announcement()).toBe('Перемещение отменено. Склад: место 2 из 4.');
    expect(handle('Склад')).toHaveFocus();
  });

  it('says when a card can go no further', async () => {
    const { user } = renderChain(food);
    handle('Официант').focus();
    await user.keyboard(' {ArrowUp}');
    expect(announcement()).toBe('Официант: дальше некуда.');
    expect(chain()).toEqual(['Официант', 'Склад', 'Посетитель', 'Повар']);
  });

  it('moves a card past the end of the chain into «В стороне» and back', async () => {
    const { user } = renderChain(rooms);
    expect(chain().at(-1)).toBe('Горничная');
    handle('Горничная').focus();
    await user.keyboard(' {ArrowDown}');
    expect(order(/^В стороне/)).toEqual(['Горничная']);
    expect(announcement()).toBe('Горничная: в стороне');
    await user.keyboard('{ArrowUp}');
    expect(order(/^В стороне/)).toEqual([]);
    expect(chain().at(-1)).toBe('Горничная');
    expect(handle('Горничная')).toHaveFocus();
  });
});

describe('moving cards with the buttons', () => {
  it('moves by «выше» / «ниже» named after the card, announcing every move', async () => {
    const { user, progress } = renderChain(food);
    await user.click(screen.getByRole('button', { name: 'Склад — выше' }));
    expect(chain()).toEqual(['Склад', 'Официант', 'Посетитель', 'Повар']);
    expect(announcement()).toBe('Склад: место 1 из 4');
    // At the top «выше» is disabled, so focus moves to the card's other button.
    expect(screen.getByRole('button', { name: 'Склад — выше' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Склад — ниже' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Посетитель — ниже' }));
    expect(chain()).toEqual(['Склад', 'Официант', 'Повар', 'Посетитель']);
    expect(screen.getByRole('button', { name: 'Посетитель — ниже' })).toBeDisabled();
    // Every move is saved, so a reload resumes it.
    await tick();
    expect((progress.activity('exercise:cepochka-restorana')?.draft as { arrangement: unknown }).arrangement).toEqual({
      chain: ['sklad', 'oficiant', 'povar', 'posetitel'],
      aside: [],
    });
  });

  it('sets the distractor aside and brings it back', async () => {
    const { user } = renderChain(rooms);
    await user.click(screen.getByRole('button', { name: 'Водитель такси — в сторону' }));
    expect(order(/^В стороне/)).toEqual(['Водитель такси']);
    expect(announcement()).toBe('Водитель такси: в стороне');
    expect(screen.getByRole('button', { name: 'Водитель такси — в цепочку' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Водитель такси — в цепочку' }));
    expect(chain().at(-1)).toBe('Водитель такси');
  });
});

describe('checking', () => {
  it('names the broken hand-off in the status region', async () => {
    const { user } = renderChain(food);
    await user.click(screen.getByRole('button', { name: 'Склад — выше' }));
    await user.click(screen.getByRole('button', { name: 'Повар — выше' }));
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Пока не так: 3 ошибки.');
    expect(status).toHaveTextContent('Склад → Официант: блюда официант получает не со склада, а от повара');
    // A move makes the old verdict stale.
    await user.click(screen.getByRole('button', { name: 'Повар — выше' }));
    expect(status.textContent?.trim()).toBe('');
  });

  it('names a distractor left in the chain and a link put aside', async () => {
    const { user } = renderChain(rooms);
    await user.click(screen.getByRole('button', { name: 'Горничная — в сторону' }));
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Водитель такси: он привозит гостя к гостинице, но не работает в ней');
    expect(status).toHaveTextContent('Карточка «Горничная» нужна в цепочке. Горничная — внутренний клиент прачечной');
  });

  it('goes on to the roles, explains a wrong one, and records the finished run like a quiz result', async () => {
    const { user, progress } = renderChain(food);
    for (const name of ['Склад — выше', 'Повар — выше', 'Повар — выше', 'Посетитель — ниже']) await user.click(screen.getByRole('button', { name }));
    expect(chain()).toEqual(['Склад', 'Повар', 'Официант', 'Посетитель']);
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(screen.getByRole('status')).toHaveTextContent('Порядок верный!');
    expect(screen.getByRole('heading', { name: 'Шаг 2. Кто чей клиент' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Повар — внутренний клиент склада' }));
    await user.click(screen.getByRole('radio', { name: 'Официант — внешний клиент' }));
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(screen.getByRole('status')).toHaveTextContent('Не всё верно: 2 ошибки.');
    expect(screen.getByRole('status')).toHaveTextContent('Повар → Официант: оба работают в одной компании, значит это внутренний клиент. Официант — внутренний клиент повара');
    expect(screen.getByRole('status')).toHaveTextContent('Официант → Посетитель: ответ не отмечен.');

    await user.click(screen.getByRole('radio', { name: 'Официант — внутренний клиент повара' }));
    await user.click(screen.getByRole('radio', { name: 'Посетитель — внешний клиент' }));
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(await screen.findByRole('heading', { name: 'Упражнение выполнено' })).toHaveFocus();
    // Order right at the first check (50 of 50), one role of three right at the first check (17 of 50).
    // Practice: done once right; the first-try accuracy is information, never a failure.
    expect(screen.getByText(/Точность с первых попыток: 67 из 100/)).toHaveTextContent('на зачёт не влияет');
    expect(screen.queryByText(/Для зачёта нужно/)).toBeNull();

    const record = progress.activity('exercise:cepochka-restorana');
    expect(record?.attempts).toHaveLength(1);
    expect(record?.attempts[0]).toMatchObject({ score: 67, passed: true, mistakes: ['role:povar>oficiant', 'role:oficiant>posetitel'] });
    expect(record?.draft).toBeNull();
  });

  it('resumes a saved draft: the cards lie where they were left', () => {
    const progress = new MemoryProgress();
    void progress.saveDraft('exercise:cepochka-gostinicy', {
      phase: 'order',
      arrangement: { chain: ['prachechnaya', 'gost'], aside: ['taksist', 'gornichnaya', 'administrator'] },
      marks: {},
      firstOrder: null,
      firstRoles: null,
      mistakes: [],
    });
    renderChain(rooms, progress);
    expect(chain()).toEqual(['Прачечная', 'Гость']);
    expect(order(/^В стороне/)).toEqual(['Водитель такси', 'Горничная', 'Администратор']);
  });

  it('ignores a draft that no longer fits the scenario', () => {
    const progress = new MemoryProgress();
    void progress.saveDraft('exercise:cepochka-restorana', { phase: 'order', arrangement: { chain: ['sklad'], aside: [] }, marks: {}, mistakes: [] });
    renderChain(food, progress);
    expect(chain()).toEqual(['Официант', 'Склад', 'Посетитель', 'Повар']);
  });
});
