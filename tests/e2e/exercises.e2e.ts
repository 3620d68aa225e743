/**
 * Journeys through the exercises on a tablet: the chain built by real touch drag, by keyboard
 * alone, by move buttons alone and by mouse; the weakest-link simulator lost and won; the
 * promptness exercise completed. Every screen is axe-clean, error-free and never scrolls sideways.
 */
import { describe, expect, inject, it } from 'vitest';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { assertPageSound, enterAsLearner, h1, screenshot, storedRecord, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
useBrowser();

const RESTAURANT = { id: 'cepochka-restorana', title: 'Соберите цепочку ресторана', right: ['sklad', 'povar', 'oficiant', 'posetitel'] };
const HOTEL = { id: 'cepochka-gostinicy', title: 'Соберите цепочку гостиницы', right: ['prachechnaya', 'gornichnaya', 'administrator', 'gost'] };
const LABELS: Record<string, string> = {
  sklad: 'Склад',
  povar: 'Повар',
  oficiant: 'Официант',
  posetitel: 'Посетитель',
  prachechnaya: 'Прачечная',
  gornichnaya: 'Горничная',
  administrator: 'Администратор',
  gost: 'Гость',
  taksist: 'Водитель такси',
};

const cardsIn = (page: Page, zone: 'chain' | 'aside') => page.locator(`[data-zone="${zone}"] [data-card]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.card));
const handle = (page: Page, id: string) => page.getByRole('button', { name: LABELS[id], exact: true });
const verdict = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).last();
/** What a screen reader says: the build's no-break spaces read as spaces. */
const spoken = async (locator: Locator) => (await locator.textContent())?.replace(/\u00a0/g, ' ') ?? null;

async function openExercise(page: Page, id: string, title: string) {
  await page.goto(`${baseUrl}#/exercise/${id}`);
  await enterAsLearner(page, 'Анна');
  await expect.poll(() => h1(page)).toBe(title);
}

/**
 * The learner's finger: real touch events through the DevTools protocol, with moves in between.
 * A plain swipe over a card scrolls the page, so the finger lands on the card's grip, and the
 * drag goes on only once the app shows the card held.
 */
async function touchDrag(page: Page, cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  await touchHold(page, cdp, from);
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A finger down at `at` (a card's grip) until the app shows that card lifted (held). */
async function touchHold(page: Page, cdp: CDPSession, at: { x: number; y: number }) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }] });
  await expect.poll(() => page.locator('[data-card].lifted').count()).toBe(1);
}

/** Where a finger picks a card up at once: its grip. */
const grip = (page: Page, id: string) => handle(page, id).locator('[data-grip]');

const centre = async (locator: Locator) => {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, top: box.y, bottom: box.y + box.height };
};

/**
 * Drags cards into `right` order, place by place: each card is dropped just above the card now
 * standing in its place. `drag` performs one gesture from a handle to a point.
 */
async function dragIntoOrder(
  page: Page,
  right: string[],
  drag: (from: { x: number; y: number }, to: { x: number; y: number }) => Promise<void>,
  pickUp: (page: Page, id: string) => Locator = handle,
) {
  for (const [place, id] of right.entries()) {
    const now = await cardsIn(page, 'chain');
    if (now[place] === id) continue;
    const occupant = page.locator(`[data-zone="chain"] [data-card="${now[place]}"]`);
    await occupant.scrollIntoViewIfNeeded();
    const from = await centre(pickUp(page, id));
    const target = await centre(occupant);
    await drag(from, { x: from.x, y: target.top + 6 });
    await expect.poll(() => cardsIn(page, 'chain').then((c) => c[place])).toBe(id);
    await expect.poll(() => spoken(page.locator('[aria-live="polite"]').first())).toBe(`${LABELS[id]}: место ${place + 1} из ${now.length}`);
  }
}

/** Tabs forward until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Step 2 by taps: marks every hand-off of the right chain, then checks. */
async function markRolesByTouch(page: Page, marks: string[]) {
  for (const mark of marks) await page.getByRole('radio', { name: mark }).tap();
  await page.getByRole('button', { name: 'Проверить' }).tap();
}

describe('the chain builder', () => {
  it('is completed by real touch drag on a tablet', async () => {
    await withContext('tablet', async (context, page) => {
      await openExercise(page, RESTAURANT.id, RESTAURANT.title);
      await assertPageSound(page, 'chain at start');
      await screenshot(page, 'exercise-chain-start');

      const cdp = await context.newCDPSession(page);
      // Mid-drag the card follows the finger and a bar shows where it would land; back home, nothing moved.
      const home = await centre(grip(page, 'posetitel'));
      await touchHold(page, cdp, home);
      for (const dy of [-20, -50, -80, -105]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: home.x, y: home.y + dy }] });
      await screenshot(page, 'exercise-chain-dragging');
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: home.x, y: home.y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      expect(await cardsIn(page, 'chain')).toEqual(['oficiant', 'sklad', 'posetitel', 'povar']);

      await dragIntoOrder(page, RESTAURANT.right, (from, to) => touchDrag(page, cdp, from, to), grip);
      expect(await cardsIn(page, 'chain')).toEqual(RESTAURANT.right);
      await screenshot(page, 'exercise-chain-ordered');
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toContain('Порядок верный!');
      await assertPageSound(page, 'chain roles');
      await markRolesByTouch(page, ['Повар — внутренний клиент склада', 'Официант — внутренний клиент повара', 'Посетитель — внешний клиент']);
      await expect.poll(() => page.getByRole('heading', { name: 'Упражнение выполнено' }).count()).toBe(1);
      expect(await page.getByText('Точность с первых попыток: 100 из 100', { exact: false }).count()).toBe(1);
      await assertPageSound(page, 'chain done');
      await screenshot(page, 'exercise-chain-done');
    });
  }, 60_000);

  it('is completed by keyboard alone, and Escape cancels a move', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, RESTAURANT.id, RESTAURANT.title);
      const live = page.locator('[aria-live="polite"]').first();

      await tabTo(page, handle(page, 'posetitel'));
      await page.keyboard.press('Space');
      await expect.poll(() => spoken(live)).toMatch(/^Карточка «Посетитель» взята\. Посетитель: место 3 из 4\./);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => cardsIn(page, 'chain')).toEqual(['oficiant', 'posetitel', 'sklad', 'povar']);
      await screenshot(page, 'exercise-chain-keyboard-grabbed');
      await page.keyboard.press('Escape');
      await expect.poll(() => cardsIn(page, 'chain')).toEqual(['oficiant', 'sklad', 'posetitel', 'povar']);
      await expect.poll(() => spoken(live)).toBe('Перемещение отменено. Посетитель: место 3 из 4.');

      // Официант down two, Повар up two, Посетитель down one: focus stays on the card as it moves.
      const moves: [string, 'ArrowUp' | 'ArrowDown', number][] = [['oficiant', 'ArrowDown', 2], ['povar', 'ArrowUp', 2], ['posetitel', 'ArrowDown', 1]];
      for (const [id, key, times] of moves) {
        await tabTo(page, handle(page, id));
        await page.keyboard.press('Enter');
        for (let i = 0; i < times; i++) await page.keyboard.press(key);
        await page.keyboard.press('Enter');
      }
      expect(await cardsIn(page, 'chain')).toEqual(RESTAURANT.right);
      await expect.poll(() => spoken(live)).toBe('Посетитель: место 4 из 4');

      await tabTo(page, page.getByRole('button', { name: 'Проверить' }));
      await page.keyboard.press('Enter');
      await expect.poll(() => spoken(verdict(page))).toContain('Порядок верный!');
      // Each group: Tab lands on its first radio; Space picks «внутренний», ArrowDown moves to «внешний».
      await tabTo(page, page.getByRole('radio', { name: 'Повар — внутренний клиент склада' }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('radio', { name: 'Официант — внутренний клиент повара' }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('radio', { name: 'Посетитель — внутренний клиент официанта' }));
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'Посетитель — внешний клиент' }).isChecked()).toBe(true);
      await tabTo(page, page.getByRole('button', { name: 'Проверить' }));
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { name: 'Упражнение выполнено' }).count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Упражнение выполнено');
    });
  }, 60_000);

  it('is completed by move buttons alone, and a wrong order names the broken hand-off', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, RESTAURANT.id, RESTAURANT.title);
      await page.getByRole('button', { name: 'Склад — выше' }).tap();
      await page.getByRole('button', { name: 'Повар — выше' }).tap();
      expect(await cardsIn(page, 'chain')).toEqual(['sklad', 'oficiant', 'povar', 'posetitel']);
      expect(await spoken(page.locator('[aria-live="polite"]').first())).toBe('Повар: место 3 из 4');

      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toContain('Пока не так: 3 ошибки.');
      const feedback = await spoken(verdict(page));
      expect(feedback).toContain('Склад → Официант: блюда официант получает не со склада, а от повара');
      expect(feedback).toContain('Официант → Повар: продукты повар получает не от официанта, а со склада');
      await assertPageSound(page, 'chain wrong order');
      await screenshot(page, 'exercise-chain-wrong-order');

      await page.getByRole('button', { name: 'Повар — выше' }).tap();
      expect(await cardsIn(page, 'chain')).toEqual(RESTAURANT.right);
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toContain('Порядок верный!');

      // A wrong role is explained, then fixed.
      await markRolesByTouch(page, ['Склад — внутренний клиент повара', 'Официант — внутренний клиент повара', 'Посетитель — внешний клиент']);
      await expect.poll(() => spoken(verdict(page))).toContain('Склад → Повар: наоборот: клиент — тот, кто получает работу. Повар — внутренний клиент склада');
      await screenshot(page, 'exercise-chain-wrong-role');
      await markRolesByTouch(page, ['Повар — внутренний клиент склада']);
      await expect.poll(() => page.getByText(/Точность с первых попыток: 33 из 100/).count()).toBe(1);
      // Practice: the right answer was reached, so the exercise is done — never «Для зачёта нужно».
      expect(await page.getByText('Верный ответ найден — упражнение засчитано.').count()).toBe(1);
      expect(await page.getByText(/Для зачёта нужно/).count()).toBe(0);

      // Another run from a fresh deal.
      await page.getByRole('button', { name: 'Пройти ещё раз' }).tap();
      await expect.poll(() => cardsIn(page, 'chain')).toEqual(['oficiant', 'sklad', 'posetitel', 'povar']);
    });
  }, 90_000);

  it('keeps the distractor aside in the hotel, moved by mouse and by buttons', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, HOTEL.id, HOTEL.title);
      await assertPageSound(page, 'hotel at start');

      await page.getByRole('button', { name: 'Проверить' }).click();
      await expect.poll(() => spoken(verdict(page))).toContain('Водитель такси: он привозит гостя к гостинице');

      const mouseDrag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
        await page.mouse.move(from.x, from.y);
        await page.mouse.down();
        await page.mouse.move(to.x, to.y, { steps: 10 });
        await page.mouse.up();
      };
      // The taxi driver goes aside by mouse, into the empty «В стороне» field.
      const aside = await centre(page.locator('[data-zone="aside"]'));
      // The board may still be settling when the first drag starts: drag again until it lands.
      await expect
        .poll(async () => {
          if ((await cardsIn(page, 'aside')).length === 0) await mouseDrag(await centre(grip(page, 'taksist')), aside);
          return cardsIn(page, 'aside');
        })
        .toEqual(['taksist']);
      await dragIntoOrder(page, HOTEL.right, mouseDrag, grip);
      await screenshot(page, 'exercise-hotel-ordered');

      // Back into the chain and aside again with the buttons.
      await page.getByRole('button', { name: 'Водитель такси — в цепочку' }).click();
      expect(await cardsIn(page, 'chain')).toEqual([...HOTEL.right, 'taksist']);
      await page.getByRole('button', { name: 'Водитель такси — в сторону' }).click();
      expect(await cardsIn(page, 'aside')).toEqual(['taksist']);

      await page.getByRole('button', { name: 'Проверить' }).click();
      await expect.poll(() => spoken(verdict(page))).toContain('Порядок верный!');
      for (const mark of ['Горничная — внутренний клиент прачечной', 'Администратор — внутренний клиент горничной', 'Гость — внешний клиент']) {
        await page.getByRole('radio', { name: mark }).click();
      }
      await page.getByRole('button', { name: 'Проверить' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Упражнение выполнено' }).count()).toBe(1);
      await assertPageSound(page, 'hotel done');
    }, { hasTouch: false, isMobile: false });
  }, 60_000);

  it('resumes a half-built chain after a reload', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, RESTAURANT.id, RESTAURANT.title);
      await page.getByRole('button', { name: 'Склад — выше' }).tap();
      expect(await cardsIn(page, 'chain')).toEqual(['sklad', 'oficiant', 'posetitel', 'povar']);
      // The draft is in IndexedDB before the reload.
      await expect.poll(async () => JSON.stringify((await storedRecord(page, `activity/exercise:${RESTAURANT.id}`))?.draft ?? null)).toContain('"sklad","oficiant","posetitel","povar"');
      await page.reload();
      await expect.poll(() => h1(page)).toBe(RESTAURANT.title);
      await expect.poll(() => cardsIn(page, 'chain')).toEqual(['sklad', 'oficiant', 'posetitel', 'povar']);
    });
  }, 30_000);
});

describe('the weakest-link simulator', () => {
  it('is lost when points are spread and won when the weakest link is raised', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, 'simulyator-slabogo-zvena', 'Симулятор слабого звена');
      await page.locator('figure').first().waitFor();
      await assertPageSound(page, 'simulator');
      await screenshot(page, 'exercise-simulator-start');

      // The sliders: labelled, and they say their value in words.
      const slider = page.getByRole('slider', { name: /Склад/ });
      expect(await slider.getAttribute('aria-valuetext')).toBe('25 из 100');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('30 из 100');

      await page.getByRole('button', { name: 'Повар — добавить очко' }).tap();
      await page.getByRole('button', { name: 'Склад — добавить очко' }).tap();
      expect(await page.getByRole('button', { name: 'Официант — добавить очко' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toMatch(/^Очки разошлись по звеньям, и гость получает только 41 % при цели 45 %/);
      await screenshot(page, 'exercise-simulator-lost');

      await page.getByRole('button', { name: 'Повар — вернуть очко' }).tap();
      await page.getByRole('button', { name: 'Склад — добавить очко' }).tap();
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toContain('Получилось: гость получает 46 % при цели 45 %. Вы подняли самое слабое звено — склад.');
      expect(await spoken(verdict(page))).toContain('измеряется микрометром, в другом отмечается мелом, а в третьем — рубится топором');
      await expect.poll(() => page.getByText('Точность с первых попыток: 80 из 100', { exact: false }).count()).toBe(1);
      await assertPageSound(page, 'simulator won');
      await screenshot(page, 'exercise-simulator-won');
    });
  }, 90_000);
});

describe('the promptness exercise', () => {
  it('shows the wait change and completes when the bottleneck gets the helper', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, 'gde-teryayutsya-minuty', 'Где теряются минуты');
      await expect.poll(() => page.getByText('Сейчас гость ждёт 28 мин').count()).toBe(1);
      await assertPageSound(page, 'promptness');

      await page.getByRole('radio', { name: /Повар готовит блюдо/ }).tap();
      await expect.poll(() => page.getByText('С помощником гость ждёт 24 мин').count()).toBe(1);
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toContain('гость всё равно ждёт 24 мин — больше 22');
      await screenshot(page, 'exercise-promptness-wrong');

      await page.getByRole('radio', { name: /Заказ ждёт очереди на кухне/ }).tap();
      await expect.poll(() => page.getByText('С помощником гость ждёт 21 мин').count()).toBe(1);
      await page.getByRole('button', { name: 'Проверить' }).tap();
      await expect.poll(() => spoken(verdict(page))).toContain('Верно: самое долгое звено — заказ ждёт очереди на кухне. Помощник сэкономил 7 мин, и гость ждёт 21 мин вместо 28.');
      await expect.poll(() => page.getByText('Точность с первых попыток: 75 из 100', { exact: false }).count()).toBe(1);
      expect(await page.getByText(/Для зачёта нужно/).count()).toBe(0);
      await assertPageSound(page, 'promptness done');
      await screenshot(page, 'exercise-promptness-done');
    });
  }, 90_000);
});

describe('every exercise screen', () => {
  it.each([
    [RESTAURANT.id, RESTAURANT.title, 'chain'],
    ['simulyator-slabogo-zvena', 'Симулятор слабого звена', 'simulator'],
    ['gde-teryayutsya-minuty', 'Где теряются минуты', 'promptness'],
  ])('reads well on a 360 px phone in dark mode: %s', async (id, title, name) => {
    await withContext('phone', async (_context, page) => {
      await openExercise(page, id, title);
      await page.getByRole('button', { name: 'Проверить' }).waitFor();
      await assertPageSound(page, `phone dark ${id}`);
      await screenshot(page, `phone-dark-exercise-${name}`);
    }, { colorScheme: 'dark' });
  }, 30_000);

  it('moves on along the course path from one exercise to the next without a reload', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, RESTAURANT.id, RESTAURANT.title);
      await page.getByRole('navigation', { name: 'Уроки по порядку' }).getByRole('link', { name: /^Дальше:/ }).tap();
      await expect.poll(() => h1(page)).toBe(HOTEL.title);
      await expect.poll(() => cardsIn(page, 'aside')).toEqual([]);
      expect(await cardsIn(page, 'chain')).toEqual(['administrator', 'taksist', 'gost', 'prachechnaya', 'gornichnaya']);
      // Another type of exercise at a new address in the same page: its own component, its own data.
      await page.goto(`${baseUrl}#/exercise/simulyator-slabogo-zvena`);
      await expect.poll(() => h1(page)).toBe('Симулятор слабого звена');
      await expect.poll(() => page.getByRole('slider').count()).toBe(3);
      await page.goto(`${baseUrl}#/exercise/gde-teryayutsya-minuty`);
      await expect.poll(() => page.getByRole('radio').count()).toBe(4);
    });
  }, 30_000);

  it('shows the not-found page for an unknown exercise', async () => {
    await withContext('tablet', async (_context, page) => {
      await openExercise(page, 'no-such-exercise', 'Страница не найдена');
      await assertPageSound(page, 'unknown exercise');
    });
  }, 30_000);
});
