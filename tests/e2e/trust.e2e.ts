/**
 * Trust: crafted files and links, and PIN guessing, on the built app in Chromium with real
 * IndexedDB. Each case failed on the starting main (9c106f2): a backup with a `<victimId>/lesson`
 * id wrote into a PIN-protected learner; `8.64e15` and `"…+05"` in a backup passed the checks; a
 * forged assignment reusing a real id showed as already accepted; wrong PINs cost nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { encode, linkTo } from '../../src/lib/manager/codec.ts';
import type { Assignment } from '../../src/lib/exchange/types.ts';
import { backupText, makeBackup } from '../../src/lib/progress/backup.ts';
import { crc32, fnv1a64Hex } from '../../src/lib/encoding/checksum.ts';
import type { Report } from '../../src/lib/exchange/types.ts';
import { completeCourse } from '../harness/complete-course.ts';
import { enterAsLearner, h1, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
const { index } = loadContent(process.cwd());
let files: string;
useBrowser();

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'sz-trust-'));
});
afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
}

/** Every key of the app's database. */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const db = await ask(indexedDB.open('silnoe-zveno'));
    try {
      return (await ask(db.transaction('records', 'readonly').objectStore('records').getAllKeys())).map(String);
    } finally {
      db.close();
    }
  });
}

/** The id of the learner signed in now. */
async function currentId(page: Page): Promise<string> {
  let id = '';
  await expect
    .poll(async () => {
      const keys = await storedKeys(page);
      id = keys.find((k) => k.startsWith('profile/'))?.slice('profile/'.length) ?? '';
      return id;
    })
    .not.toBe('');
  return id;
}

/** A backup whose body was edited after it was made, with its checksum made right again. */
function crafted(edit: (body: Record<string, unknown>) => void): string {
  const finished = Date.UTC(2025, 4, 15, 10);
  const backup = makeBackup({ id: '5c0e1b2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d', name: 'Гость', pin: null, createdAt: finished }, { ...completeCourse(index, finished, 70), meta: null }, finished);
  const { checksum: _, ...body } = JSON.parse(backupText(backup)) as Record<string, unknown>;
  edit(body);
  return JSON.stringify({ ...body, checksum: fnv1a64Hex(JSON.stringify(body)) });
}

async function loadBackup(page: Page, name: string, text: string) {
  await page.goto(`${baseUrl}#/settings`);
  await expect.poll(() => h1(page)).toBe('Настройки');
  await page.getByLabel('Загрузить из файла').setInputFiles(file(name, text));
}

describe('crafted backups', () => {
  it('a backup whose id is a protected learner\'s id + "/lesson" is refused and writes nothing', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Анна', '2580');
      const anna = await currentId(page);
      await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
      await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
      await enterAsLearner(page, 'Борис');
      const before = await storedKeys(page);

      await loadBackup(page, 'prefix.json', crafted((b) => ((b.profile as { id: string }).id = `${anna}/lesson`)));
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Файл повреждён или изменён' }).count()).toBe(1);
      const after = await storedKeys(page);
      expect(after.filter((k) => k.includes(anna))).toEqual(before.filter((k) => k.includes(anna)));
      expect(after.some((k) => k.startsWith(`profile/${anna}/`) || k.startsWith(`learner/${anna}/lesson/lesson`))).toBe(false);
    });
  }, 60_000);

  it.each<[string, (b: Record<string, unknown>) => void]>([
    ['a time of 8.64e15', (b) => ((b.lessons as { finishedAt: number | null }[])[0]!.finishedAt = 8.64e15)],
    ['a time of 1e300', (b) => ((b.activities as { attempts: { finishedAt: number }[] }[])[0]!.attempts[0]!.finishedAt = 1e300)],
    ['an export time Date cannot parse', (b) => (b.exportedAt = '2024-01-01T23:59:59+05')],
  ])('a backup with %s is refused with a clear message, never a crash', async (_, edit) => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Вера');
      await loadBackup(page, 'unbounded.json', crafted(edit));
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Файл повреждён или изменён' }).count()).toBe(1);
      expect(await page.getByText('Что-то пошло не так').count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Что изменится' }).count()).toBe(0);
    });
  }, 60_000);
});

describe('forged assignment', () => {
  it('another assignment reusing an accepted one\'s id does not show as accepted', async () => {
    const real: Assignment = { v: 1, id: 'k7m2q9x4ab', createdAt: Date.now() - 60_000, due: '2030-05-20', modules: [index.modules[0]!.id], note: 'Настоящее задание', manager: 'Ольга' };
    const forged: Assignment = { ...real, note: 'Подделка', modules: index.modules.map((m) => m.id).slice(0, 2) };
    const link = (a: Assignment) => {
      const encoded = encode('assignment', a);
      if (!encoded.ok) throw new Error(encoded.detail);
      return linkTo('assignment', encoded.text, baseUrl);
    };
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Гриша');
      await page.goto(link(real));
      await page.getByRole('button', { name: 'Принять задание' }).tap();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Задание принято' }).count()).toBe(1);

      await page.goto(link(forged));
      await page.reload();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Другое задание с тем же номером' }).count()).toBe(1);
      expect(await page.getByText('Это задание уже принято.').count()).toBe(0);
    });
  }, 60_000);
});

describe('PIN guessing', () => {
  it('after five wrong PINs the next try waits, the wait is shown, and a reload does not reset it', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Анна', '2580');
      await page.getByRole('button', { name: /Сменить сотрудника/ }).tap();
      await expect.poll(() => h1(page)).toBe('Кто сейчас учится?');
      await page.getByRole('button', { name: /^Анна/ }).first().click();
      const pin = page.getByLabel(/Введите PIN-код/);
      for (let i = 0; i < 5; i++) {
        await pin.fill('1111');
        await page.getByRole('button', { name: 'Открыть' }).click();
        await expect.poll(() => pin.inputValue()).toBe('');
      }
      await expect.poll(() => page.getByRole('alert').filter({ hasText: /Попробуйте снова через \d+ с/ }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Открыть' }).isDisabled()).toBe(true);

      await page.reload();
      await page.getByRole('button', { name: /^Анна/ }).first().click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: /Попробуйте снова через \d+ с/ }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Открыть' }).isDisabled()).toBe(true);
    });
  }, 90_000);
});

/**
 * The key the starting main (9c106f2) kept a report under: the CRC-32 of its JSON with the moment
 * left out (fields in the order the link's schema gives them).
 */
const oldReportKey = (r: Report) =>
  crc32(new TextEncoder().encode(JSON.stringify({ v: r.v, assignmentId: r.assignmentId, due: r.due, learner: r.learner, createdAt: 0, modules: r.modules.map((m) => ({ id: m.id, status: m.status, best: m.best, attempts: m.attempts, completedAt: m.completedAt })) })));

/**
 * A learner name of latin letters whose report has the CRC-32 `target`: CRC-32 is affine over
 * GF(2), so flipping the case of letters (one bit each) moves it linearly; 48 letters give enough
 * independent moves to reach any of the 2^32 values (solved by Gaussian elimination).
 */
function collidingName(target: number, reportOf: (name: string) => Report): string {
  const letters = 'forgedstaffmembernamewithenoughlettersformovingcrc'.slice(0, 48).split('');
  const at = (flips: bigint) => `Pyotr ${letters.map((c, i) => ((flips >> BigInt(i)) & 1n ? c.toUpperCase() : c)).join('')}`;
  const base = oldReportKey(reportOf(at(0n)));
  const basis = new Map<number, { v: number; m: bigint }>();
  letters.forEach((_, i) => {
    let v = (oldReportKey(reportOf(at(1n << BigInt(i)))) ^ base) >>> 0;
    let m = 1n << BigInt(i);
    for (let bit = 31; bit >= 0; bit--) {
      if (!((v >>> bit) & 1)) continue;
      const row = basis.get(bit);
      if (!row) return void basis.set(bit, { v, m });
      v = (v ^ row.v) >>> 0;
      m ^= row.m;
    }
  });
  let want = (base ^ target) >>> 0;
  let flips = 0n;
  for (let bit = 31; bit >= 0; bit--) {
    if (!((want >>> bit) & 1)) continue;
    const row = basis.get(bit);
    if (!row) throw new Error('letters do not span every CRC-32');
    want = (want ^ row.v) >>> 0;
    flips ^= row.m;
  }
  return at(flips);
}

describe('forged report', () => {
  it('one crafted to collide with a real report by CRC-32 never replaces it; re-importing the real one says so and changes nothing', async () => {
    const now = Date.now();
    const report = (learner: string, createdAt: number, best: number): Report => ({
      v: 1,
      assignmentId: null,
      due: null,
      learner,
      createdAt,
      modules: index.modules.map((m, i) => (i === 0 ? { id: m.id, status: 'passed' as const, best, attempts: 1, completedAt: createdAt - 60_000 } : { id: m.id, status: 'not-started' as const, best: 0, attempts: 0, completedAt: null })),
    });
    const real = report('Иван Смирнов', now - 120_000, 95);
    const forgedName = collidingName(oldReportKey(real), (name) => report(name, now - 60_000, 40));
    const forged = report(forgedName, now - 60_000, 40);
    expect(oldReportKey(forged), 'the crafted report collides by CRC-32').toBe(oldReportKey(real));
    const link = (r: Report) => {
      const encoded = encode('report', r);
      if (!encoded.ok) throw new Error(encoded.detail);
      return linkTo('report', encoded.text, baseUrl);
    };
    const reportKeys = async (page: Page) => (await storedKeys(page)).filter((k) => k.startsWith('manager/report/')).sort();
    const paste = async (page: Page, r: Report, outcome: string) => {
      await page.getByLabel('Ссылки на отчёты, по одной в строке').fill(link(r));
      await page.getByRole('button', { name: 'Добавить из ссылок' }).click();
      await page.getByText(outcome).waitFor();
    };

    await withContext('tablet', async (_context, page) => {
      await page.goto(`${baseUrl}#/manager`);
      await page.getByLabel('PIN-код из 4 цифр').fill('4821');
      await page.getByLabel('Повторите PIN-код').fill('4821');
      await page.getByRole('button', { name: 'Задать PIN и войти' }).click();
      await page.getByRole('button', { name: 'Выйти' }).waitFor();
      await page.goto(`${baseUrl}#/manager/team`);
      await expect.poll(() => h1(page)).toBe('Отчёты и команда');

      await paste(page, real, 'Добавлен 1 отчёт.');
      const realKeys = await reportKeys(page);
      await paste(page, forged, 'Добавлен 1 отчёт.');
      const both = await reportKeys(page);
      expect(both).toHaveLength(2);
      expect(both).toEqual(expect.arrayContaining(realKeys));
      await page.getByText('Все строки таблицы').click();
      const table = page.getByRole('region', { name: 'Таблица команды (прокручивается вбок)' });
      // One row per module of each learner.
      const rows = index.modules.length;
      await expect.poll(() => table.getByRole('row').filter({ hasText: 'Иван Смирнов' }).count()).toBe(rows);
      await expect.poll(() => table.getByRole('row').filter({ hasText: forgedName }).count()).toBe(rows);

      await paste(page, real, 'Эти отчёты уже есть в таблице.');
      expect(await reportKeys(page)).toEqual(both);
      await page.reload();
      await page.getByLabel('PIN-код из 4 цифр').fill('4821');
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByText('Все строки таблицы').click();
      await expect.poll(() => table.getByRole('row').filter({ hasText: 'Иван Смирнов' }).count()).toBe(rows);
      expect(await table.getByRole('row').filter({ hasText: forgedName }).count()).toBe(rows);
    });
  }, 90_000);
});

describe('names', () => {
  it('a bidi override or only zero-width characters are refused with a message, on the welcome form and on renaming', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(baseUrl);
      await expect.poll(() => h1(page)).toBe('Добро пожаловать!');
      const profiles = async () => (await storedKeys(page).catch(() => [] as string[])).filter((k) => k.startsWith('profile/'));
      for (const name of ['Анна\u202Eвонави', '\u200B\u200C\u200D']) {
        await page.getByLabel('Ваше имя').fill(name);
        await page.getByRole('button', { name: 'Начать' }).click();
        await expect.poll(() => page.getByRole('alert').filter({ hasText: /В имени есть невидимые|Введите имя/ }).count()).toBeGreaterThan(0);
        expect(await page.getByLabel('Ваше имя').getAttribute('aria-invalid')).toBe('true');
        expect(await h1(page)).toBe('Добро пожаловать!');
        expect(await profiles()).toEqual([]);
      }

      await enterAsLearner(page, 'Анна');
      const [key] = await profiles();
      await page.goto(`${baseUrl}#/settings`);
      await page.locator('#mine-name').fill('Анна\u202Eвонави');
      await page.getByRole('button', { name: 'Сохранить имя' }).click();
      await page.getByRole('status').filter({ hasText: 'В имени есть невидимые или управляющие символы' }).waitFor();
      const stored = await page.evaluate(async (key) => {
        const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
        const db = await ask(indexedDB.open('silnoe-zveno'));
        try {
          return ((await ask(db.transaction('records', 'readonly').objectStore('records').get(key!))) as { data: { name: string } }).data.name;
        } finally {
          db.close();
        }
      }, key);
      expect(stored).toBe('Анна');
      expect(await page.locator('header .who').first().textContent()).toBe('Анна');
    });
  }, 60_000);
});

