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
import { fnv1a64Hex } from '../../src/lib/encoding/checksum.ts';
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
