/**
 * Journeys through the media and interaction of the course on a tablet: «Две компании» sorted by
 * touch drag, by keyboard and by taps; «Моя цепочка» reaching the manager only after consent;
 * the summary, the briefing guide and the certificate with the reflection counted in printed
 * pages; «Слушать» with speech synthesis replaced by a recorder; glossary links; every new
 * screen axe-clean at 820 and 360 px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import type { SortingScenario } from '../../src/lib/sorting/types.ts';
import { completeCourse } from '../harness/complete-course.ts';
import { axeViolations, enterAsLearner, launch, screenshot, tabletContext, watchPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const { index } = loadContent(process.cwd());
const sortingEntry = index.modules.flatMap((m) => m.activities).find((a) => a.type === 'sorting');
if (!sortingEntry) throw new Error('the course has no sorting exercise');
const sorting = JSON.parse(readFileSync(sortingEntry.file, 'utf8')) as SortingScenario;
const binLabel = (id: string) => sorting.bins.find((b) => b.id === id)!.label;
const otherBin = (id: string) => sorting.bins.find((b) => b.id !== id)!.id;
const PIN = '1357';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const poll = expect.poll;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const binOf = (page: Page, cardId: string) => page.locator(`[data-card="${cardId}"]`).evaluate((el) => el.closest('[data-bin]')?.getAttribute('data-bin') ?? null);
/** The build's typographer puts no-break spaces into content text: compare words, not space kinds. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');
const announced = (page: Page) => page.locator('[aria-live="polite"]').first().textContent().then(plain);

async function assertSound(page: Page, name: string) {
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: no sideways scrolling`).toBeLessThanOrEqual(0);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
}

async function openSorting(context: BrowserContext) {
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(`${baseUrl}#/exercise/${sorting.id}`);
  await enterAsLearner(page, 'Анна');
  await poll(() => h1(page)).toBe(sorting.title);
  await page.getByRole('heading', { name: 'Разложите карточки' }).waitFor();
  return { page, watch };
}

/** Checks, expects each misplaced card named with its reason, then the exercise still open. */
async function checkNamesMistakes(page: Page, wrong: string[]) {
  await page.getByRole('button', { name: 'Проверить' }).click();
  const feedback = page.getByRole('status').filter({ hasText: 'Не на месте' });
  await poll(() => feedback.count()).toBe(1);
  const text = plain(await feedback.textContent());
  expect(text).toContain(`Верно ${sorting.cards.length - wrong.length} из ${sorting.cards.length}`);
  for (const id of wrong) {
    const card = sorting.cards.find((c) => c.id === id)!;
    expect(text).toContain(`«${card.text}» — не «${binLabel(otherBin(card.bin))}». ${card.why}`);
  }
  for (const card of sorting.cards.filter((c) => !wrong.includes(c.id))) expect(text).not.toContain(card.why);
}

async function finish(page: Page) {
  await page.getByRole('button', { name: 'Проверить' }).click();
  await page.getByRole('heading', { name: 'Упражнение выполнено' }).waitFor();
  expect(await page.getByText('Всё верно!').count()).toBe(1);
}

describe('«Две компании»', () => {
  it('is sorted by keyboard alone: buttons on every card, every move announced, mistakes named', async () => {
    const context = await tabletContext(browser);
    const { page, watch } = await openSorting(context);
    const [first, ...rest] = sorting.cards;
    // The first card goes to the wrong bin on purpose, by Enter on its button.
    const wrongButton = page.getByRole('button', { name: `В «${binLabel(otherBin(first!.bin))}»: ${first!.text}` });
    await wrongButton.focus();
    await page.keyboard.press('Enter');
    await poll(() => binOf(page, first!.id)).toBe(otherBin(first!.bin));
    await poll(() => announced(page)).toBe(`«${first!.text}» — в колонке «${binLabel(otherBin(first!.bin))}». Разложено 1 из ${sorting.cards.length}.`);
    // Focus stays with the card that moved, so the keyboard user is not thrown to the top.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-card]')?.getAttribute('data-card'))).toBe(first!.id);
    // Checking too early says how many are left and names nobody.
    await page.getByRole('button', { name: 'Проверить' }).press('Enter');
    await poll(() => page.getByRole('status').filter({ hasText: 'Сначала разложите все карточки' }).textContent()).toContain(`осталось ${rest.length}`);
    for (const card of rest) {
      await page.getByRole('button', { name: `В «${binLabel(card.bin)}»: ${card.text}` }).press('Enter');
      await poll(() => binOf(page, card.id)).toBe(card.bin);
    }
    await checkNamesMistakes(page, [first!.id]);
    expect(await page.locator(`[data-card="${first!.id}"]`).getByText('Не на месте').count()).toBe(1);
    await assertSound(page, 'sorting with feedback');
    await screenshot(page, 'media-sorting-feedback');
    await page.getByRole('button', { name: `В «${binLabel(first!.bin)}»: ${first!.text}` }).press('Enter');
    await finish(page);
    // The first complete check had one card wrong: that is the first-try accuracy, saved like any exercise.
    const score = Math.round((100 * (sorting.cards.length - 1)) / sorting.cards.length);
    expect(await page.getByText(`Точность с первых попыток: ${score} из 100`).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Разложите карточки' }).waitFor();
    await page.goto(`${baseUrl}#/module/${sortingEntry.moduleId}`);
    await poll(() => page.getByRole('link', { name: new RegExp(sorting.title) }).count()).toBeGreaterThan(0);
    watch.assertClean();
    await context.close();
  });

  it('is sorted by taps: a card, then «Положить сюда»', async () => {
    const context = await tabletContext(browser);
    const { page, watch } = await openSorting(context);
    for (const card of sorting.cards) {
      const handle = page.locator(`[data-card="${card.id}"] [data-control="handle"]`);
      await handle.tap();
      await poll(() => handle.getAttribute('aria-pressed')).toBe('true');
      await poll(() => announced(page)).toContain(`Выбрана карточка «${card.text}»`);
      await page.getByRole('button', { name: `Положить сюда: ${binLabel(card.bin)}` }).tap();
      await poll(() => binOf(page, card.id)).toBe(card.bin);
    }
    expect(await page.getByRole('button', { name: /^Положить сюда/ }).count()).toBe(0);
    await finish(page);
    expect(await page.getByText('Точность с первых попыток: 100 из 100').count()).toBe(1);
    watch.assertClean();
    await context.close();
  });

  it('is sorted by real touch drag, a card following the finger into a bin', async () => {
    const context = await tabletContext(browser);
    const { page, watch } = await openSorting(context);
    const cdp = await context.newCDPSession(page);
    const height = page.viewportSize()!.height;
    type Point = { x: number; y: number };
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: Point) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [at] : [] });
    /** The finger slides in small steps, as a real one sends moves. */
    async function slide(from: Point, to: Point) {
      for (let i = 1; i <= 10; i++) await touch('touchMove', { x: from.x + ((to.x - from.x) * i) / 10, y: from.y + ((to.y - from.y) * i) / 10 });
      return to;
    }
    for (const card of sorting.cards) {
      const handle = page.locator(`[data-card="${card.id}"] [data-control="handle"]`);
      const zone = page.locator(`[data-bin="${card.bin}"]`);
      const box = async () => (await zone.boundingBox())!;
      await handle.scrollIntoViewIfNeeded();
      const from = (await handle.boundingBox())!;
      let at: Point = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
      await touch('touchStart', at);
      let bin = await box();
      // A bin out of view: the learner holds the card still at that edge until the page brings the bin in.
      const below = bin.y + 40 > height - 60;
      const above = bin.y + bin.height < 60;
      if (below || above) {
        at = await slide(at, { x: bin.x + bin.width / 2, y: below ? height - 10 : 10 });
        await poll(async () => { const b = await box(); return below ? b.y + 40 < height - 100 : b.y + b.height > 100; }, { timeout: 15_000 }).toBe(true);
        // Out of the edge band, so the page stops scrolling, then onto the bin where it is now.
        at = { x: at.x, y: height / 2 };
        await touch('touchMove', at);
        bin = await box();
      }
      const top = Math.max(bin.y, 0);
      const bottom = Math.min(bin.y + bin.height, height);
      await slide(at, { x: bin.x + bin.width / 2, y: Math.min(top + 30, (top + bottom) / 2) });
      await poll(() => zone.evaluate((el) => el.classList.contains('over'))).toBe(true);
      await touch('touchEnd');
      await poll(() => binOf(page, card.id)).toBe(card.bin);
      await poll(() => announced(page)).toContain(`«${card.text}» — в колонке «${binLabel(card.bin)}»`);
    }
    await screenshot(page, 'media-sorting-dragged');
    await finish(page);
    watch.assertClean();
    await context.close();
  });
});

/** Writes records straight into the learner's IndexedDB (as a backup import would) and reloads. */
async function seed(page: Page, records: { type: 'lesson' | 'activity'; key: string; data: unknown }[]) {
  await page.evaluate(async (records) => {
    const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const db = await ask(indexedDB.open('silnoe-zveno'));
    const store = db.transaction('records', 'readwrite').objectStore('records');
    const settings = (await ask(store.get('device/settings'))) as { data: { currentProfileId: string } };
    for (const r of records) await ask(store.put({ v: 1, type: r.type, data: r.data }, `learner/${settings.data.currentProfileId}/${r.type}/${r.key}`));
    db.close();
  }, records);
  await page.reload();
}

const ANSWERS = { suppliers: 'Склад и кухня', clients: 'Официанты зала', change: 'Сразу говорить повару об аллергии гостя' };

async function writeReflection(page: Page) {
  await page.goto(`${baseUrl}#/reflection`);
  await poll(() => h1(page)).toBe('Моя цепочка');
  await page.getByLabel('Кто обеспечивает мою работу').fill(ANSWERS.suppliers);
  await page.getByLabel('Кто мои внутренние клиенты').fill(ANSWERS.clients);
  await page.getByLabel('Что я буду делать иначе').fill(ANSWERS.change);
  await page.getByRole('button', { name: 'Сохранить' }).tap();
  await page.getByRole('status').filter({ hasText: 'Сохранено на этом устройстве.' }).waitFor();
}

async function managerOpens(boss: Page, link: string): Promise<string> {
  await boss.goto(link);
  await poll(() => h1(boss)).toBe('Отчёт сотрудника');
  const add = boss.getByRole('button', { name: 'Добавить в таблицу команды' });
  const newPin = boss.getByLabel('Повторите PIN-код');
  await poll(async () => (await add.count()) + (await newPin.count())).toBeGreaterThan(0);
  if ((await newPin.count()) > 0) {
    await boss.getByLabel('PIN-код из 4 цифр').fill(PIN);
    await boss.getByLabel('Повторите PIN-код').fill(PIN);
    await boss.getByRole('button', { name: 'Задать PIN и войти' }).tap();
  }
  await add.waitFor();
  return (await boss.locator('dl.summary').textContent()) ?? '';
}

describe('«Моя цепочка»', () => {
  it('is kept offline, printed after the certificate, and reaches the manager only after consent', async () => {
    const learnerContext = await tabletContext(browser);
    const page = await learnerContext.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Иван Смирнов');
    await writeReflection(page);
    await assertSound(page, 'reflection');
    await screenshot(page, 'media-reflection');
    // Kept: a reload shows the answers again.
    await page.reload();
    await poll(() => page.getByLabel('Что я буду делать иначе').inputValue()).toBe(ANSWERS.change);

    // The report without consent: the box is unticked and says nothing will be sent.
    await page.goto(`${baseUrl}#/report`);
    await page.getByRole('checkbox', { name: 'Отправить руководителю мои ответы «Моя цепочка»' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Моя цепочка/ }).isChecked()).toBe(false);
    expect(await page.getByText('Ответы «Моя цепочка» в отчёт не попадут.').count()).toBe(1);
    const withoutConsent = await page.getByLabel('Ссылка на отчёт').inputValue();

    // With consent: before anything is sent, the screen shows exactly what will go.
    await page.getByRole('checkbox', { name: /Моя цепочка/ }).tap();
    await page.getByText('Вместе с результатами будет отправлено:').waitFor();
    const preview = (await page.locator('section.consent dl').textContent()) ?? '';
    for (const answer of Object.values(ANSWERS)) expect(preview).toContain(answer);
    await poll(() => page.getByLabel('Ссылка на отчёт').inputValue()).not.toBe(withoutConsent);
    const withConsent = await page.getByLabel('Ссылка на отчёт').inputValue();
    await assertSound(page, 'report with consent');
    await screenshot(page, 'media-report-consent');

    const managerContext = await tabletContext(browser);
    const boss = await managerContext.newPage();
    const bossWatch = watchPage(boss, origin);
    const before = await managerOpens(boss, withoutConsent);
    expect(before).toContain('Иван Смирнов');
    for (const answer of Object.values(ANSWERS)) expect(before).not.toContain(answer);
    const after = await managerOpens(boss, withConsent);
    for (const answer of Object.values(ANSWERS)) expect(after).toContain(answer);
    await boss.getByRole('button', { name: 'Добавить в таблицу команды' }).tap();
    await boss.goto(`${baseUrl}#/manager/team`);
    const shared = boss.getByRole('region', { name: 'Размышления «Моя цепочка»' });
    await poll(() => shared.getByText(ANSWERS.change).count()).toBe(1);
    await assertSound(boss, 'team with reflections');

    // Printed with the certificate: the certificate sheet, then the answers on the next one.
    const finished = Date.now() - 60_000;
    const done = completeCourse(index, finished, 95);
    await seed(page, [...done.lessons.map((l) => ({ type: 'lesson' as const, key: l.lessonId, data: l })), ...done.activities.map((a) => ({ type: 'activity' as const, key: a.key, data: a }))]);
    await page.goto(`${baseUrl}#/certificate`);
    await page.getByRole('heading', { name: 'Моя цепочка' }).waitFor();
    expect(await page.locator('.sz-print-also').textContent()).toContain(ANSWERS.clients);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdfPages(pdf), 'certificate + reflection').toBe(2);
    const text = await printedText(page);
    expect(text).toContain(ANSWERS.change);
    expect(text).not.toContain('Настройки');
    watch.assertClean();
    bossWatch.assertClean();
    await managerContext.close();
    await learnerContext.close();
  });
});

/** Pages in a PDF made by Chromium: one `/Type /Page` object per page. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The text that print media shows (the elements not hidden by the print stylesheet). */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.evaluate(() => document.body.innerText);
  await page.emulateMedia({ media: 'screen' });
  return text;
}

describe('printable pages', () => {
  it.each([
    ['summary', 'Сильное звено: памятка курса', 'Четыре мысли курса'],
    ['manager/briefing', 'Пятиминутка перед сменой: 10 минут о цепочке', 'Вопросы для обсуждения'],
  ])('#/%s prints on exactly one A4 page, without the app around it', async (route, title, section) => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${baseUrl}#/${route}`);
    await poll(() => h1(page)).toBe(title);
    if (route === 'summary') await poll(() => page.locator('dl.terms dt').count()).toBe(7);
    expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true })), route).toBe(1);
    const text = await printedText(page);
    expect(text).toContain(section);
    expect(text).not.toContain('Для руководителя');
    expect(text).not.toContain('Печать');
    await assertSound(page, route);
    await screenshot(page, `media-${route.replace('/', '-')}`);
    watch.assertClean();
    await context.close();
  });
});

/**
 * Replaces speech synthesis with a recorder: `__spoken` collects what was queued, `__finish()`
 * ends the utterance being spoken as an engine would. With `russian` false there is no Russian voice.
 */
function recorder(russian: boolean) {
  const w = window as unknown as Record<string, unknown>;
  const spoken: string[] = [];
  let current: { onend?: (() => void) | null } | null = null;
  const voices = [{ lang: 'en-US', name: 'English', localService: true, default: true, voiceURI: 'en' }, ...(russian ? [{ lang: 'ru-RU', name: 'Русский', localService: true, default: false, voiceURI: 'ru' }] : [])];
  const fake = {
    speaking: false,
    paused: false,
    pending: false,
    getVoices: () => voices,
    speak(u: { text: string; lang: string; onend?: () => void }) {
      spoken.push(`${u.lang}|${u.text}`);
      current = u;
    },
    cancel() {
      current = null;
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  w.__spoken = spoken;
  w.__finish = () => {
    const u = current;
    current = null;
    u?.onend?.();
  };
}

describe('«Слушать»', () => {
  const lesson = index.modules[0]!.lessons[1]!;
  const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.slice());
  const reading = (page: Page) => page.locator('.reading .is-reading').evaluateAll((els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));

  it('reads the lesson in a Russian voice, paragraph by paragraph, highlighted, with pause and resume', async () => {
    const context = await tabletContext(browser);
    await context.addInitScript(recorder, true);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
    await enterAsLearner(page, 'Анна');
    await poll(() => h1(page)).toBe(lesson.title);
    const blocks = await page.locator('.reading').locator('p, li').evaluateAll((els) => els.filter((e) => !e.querySelector('p, li')).map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '').filter(Boolean));
    await page.getByRole('button', { name: 'Слушать' }).tap();
    await poll(() => spoken(page)).toHaveLength(1);
    const [first] = await spoken(page);
    expect(first!.startsWith('ru-RU|')).toBe(true);
    expect(blocks[0]!.startsWith(first!.slice('ru-RU|'.length))).toBe(true);
    await poll(() => reading(page)).toEqual([blocks[0]]);
    await assertSound(page, 'lesson while reading');
    await screenshot(page, 'media-listen');

    // The engine finishes the utterances of the first paragraph: the highlight moves on.
    await poll(async () => {
      await page.evaluate(() => (window as unknown as { __finish: () => void }).__finish());
      return reading(page);
    }).toEqual([blocks[1]]);
    const heard = (await spoken(page)).length;
    // Pause: silence, the paragraph stays marked; resume starts that utterance again.
    await page.getByRole('button', { name: 'Пауза' }).tap();
    await page.getByRole('button', { name: 'Продолжить' }).waitFor();
    expect(await reading(page)).toEqual([blocks[1]]);
    await page.getByRole('button', { name: 'Продолжить' }).tap();
    await poll(() => spoken(page)).toHaveLength(heard + 1);
    const again = await spoken(page);
    expect(again[heard]).toBe(again[heard - 1]);
    // Stop: nothing marked any more.
    await page.getByRole('button', { name: 'Остановить' }).tap();
    await poll(() => reading(page)).toEqual([]);
    watch.assertClean();
    await context.close();
  });

  it('is not offered on a device without a Russian voice', async () => {
    const context = await tabletContext(browser);
    await context.addInitScript(recorder, false);
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
    await enterAsLearner(page, 'Анна');
    await page.locator('.reading').waitFor();
    expect(await page.getByRole('button', { name: 'Слушать' }).count()).toBe(0);
    await context.close();
  });
});

describe('pictures and the glossary', () => {
  it('each lesson has its picture with a text alternative, and a term leads to the glossary', async () => {
    const context = await tabletContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Анна');
    for (const lesson of index.modules.flatMap((m) => m.lessons)) {
      await page.goto(`${baseUrl}#/lesson/${lesson.id}`);
      const picture = page.locator(`svg[data-picture="${lesson.id}"]`);
      await picture.waitFor();
      expect(await picture.getAttribute('role')).toBe('img');
      // The description, in words: it comes with the lesson's text (picture-words.ts), never as its key.
      expect((await picture.locator('title').textContent()) ?? '').toMatch(/^Рисунок: .{30,}/);
    }
    await page.goto(`${baseUrl}#/lesson/${index.modules[2]!.lessons[0]!.id}`);
    const term = page.locator('.reading a.term').first();
    await term.waitFor();
    const word = (await term.textContent())!;
    await term.tap();
    await poll(() => h1(page)).toBe('Словарь курса');
    // The terms arrive with the glossary's own chunk, a moment after the heading: wait for the mark.
    const target = page.locator('.term.is-target dt');
    await target.first().waitFor();
    expect(await target.count()).toBe(1);
    expect(word.toLowerCase()).toContain(((await target.textContent()) ?? '').toLowerCase().slice(0, 4));
    watch.assertClean();
    await context.close();
  });

  it.each([
    [820, 1180, 'light'],
    [360, 740, 'dark'],
  ] as const)('new screens are axe-clean at %i px (%s)', async (width, height, colorScheme) => {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, colorScheme, locale: 'ru-RU' });
    await context.addInitScript(recorder, true);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(baseUrl);
    await enterAsLearner(page, 'Анна');
    const screens: [string, string][] = [
      [`exercise/${sorting.id}`, sorting.title],
      [`lesson/${index.modules[1]!.lessons[0]!.id}`, index.modules[1]!.lessons[0]!.title],
      ['glossary/zveno', 'Словарь курса'],
      ['summary', 'Сильное звено: памятка курса'],
      ['reflection', 'Моя цепочка'],
      ['manager/briefing', 'Пятиминутка перед сменой: 10 минут о цепочке'],
      [`module/${index.modules[0]!.id}`, index.modules[0]!.title],
      ['', ''],
    ];
    for (const [route, title] of screens) {
      await page.goto(`${baseUrl}#/${route}`);
      if (route) await poll(() => h1(page)).toBe(title);
      else await page.locator('h1').waitFor();
      await page.locator('svg').first().waitFor();
      await assertSound(page, `${route || 'home'} at ${width}`);
      await screenshot(page, `media-${width}-${route.replace(/\//g, '-') || 'home'}`);
    }
    watch.assertClean();
    await context.close();
  });
});
