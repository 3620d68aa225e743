/**
 * Journey: the installable offline app. After one online visit from a sub-folder the service worker
 * holds the whole course, so a reload on every address works with the network off; a new version
 * waits for the learner's «Обновить» and never reloads the page by itself.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import type { StepRef } from '../../src/lib/course/types.ts';
import { assertNoSideways, axeViolations, enterAsLearner, h1, PHONE, screenshot, TABLET, useBrowser, withContext } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
useBrowser();
const { index } = loadContent(process.cwd());
const settingsTitle = (JSON.parse(readFileSync('src/lib/i18n/locales/ru/settings.json', 'utf8')) as { title: string }).title;

/** The address of a step of the course path, as the app links it (see stepHref in course.ts). */
function stepHash(step: StepRef): string {
  const id = encodeURIComponent(step.id);
  return { lesson: `#/lesson/${id}`, exercise: `#/exercise/${id}`, quiz: `#/quiz/${id}`, final: '#/final' }[step.kind];
}

/** Every address of the course with the h1 it must show; null: whatever the online app shows. */
const ROUTES: { hash: string; h1: string | null }[] = [
  { hash: '#/', h1: index.course.title },
  ...index.modules.map((m) => ({ hash: `#/module/${encodeURIComponent(m.id)}`, h1: m.title })),
  ...index.modules.flatMap((m) => m.lessons).map((l) => ({ hash: stepHash({ kind: 'lesson', id: l.id, moduleId: l.moduleId, title: l.title }), h1: l.title })),
  ...index.steps.filter((s) => s.kind !== 'lesson').map((s) => ({ hash: stepHash(s), h1: null })),
  { hash: '#/settings', h1: settingsTitle },
];

/** The URLs a service worker precaches, read from its generated sw.js. */
function precacheList(swSource: string): string[] {
  return [...swSource.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

/** Waits until the screen is there: its h1 (when known) and no request in flight. */
async function settle(page: Page, expected: string | null): Promise<void> {
  if (expected !== null) {
    await page.waitForFunction((text) => document.querySelector('h1')?.textContent === text, expected, { timeout: 20_000 }).catch(async (error: unknown) => {
      const shown = await page.evaluate(() => document.querySelector('h1')?.textContent ?? document.body.innerText.slice(0, 200)).catch(() => '(no page)');
      throw new Error(`${page.url()}: expected the heading «${expected}», the page shows «${shown}»`, { cause: error });
    });
  }
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Opens an address, then reloads there (a full load, not a hash change); returns the h1 shown. */
async function reloadOn(page: Page, url: string, expected: string | null): Promise<string> {
  await page.goto(url);
  await settle(page, expected);
  await page.reload({ waitUntil: 'load' });
  await settle(page, expected);
  return (await h1(page)) ?? '';
}

/** Waits until a service worker is active and controls the page. */
async function waitForControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

describe('offline', () => {
  /** Online, with service workers blocked: what each address shows and every file the app fetched. */
  const online = new Map<string, string>();
  const fetched = new Set<string>();
  let precached: string[] = [];

  beforeAll(async () => {
    precached = precacheList(await (await fetch(`${baseUrl}sw.js`)).text());
    // Without a service worker (blocked here, as in an LMS that forbids them) the app still runs clean.
    await withContext(
      'tablet',
      async (_context, page) => {
        page.on('request', (req) => {
          const url = new URL(req.url());
          if (url.href.startsWith(baseUrl)) fetched.add(url.pathname.slice(new URL(baseUrl).pathname.length) || 'index.html');
        });
        await page.goto(baseUrl);
        await enterAsLearner(page, 'Онлайн');
        for (const route of ROUTES) online.set(route.hash, await reloadOn(page, `${baseUrl}${route.hash}`, route.h1));
      },
      { serviceWorkers: 'block' },
    );
  }, 180_000);

  it('precaches every lesson, module and activity chunk and every file any address fetches', () => {
    expect(precached).toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    for (const icon of ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png']) expect(precached).toContain(`icons/${icon}`);
    // Every lesson, module introduction, exercise, quiz and the final test is its own chunk, named
    // after its file (several modules have a quiz.json: count them).
    const courseFiles = [
      ...index.modules.flatMap((m) => [m.file, ...m.lessons.map((l) => l.file), ...m.activities.map((a) => a.file)]),
      ...(index.finalTest ? [index.finalTest.file] : []),
    ];
    const expected = new Map<string, number>();
    for (const name of courseFiles.map((file) => basename(file).replace(/\.\w+$/, ''))) expected.set(name, (expected.get(name) ?? 0) + 1);
    for (const [name, count] of expected) {
      const chunk = new RegExp(`^assets/${name}-[\\w-]{8}\\.js$`);
      expect(precached.filter((url) => chunk.test(url)).length, `chunks of ${name}`).toBeGreaterThanOrEqual(count);
    }
    expect([...fetched].filter((file) => file !== 'sw.js' && !precached.includes(file))).toEqual([]);
    expect(fetched.size).toBeGreaterThan(index.modules.flatMap((m) => m.lessons).length);
  });

  it('installs from the folder it is served from, with a Russian manifest and its icons', async () => {
    const html = await (await fetch(baseUrl)).text();
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline registration script: the CSP stays strict
    const manifest = (await (await fetch(`${baseUrl}manifest.webmanifest`)).json()) as Record<string, unknown> & { icons: { src: string; sizes: string; purpose: string }[] };
    expect(manifest).toMatchObject({ lang: 'ru', start_url: './', scope: './', display: 'standalone', short_name: 'Сильное звено', theme_color: '#8a2b0e', background_color: '#f7f5f0' });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, `${baseUrl}manifest.webmanifest`));
      expect(res.headers.get('content-type'), icon.src).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon.src).toEqual([w, h]);
    }
  });

  it('reloads on every address of the course with the network off', async () => {
    await withContext('tablet', async (context, page) => {
      // Failed requests are the harness's to report (a file missing from the precache fails with a
      // network error), named with the address they failed on.
      const notFromWorker: string[] = [];
      page.on('response', (res) => {
        if (res.url().startsWith(origin) && !res.fromServiceWorker()) notFromWorker.push(res.url());
      });
      await page.goto(baseUrl);
      await enterAsLearner(page, 'Офлайн');
      await waitForControl(page);
      await context.setOffline(true);
      notFromWorker.length = 0;

      for (const route of ROUTES) {
        const shown = await reloadOn(page, `${baseUrl}${route.hash}`, route.h1 ?? online.get(route.hash)!);
        expect(shown, route.hash).toBe(online.get(route.hash));
        if (route.hash.startsWith('#/lesson/')) await page.locator('.reading p').first().waitFor({ timeout: 10_000 });
        expect(await page.locator('h1').count(), `${route.hash}: one h1`).toBe(1);
      }
      // A link with a query string (a QR code, an assignment) opens offline too.
      expect(await reloadOn(page, `${baseUrl}index.html?from=qr#/`, index.course.title)).toBe(index.course.title);
      expect(notFromWorker, 'everything offline came from the service worker').toEqual([]);
    });
  }, 180_000);

  it('builds with no service worker and no manifest when VITE_NO_SW=1 (for SCORM packages)', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'sz-no-sw-'));
    try {
      execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production', VITE_NO_SW: '1' },
      });
      const files = readdirSync(outDir, { recursive: true }).map(String);
      expect(files).toContain('index.html');
      expect(files.filter((f) => /sw\.js$|workbox|manifest\.webmanifest|pwa-register/.test(f))).toEqual([]);
      expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain('rel="manifest"');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a new version', () => {
  let mirror: StaticServer;
  let dir: string;

  // A copy of the deployed app, fetched file by file as the service worker lists them, served from
  // another sub-folder: here the test can "deploy" a new sw.js.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sz-update-'));
    const sw = await (await fetch(`${baseUrl}sw.js`)).text();
    const workbox = [...sw.matchAll(/"\.\/(workbox-[\w-]+)"/g)].map((m) => `${m[1]}.js`);
    for (const file of ['sw.js', ...workbox, ...precacheList(sw)]) {
      const res = await fetch(`${baseUrl}${file}`);
      expect(res.ok, file).toBe(true);
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), Buffer.from(await res.arrayBuffer()));
    }
    mirror = await serveStatic(dir, '/drugaya/papka/');
  });
  afterAll(async () => {
    await mirror?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Marks the window: the mark is gone only if the page reloaded. */
  const mark = (page: Page, value: string) => page.evaluate((v) => ((window as unknown as { mark?: string }).mark = v), value);
  const markOf = (page: Page) => page.evaluate(() => (window as unknown as { mark?: string }).mark ?? null);
  const prompt = (page: Page) => page.getByText(/Доступна новая версия/);

  it('asks before updating, and reloads only on «Обновить»', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        const lesson = index.modules[0]!.lessons[0]!;
        await page.goto(`${mirror.url}#/lesson/${lesson.id}`);
        await enterAsLearner(page, 'Обновление');
        await waitForControl(page);
        await mark(page, 'before the update');
        expect(existsSync(join(dir, 'sw.js'))).toBe(true);

        appendFileSync(join(dir, 'sw.js'), `\n// a new version, ${Date.now()}\n`);
        // What the browser does by itself on its next check, and the app every hour.
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

        await prompt(page).waitFor();
        expect(await page.getByRole('status').filter({ hasText: 'Доступна новая версия' }).count()).toBe(1);
        // The new worker is installed and stays waiting (it would be activating or active had anything
        // skipped the wait), and the page has nothing more to load.
        await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null))).toBe('installed');
        await page.waitForLoadState('networkidle');
        expect(await markOf(page), 'the page did not reload by itself').toBe('before the update');
        expect(await h1(page)).toBe(lesson.title);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'update-prompt', false);
        await page.setViewportSize(PHONE);
        await page.emulateMedia({ colorScheme: 'dark' });
        await assertNoSideways(page, 'update prompt on a dark phone');
        await screenshot(page, 'update-prompt-phone-dark', false);
        await page.setViewportSize(TABLET);
        await page.emulateMedia({ colorScheme: 'light' });

        await page.getByRole('button', { name: 'Позже' }).tap();
        await expect.poll(() => prompt(page).count()).toBe(0);
        expect(await markOf(page), '«Позже» keeps the page').toBe('before the update');

        // The learner reloads on their own: the new version is still waiting, and asks again.
        await page.reload();
        await prompt(page).waitFor();
        await mark(page, 'asked again');
        await page.getByRole('button', { name: 'Обновить' }).tap();
        await expect.poll(() => markOf(page).catch(() => 'navigating'), { timeout: 15_000 }).toBe(null);
        await expect.poll(() => h1(page)).toBe(lesson.title);
        expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBe(null);
        expect(await prompt(page).count()).toBe(0);

        // A page the worker controls loads the registration's code only when a new version waits
        // (pwa/watch.ts): the next version found while the learner reads is offered all the same.
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/update-prompt-[^/]*\.js$/.test(e.name))), 'no update offer code before an update').toBe(false);
        await mark(page, 'after the update');
        appendFileSync(join(dir, 'sw.js'), `\n// another version, ${Date.now()}\n`);
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
        await prompt(page).waitFor();
        expect(await markOf(page), 'the page did not reload by itself').toBe('after the update');
      },
      { origin: mirror.origin },
    );
  }, 120_000);
});
