/**
 * The one end-to-end harness: real headless Chromium (playwright-core) against the built app.
 *
 * - `useBrowser()` — call once at the top of a test file: launches Chromium before the file's tests
 *   (one set of launch flags, `LAUNCH_ARGS`) and closes it after them.
 * - `withContext(kind, async (context, page) => …, options)` — a fresh browser context of a kind
 *   (`'tablet'`: 820×1180 touch, Russian; `'phone'`: 360×740 touch, Russian; options add or override
 *   context options, e.g. `{ colorScheme: 'dark' }`), with one page open. Every page of the context
 *   is watched: console errors, page errors, failed requests and requests to any third party are
 *   collected; when the callback returns they must be none (`allow` lists tolerated ones). The
 *   context is closed in `finally`, pass or fail. `openContext` / `closeContext` do the same for a
 *   journey split into several `it` steps (open in `beforeAll`, close in `afterAll`).
 * - Checks on a page: `assertPageSound(page, name)` (one h1, no sideways scrolling, axe-core clean,
 *   no message shown by its key: `rawMessageKeys`),
 *   `assertNoSideways(page, name)` (names what sticks out), `assertNarrow(page, name)` (the same at
 *   phone width), `axeViolations(page)`, `assertClean(page)`.
 * - Waiting for state, never for time: `storedRecord(page, 'lesson/<id>')` reads the current
 *   learner's record from the real IndexedDB (poll it with `expect.poll`); `nextFrames(page)` waits
 *   until the page has handled pending input and rendered.
 * - `enterAsLearner`, `h1`, `screenshot`, `launchPersistent` (a profile on disk, same flags).
 *
 * Timeouts: each step sets its own (`it(name, fn, 30_000)`); `expect.poll` waits up to 10 s by
 * default in the e2e project (vite.config.ts), as a real browser on a busy machine needs.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Frame, type Page } from 'playwright-core';

/** Where Chromium lives: CHROME_PATH, else Debian's package. */
export const chromiumPath = () => process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Fails with how to get a browser when there is none: the journeys need a real one. */
export function assertChromium(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The end-to-end tests and the bench need a real Chromium: ` +
        'install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or point CHROME_PATH at an existing Chromium or Chrome binary.',
    );
  }
}

export const TABLET = { width: 820, height: 1180 };
export const PHONE = { width: 360, height: 740 };
export const SCREENSHOTS = 'tests/reports/screenshots';

/** The flags that keep headless Chromium quiet on a machine with no network: every launch uses them. */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium with `LAUNCH_ARGS`. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
}

export type ContextKind = 'tablet' | 'phone';

/** Context options of a kind of device: touch, Russian locale, portrait. */
export function contextOptions(kind: ContextKind, extra: BrowserContextOptions = {}): BrowserContextOptions {
  return { viewport: kind === 'tablet' ? TABLET : PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'ru-RU', ...extra };
}

/** A tablet in portrait, with touch, Russian locale (not watched: prefer `withContext`). */
export function tabletContext(browser: Browser, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext(contextOptions('tablet', extra));
}

/** A 360 px phone, with touch, Russian locale (not watched: prefer `withContext`). */
export function phoneContext(browser: Browser, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext(contextOptions('phone', extra));
}

// ── the browser of a test file ──────────────────────────────────────────────────────────────

let fileBrowser: Browser | undefined;

/** Launches Chromium before this file's tests and closes it after them; returns a getter. */
export function useBrowser(): () => Browser {
  beforeAll(async () => {
    fileBrowser = await launch();
  }, 60_000);
  afterAll(async () => {
    await fileBrowser?.close();
    fileBrowser = undefined;
  });
  return currentBrowser;
}

function currentBrowser(): Browser {
  if (!fileBrowser) throw new Error('No browser: call useBrowser() at the top of the test file.');
  return fileBrowser;
}

// ── watched pages ───────────────────────────────────────────────────────────────────────────

interface Watch {
  problems: string[];
  allow: RegExp[];
}
const watches = new WeakMap<Page, Watch>();

/**
 * Collects console errors, page errors, failed requests and third-party requests of a page (a
 * request to any host but `origin`'s). Returns the watch; `assertClean(page)` fails naming them.
 */
export function watchPage(page: Page, origin: string, allow: RegExp[] = []) {
  const existing = watches.get(page);
  if (existing) return { problems: existing.problems, assertClean: (more: RegExp[] = []) => assertClean(page, more) };
  const problems: string[] = [];
  watches.set(page, { problems, allow });
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`third-party request: ${url}`);
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // A request still in flight when the page navigates or reloads is cancelled: not a failure.
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed on ${page.url()}: ${req.url()} ${error}`);
  });
  return { problems, assertClean: (more: RegExp[] = []) => assertClean(page, more) };
}

/** What a watched page has reported so far (push to it to report more). */
export function problemsOf(page: Page): string[] {
  const watch = watches.get(page);
  if (!watch) throw new Error('This page is not watched: open it with withContext/openContext or watchPage.');
  return watch.problems;
}

/** Fails naming every problem a watched page reported, but those `allowed`. */
export function assertClean(page: Page, allowed: RegExp[] = []): void {
  const watch = watches.get(page);
  if (!watch) throw new Error('This page is not watched: open it with withContext/openContext or watchPage.');
  const tolerated = [...watch.allow, ...allowed];
  const left = watch.problems.filter((p) => !tolerated.some((re) => re.test(p)));
  expect(left, 'the page reported problems').toEqual([]);
}

// ── contexts ────────────────────────────────────────────────────────────────────────────────

export interface ContextOptions extends BrowserContextOptions {
  /** The app's origin: requests elsewhere are third-party. Default: the served build's. */
  origin?: string;
  /** Problems tolerated on every page of the context. */
  allow?: RegExp[];
  /** Runs on the new context before its first page opens (init scripts, permissions). */
  before?: (context: BrowserContext) => Promise<unknown>;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
}

const contextPages = new WeakMap<BrowserContext, Page[]>();

/** Watches every page the context opens from now on, and the ones it has. */
function watchContext(context: BrowserContext, origin: string, allow: RegExp[]): void {
  const pages: Page[] = [];
  contextPages.set(context, pages);
  const add = (page: Page) => {
    pages.push(page);
    watchPage(page, origin, allow);
  };
  context.pages().forEach(add);
  context.on('page', add);
}

const defaultOrigin = () => new URL(inject('baseUrl')).origin;

/** Opens a watched context of a kind with one page. Close it with `closeContext`. */
export async function openContext(kind: ContextKind, options: ContextOptions = {}): Promise<Opened> {
  const { origin = defaultOrigin(), allow = [], before, ...extra } = options;
  const context = await currentBrowser().newContext(contextOptions(kind, extra));
  watchContext(context, origin, allow);
  try {
    await before?.(context);
    const page = await context.newPage();
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Asserts every page of a watched context clean (when `check`), then closes it whatever happens. */
export async function closeContext(context: BrowserContext | undefined, check = true): Promise<void> {
  if (!context) return;
  try {
    if (check) for (const page of contextPages.get(context) ?? []) assertClean(page);
  } finally {
    await context.close();
  }
}

/**
 * Runs `fn` with a fresh watched context and its page; afterwards every page it opened must be
 * clean. The context is closed in `finally`.
 */
export async function withContext<T>(kind: ContextKind, fn: (context: BrowserContext, page: Page) => Promise<T>, options: ContextOptions = {}): Promise<T> {
  const { context, page } = await openContext(kind, options);
  let passed = false;
  try {
    const result = await fn(context, page);
    passed = true;
    return result;
  } finally {
    await closeContext(context, passed);
  }
}

/** Launches Chromium with a profile folder on disk (a browser that can be closed and reopened), watched. */
export async function launchPersistent(profileDir: string, kind: ContextKind, options: Omit<ContextOptions, 'before'> = {}): Promise<Opened> {
  const { origin = defaultOrigin(), allow = [], ...extra } = options;
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS, ...contextOptions(kind, extra) });
  watchContext(context, origin, allow);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

// ── checks on a page ───────────────────────────────────────────────────────────────────────

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page; returns readable violations. */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** How far the page scrolls sideways, in CSS pixels (0: not at all). */
export function sidewaysOverflow(page: Page | Frame): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The page does not scroll sideways; on failure names the elements that stick out. */
export async function assertNoSideways(page: Page | Frame, name: string): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  const culprits =
    overflow > 0
      ? await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > width + 1)
            .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)} ${Math.round(e.getBoundingClientRect().right)}`)
            .slice(0, 15)
            .join('; ');
        })
      : '';
  expect(overflow, `${name}: no sideways scrolling${culprits ? ` (sticking out: ${culprits})` : ''}`).toBeLessThanOrEqual(0);
}

/** The same page at phone width: still no sideways scrolling. The viewport is put back after. */
export async function assertNarrow(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? TABLET;
  await page.setViewportSize(PHONE);
  try {
    await assertNoSideways(page, `${name} at ${PHONE.width}px`);
  } finally {
    await page.setViewportSize(before);
  }
}

/** The interface's message areas (locales/ru/<area>.json): a message shown by key starts with one. */
const AREAS = readdirSync(new URL('../../src/lib/i18n/locales/ru/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));

/**
 * Message keys shown instead of words (`home.chain.label`): a component used a message whose area
 * its screen did not load. Read from the visible text and from every accessible name and title.
 */
export function rawMessageKeys(page: Page | Frame): Promise<string[]> {
  return page.evaluate((areas) => {
    const key = new RegExp(`(?<![\\w./-])(?:${areas.join('|')})\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*`, 'g');
    const texts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) texts.push(el.getAttribute(attr) ?? '');
    }
    for (const el of document.querySelectorAll('svg title')) texts.push(el.textContent ?? '');
    return [...new Set(texts.flatMap((t) => t.match(key) ?? []))];
  }, AREAS);
}

/** One h1, no sideways scrolling at this width, no axe violations, no message shown by its key. */
export async function assertPageSound(page: Page, name: string): Promise<void> {
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
  expect(await rawMessageKeys(page), `${name}: messages shown by their keys`).toEqual([]);
  await assertNoSideways(page, name);
  expect(await axeViolations(page), `${name}: axe violations`).toEqual([]);
}

/** The text of the page's (or frame's) h1. */
export const h1 = (page: Page | Frame) => page.getByRole('heading', { level: 1 }).textContent();

/** Saves a full-page screenshot under tests/reports/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

// ── waiting for state ──────────────────────────────────────────────────────────────────────

/**
 * The current learner's record at `learner/<id>/<path>` in the real IndexedDB (e.g.
 * `lesson/<lessonId>`, `activity/exercise:<id>`): its `data`, or null while there is none.
 */
export function storedRecord(page: Page, path: string): Promise<Record<string, unknown> | null> {
  return page.evaluate(async (path) => {
    const ask = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const open = indexedDB.open('silnoe-zveno');
    // No database yet: do not create one under the app (abort the upgrade), there is nothing stored.
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await ask(open).catch(() => null);
    if (!db) return null;
    try {
      if (!db.objectStoreNames.contains('records')) return null;
      const records = db.transaction('records', 'readonly').objectStore('records');
      const settings = (await ask(records.get('device/settings'))) as { data?: { currentProfileId?: string } } | undefined;
      const id = settings?.data?.currentProfileId;
      if (!id) return null;
      const record = (await ask(records.get(`learner/${id}/${path}`))) as { data?: Record<string, unknown> } | undefined;
      return record?.data ?? null;
    } finally {
      db.close();
    }
  }, path);
}

/** Waits until the page has handled the input sent so far and painted twice. */
export function nextFrames(page: Page | Frame): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

// ── the learner ────────────────────────────────────────────────────────────────────────────

/**
 * Signs in as a learner on the page's current screen: on first run fills the welcome form, later
 * picks the name from the roster (or adds it). Waits until the gate is gone.
 */
export async function enterAsLearner(page: Page, name: string, pin?: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  const title = await heading.textContent();
  if (title === 'Кто сейчас учится?') {
    const existing = page.getByRole('button', { name: new RegExp(`^${name}`) });
    if ((await existing.count()) > 0) {
      await existing.first().click();
      if (pin) {
        await page.getByLabel(/Введите PIN-код/).fill(pin);
        await page.getByRole('button', { name: 'Открыть' }).click();
      }
      await signedIn(page);
      return;
    }
    await page.getByRole('button', { name: /Новый сотрудник/ }).click();
  } else if (title !== 'Добро пожаловать!') {
    return; // already signed in
  }
  await page.getByLabel('Ваше имя').fill(name);
  if (pin) {
    await page.getByLabel('Защитить мой прогресс PIN-кодом').check();
    await page.getByLabel('PIN-код из 4 цифр').fill(pin);
    await page.getByLabel('Повторите PIN-код').fill(pin);
  }
  await page.getByRole('button', { name: 'Начать' }).click();
  await signedIn(page);
}

/** Waits until a learner is signed in: their name is in the header (on a phone, inside the menu). */
async function signedIn(page: Page): Promise<void> {
  await page.locator('header .who').first().waitFor({ state: 'attached' });
}
