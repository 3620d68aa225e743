/**
 * Stale tabs and the manager area's lock, on the built app in Chromium with real IndexedDB: two
 * pages of one browser context are two tabs of one tablet. An older tab must reload what another
 * tab changed and never write back its whole copy: it cannot clear the manager PIN, reopen a
 * learner who was signed out, or undo the current learner, the roster, a learner's PIN, the
 * language or the manager's data. The manager area locks when the learner side is entered (also
 * through «Главная»), after the idle time wherever the app is (fake clock), and on reload; a
 * damaged record never unlocks it nor offers a new PIN over the manager's data.
 *
 * On the starting main (9c106f2) settings were saved as each tab's whole copy (the manager PIN
 * inside them) and never reloaded, and the manager idle check ran only on manager screens: the
 * first, second, fourth and idle cases failed there, and a damaged settings record offered
 * «Задайте PIN-код руководителя».
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encode, linkTo } from '../../src/lib/manager/codec.ts';
import type { Report } from '../../src/lib/exchange/types.ts';
import { loadContent } from '../../src/build/load-content.ts';
import { enterAsLearner, h1, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
const MANAGER_PIN = '4821';
const ROSTER = 'Кто сейчас учится?';
useBrowser();

// ── the stored records, read and crafted in the real IndexedDB ──────────────────────────────

/**
 * One request on the app's object store in the page: `get` a record's `data`, all `keys`, or `put`
 * a raw value (a crafted or damaged record). Plain functions, as the page's CSP forbids eval.
 */
function onRecords<T>(page: Page, op: { kind: 'get'; key: string } | { kind: 'keys' } | { kind: 'put'; key: string; value: unknown }): Promise<T> {
  return page.evaluate(async (op) => {
    const ask = <R>(r: IDBRequest<R>) => new Promise<R>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const db = await ask(indexedDB.open('silnoe-zveno'));
    try {
      const store = db.transaction('records', 'readwrite').objectStore('records');
      if (op.kind === 'keys') return (await ask(store.getAllKeys())).map(String);
      if (op.kind === 'put') return void (await ask(store.put(op.value, op.key)));
      return ((await ask(store.get(op.key))) as { data?: unknown } | undefined)?.data ?? null;
    } finally {
      db.close();
    }
  }, op) as Promise<T>;
}

/** The `data` of a stored record, or null. */
const stored = (page: Page, key: string) => onRecords<Record<string, unknown> | string | null>(page, { kind: 'get', key });

/** Every stored key. */
const storedKeys = (page: Page) => onRecords<string[]>(page, { kind: 'keys' });

/** Writes a raw value under a key (a crafted or damaged record). */
const putRaw = (page: Page, key: string, value: unknown) => onRecords<void>(page, { kind: 'put', key, value });

/** The stored device settings. */
const settings = async (page: Page) => (await stored(page, 'device/settings')) as { currentProfileId: string | null; idleMinutes: number; managerPin?: unknown } | null;

// ── screens ─────────────────────────────────────────────────────────────────────────────────

/** Waits until a learner is signed in on the page (their name in the header). */
const signedIn = (page: Page) => page.locator('header .who').first().waitFor({ state: 'attached' });

/** A second tab of the same tablet, opened on the course now. */
async function secondTab(page: Page, hash = ''): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto(`${baseUrl}${hash}`);
  await tab.getByRole('heading', { level: 1 }).waitFor();
  return tab;
}

const setPinHeading = (page: Page) => page.getByRole('heading', { name: 'Задайте PIN-код руководителя' });
const enterPinHeading = (page: Page) => page.getByRole('heading', { name: 'Введите PIN-код руководителя' });
const logout = (page: Page) => page.getByRole('button', { name: 'Выйти' });

/** Sets the manager PIN on first use; the area opens. */
async function setManagerPin(page: Page): Promise<void> {
  await page.goto(`${baseUrl}#/manager`);
  await setPinHeading(page).waitFor();
  await page.getByLabel('PIN-код из 4 цифр').fill(MANAGER_PIN);
  await page.getByLabel('Повторите PIN-код').fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Задать PIN и войти' }).click();
  await logout(page).waitFor();
}

/** Opens the manager area with its PIN (the page must show the PIN form). */
async function enterManager(page: Page): Promise<void> {
  await enterPinHeading(page).waitFor();
  await page.getByLabel('PIN-код из 4 цифр').fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await logout(page).waitFor();
}

/** The manager area as a visitor finds it: asked for the PIN, never offered a new one, not open. */
async function expectManagerLocked(page: Page): Promise<void> {
  await page.goto(`${baseUrl}#/manager`);
  await expect.poll(() => h1(page)).toBe('Для руководителя');
  await enterPinHeading(page).waitFor();
  expect(await setPinHeading(page).count()).toBe(0);
  expect(await logout(page).count()).toBe(0);
}

/** A report link for a learner (valid, recent). */
function reportLink(learner: string, createdAt: number): string {
  const report: Report = {
    v: 1,
    assignmentId: null,
    due: null,
    learner,
    createdAt,
    modules: index.modules.map((m, i) => (i === 0 ? { id: m.id, status: 'passed' as const, best: 90, attempts: 1, completedAt: createdAt - 60_000 } : { id: m.id, status: 'not-started' as const, best: 0, attempts: 0, completedAt: null })),
  };
  const encoded = encode('report', report);
  if (!encoded.ok) throw new Error(encoded.detail);
  return linkTo('report', encoded.text, baseUrl);
}

async function importReports(page: Page, links: string[], outcome: string): Promise<void> {
  await page.getByLabel('Ссылки на отчёты, по одной в строке').fill(links.join('\n'));
  await page.getByRole('button', { name: 'Добавить из ссылок' }).click();
  await page.getByText(outcome).waitFor();
}

const reportKeys = async (page: Page) => (await storedKeys(page)).filter((k) => k.startsWith('manager/report/')).sort();

// ── stale tabs ──────────────────────────────────────────────────────────────────────────────

describe('an older tab', () => {
  it('keeps the manager PIN set in another tab through «Сменить сотрудника» and a setting; the next visitor is asked for it', async () => {
    await withContext('tablet', async (_context, a) => {
      await a.goto(baseUrl);
      await enterAsLearner(a, 'Анна');
      const b = await secondTab(a, '#/settings'); // opened before the manager set a PIN
      await signedIn(b);
      await expect.poll(() => h1(b)).toBe('Настройки');

      await setManagerPin(a);
      const pin = await stored(a, 'manager/pin');
      expect(pin).not.toBeNull();

      await b.getByLabel('Блокировать курс после простоя').selectOption('30');
      await expect.poll(async () => (await settings(a))?.idleMinutes).toBe(30);
      await b.getByRole('button', { name: /Сменить сотрудника/ }).first().click();
      await expect.poll(() => h1(b)).toBe(ROSTER);
      await expect.poll(async () => (await settings(a))?.currentProfileId ?? null).toBeNull();

      expect(await stored(a, 'manager/pin')).toEqual(pin);
      expect((await settings(a))?.managerPin ?? null).toBeNull(); // no copy left where settings could take it
      const c = await secondTab(a);
      await expectManagerLocked(c);
      await expectManagerLocked(b);
      await enterManager(b); // and it is the same PIN
    });
  }, 120_000);

  it('does not reopen a PIN-protected learner who was signed out in another tab', async () => {
    await withContext('tablet', async (_context, a) => {
      await a.goto(baseUrl);
      await enterAsLearner(a, 'Анна', '2580');
      const b = await secondTab(a, '#/settings');
      await signedIn(b);
      await expect.poll(() => h1(b)).toBe('Настройки');

      await a.getByRole('button', { name: /Сменить сотрудника/ }).first().click();
      await expect.poll(() => h1(a)).toBe(ROSTER);
      await expect.poll(async () => (await settings(a))?.currentProfileId ?? null).toBeNull();
      // The older tab hears of it and closes her progress too.
      await expect.poll(() => h1(b)).toBe(ROSTER);
      // A setting changed there (the language, the idle time of another learner) does not bring her back.
      await b.getByRole('button', { name: 'Eng' }).click();
      await b.getByRole('button', { name: 'Рус' }).click();
      await enterAsLearner(b, 'Борис');
      await b.goto(`${baseUrl}#/settings`);
      await b.getByLabel('Блокировать курс после простоя').selectOption('15');
      await expect.poll(async () => (await settings(a))?.idleMinutes).toBe(15);
      await b.getByRole('button', { name: /Сменить сотрудника/ }).first().click();
      await expect.poll(() => h1(b)).toBe(ROSTER);

      await a.reload();
      await expect.poll(() => h1(a)).toBe(ROSTER);
      await a.getByRole('button', { name: /^Анна/ }).first().click();
      await a.getByLabel(/Введите PIN-код/).waitFor();
      expect(await a.locator('header .who').count()).toBe(0);
    });
  }, 120_000);

  it('shows the current learner, the roster and a learner’s new PIN made in another tab, and keeps them', async () => {
    await withContext('tablet', async (_context, a) => {
      await a.goto(baseUrl);
      await enterAsLearner(a, 'Анна');
      const b = await secondTab(a);
      await signedIn(b);

      // Another learner signs in in the first tab: the older tab closes Анна's progress and lists Борис.
      await a.getByRole('button', { name: /Сменить сотрудника/ }).first().click();
      await enterAsLearner(a, 'Борис');
      const boris = (await settings(a))?.currentProfileId;
      expect(boris).toBeTruthy();
      await expect.poll(() => h1(b)).toBe(ROSTER);
      await b.getByRole('button', { name: /^Борис/ }).first().waitFor();

      // Анна, back in the older tab, protects her progress with a PIN.
      await enterAsLearner(b, 'Анна');
      await b.goto(`${baseUrl}#/settings`);
      await b.locator('#mine-new-pin').fill('1357');
      await b.getByRole('button', { name: 'Сохранить PIN-код' }).click();
      await b.getByText('PIN-код сохранён.').waitFor();
      const anna = (await settings(b))?.currentProfileId;
      expect(anna).toBeTruthy();
      expect(anna).not.toBe(boris);
      await expect.poll(async () => ((await stored(a, `profile/${anna}`)) as { pin: unknown } | null)?.pin ?? null).not.toBeNull();

      // The first tab (Борис was closed there when Анна signed in) asks for her new PIN.
      await expect.poll(() => h1(a)).toBe(ROSTER);
      await a.getByRole('button', { name: /^Анна/ }).first().click();
      await a.getByLabel(/Введите PIN-код/).waitFor();
      // And writes from that older tab (Борис signs in, changes a setting) keep her PIN and her name.
      await a.reload();
      await a.getByRole('heading', { level: 1 }).waitFor();
      if ((await h1(a)) !== ROSTER) {
        await a.getByRole('button', { name: /Сменить сотрудника/ }).first().click();
        await expect.poll(() => h1(a)).toBe(ROSTER);
      }
      await enterAsLearner(a, 'Борис');
      await a.goto(`${baseUrl}#/settings`);
      await a.getByLabel('Блокировать курс после простоя').selectOption('5');
      await expect.poll(async () => (await settings(a))?.idleMinutes).toBe(5);
      expect(((await stored(a, `profile/${anna}`)) as { pin: unknown; name: string }).pin).not.toBeNull();
      expect(((await stored(a, `profile/${anna}`)) as { name: string }).name).toBe('Анна');
    });
  }, 150_000);

  it('follows the language chosen in another tab, and a reload keeps it', async () => {
    await withContext('tablet', async (_context, a) => {
      await a.goto(baseUrl);
      await enterAsLearner(a, 'Анна');
      const b = await secondTab(a);
      await signedIn(b);
      await a.getByRole('button', { name: 'Eng' }).click();
      await expect.poll(() => b.evaluate(() => document.documentElement.lang)).toBe('en');
      await expect.poll(() => b.getByRole('button', { name: 'Eng' }).getAttribute('aria-pressed')).toBe('true');
      await b.getByRole('link', { name: 'Home', exact: true }).first().waitFor({ state: 'attached' });
      await b.reload();
      await expect.poll(() => b.evaluate(() => document.documentElement.lang)).toBe('en');
      await a.getByRole('button', { name: 'Рус' }).click();
      await expect.poll(() => b.evaluate(() => document.documentElement.lang)).toBe('ru');
    });
  }, 90_000);

  it('shows the reports and assignments another tab added to the manager area, and never drops them', async () => {
    await withContext('tablet', async (_context, a) => {
      await a.goto(baseUrl);
      await setManagerPin(a);
      const b = await secondTab(a, '#/manager/team');
      await enterManager(b);
      await expect.poll(() => h1(b)).toBe('Отчёты и команда');

      await a.goto(`${baseUrl}#/manager/team`);
      await expect.poll(() => h1(a)).toBe('Отчёты и команда');
      const now = Date.now();
      await importReports(a, [reportLink('Иван Смирнов', now - 120_000)], 'Добавлен 1 отчёт.');
      // The older tab reads the new report without a reload …
      await expect.poll(() => b.getByText('Иван Смирнов').count()).toBeGreaterThan(0);
      // … and its own import adds to it, never writing back an older list.
      await importReports(b, [reportLink('Пётр Орлов', now - 60_000)], 'Добавлен 1 отчёт.');
      await expect.poll(() => a.getByText('Пётр Орлов').count()).toBeGreaterThan(0);
      expect(await reportKeys(a)).toHaveLength(2);
      // The same report again, from the older tab: said so, nothing changes.
      const before = await reportKeys(a);
      await importReports(b, [reportLink('Иван Смирнов', now - 120_000)], 'Эти отчёты уже есть в таблице.');
      expect(await reportKeys(a)).toEqual(before);

      // An assignment created in one tab shows in the other's list.
      await b.goto(`${baseUrl}#/manager`);
      await expect.poll(() => h1(b)).toBe('Для руководителя');
      await a.goto(`${baseUrl}#/manager/new`);
      await a.getByLabel(new RegExp(index.modules[0]!.title)).check();
      await a.getByLabel('Выполнить до (включительно)').fill(`${new Date().getUTCFullYear() + 1}-06-15`);
      await a.getByLabel(/Ваше имя/).fill('Ольга Петровна');
      await a.getByRole('button', { name: 'Создать задание' }).click();
      await expect.poll(() => h1(a)).toBe('Задание создано');
      await expect.poll(() => b.getByText('Ольга Петровна').count()).toBeGreaterThan(0);
      expect((await storedKeys(a)).filter((k) => k.startsWith('manager/assignment/'))).toHaveLength(1);
      expect(await reportKeys(a)).toEqual(before);
    });
  }, 150_000);
});

// ── the manager area locks itself ───────────────────────────────────────────────────────────

describe('the manager area', () => {
  it('locks when left through «Главная» instead of «Выйти», and on reload', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Анна');
      await setManagerPin(page);
      await page.locator('header').getByRole('link', { name: 'Главная', exact: true }).first().click();
      await expect.poll(() => page.url()).toMatch(/#\/$/);
      await page.locator('footer').getByRole('link', { name: 'Для руководителя' }).click();
      await enterPinHeading(page).waitFor();
      expect(await logout(page).count()).toBe(0);

      await enterManager(page);
      await page.reload();
      await enterPinHeading(page).waitFor();
      expect(await logout(page).count()).toBe(0);
    });
  }, 90_000);

  it('locks after the idle time wherever the app is: on its own screens and on the glossary (fake clock)', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.clock.install();
      await page.goto(baseUrl);
      await setManagerPin(page);
      // Idle on a manager screen: the form comes back by itself.
      await page.clock.fastForward('09:00');
      expect(await logout(page).count()).toBe(1);
      await page.clock.fastForward('01:30');
      await enterPinHeading(page).waitFor();
      expect(await logout(page).count()).toBe(0);

      // Idle elsewhere (the glossary needs no learner and is no learner screen): locked on return.
      await enterManager(page);
      await page.goto(`${baseUrl}#/glossary`);
      await expect.poll(() => h1(page)).not.toBe('Для руководителя');
      await page.clock.fastForward('10:30');
      await page.locator('footer').getByRole('link', { name: 'Для руководителя' }).click();
      await enterPinHeading(page).waitFor();
      expect(await logout(page).count()).toBe(0);
    });
  }, 90_000);

  it('locks the area and the learner at the first tap after a pause its timers missed (a tablet woken up)', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.clock.install();
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Жанна');
      await setManagerPin(page);
      // The clock jumps ahead without any timer running, as when a sleeping tablet wakes up.
      const now = await page.evaluate(() => Date.now());
      await page.clock.setSystemTime(now + 11 * 60_000);
      expect(await logout(page).count()).toBe(1);
      await page.getByRole('heading', { level: 1 }).click();
      await enterPinHeading(page).waitFor();
      expect(await logout(page).count()).toBe(0);
      await expect.poll(() => page.locator('header .who').count()).toBe(0);
      await expect.poll(async () => (await settings(page))?.currentProfileId ?? null).toBeNull();
    });
  }, 90_000);

  it('stays locked when the settings record is damaged, and a damaged PIN record offers only the typed reset', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await setManagerPin(page);
      await page.goto(`${baseUrl}#/manager/team`);
      await importReports(page, [reportLink('Иван Смирнов', Date.now() - 60_000)], 'Добавлен 1 отчёт.');
      const reports = await reportKeys(page);

      await putRaw(page, 'device/settings', { v: 1, type: 'settings', data: 'garbage' });
      await page.reload();
      await expectManagerLocked(page);
      expect(await reportKeys(page)).toEqual(reports);

      await putRaw(page, 'manager/pin', { v: 1, type: 'managerPin', data: { salt: 'x', hash: 'y', iterations: 1 } });
      await page.reload();
      await page.getByRole('heading', { name: 'Сброс раздела руководителя' }).waitFor();
      expect(await setPinHeading(page).count()).toBe(0);
      expect(await logout(page).count()).toBe(0);
      await page.getByLabel('Чтобы удалить, введите слово УДАЛИТЬ').fill('да');
      await page.getByRole('button', { name: 'Удалить данные руководителя' }).click();
      await page.getByRole('alert').filter({ hasText: 'Слово введено неверно — ничего не удалено.' }).waitFor();
      expect(await reportKeys(page)).toEqual(reports);
      await page.reload();
      await page.getByRole('heading', { name: 'Сброс раздела руководителя' }).waitFor();

      await page.getByLabel('Чтобы удалить, введите слово УДАЛИТЬ').fill('УДАЛИТЬ');
      await page.getByRole('button', { name: 'Удалить данные руководителя' }).click();
      await setPinHeading(page).waitFor();
      expect(await reportKeys(page)).toEqual([]);
      expect(await logout(page).count()).toBe(0);
    });
  }, 120_000);
});
