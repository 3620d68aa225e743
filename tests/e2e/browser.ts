/**
 * Real Chromium for the journeys: tablet-sized touch contexts, a console-error trap, axe-core,
 * and screenshots saved where a person can look at them.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

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
export const SCREENSHOTS = 'tests/reports/screenshots';

/** Launches headless Chromium with the flags that keep it quiet on a machine with no network. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A tablet in portrait, with touch, Russian locale. */
export function tabletContext(browser: Browser, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: TABLET,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'ru-RU',
    ...extra,
  });
}

/**
 * Collects console errors, page errors and failed requests of a page; `assertClean` fails the test
 * naming them. Requests to any host but the app's own are errors too (no third parties).
 */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`third-party request: ${url}`);
  });
  return {
    problems,
    assertClean(allowed: RegExp[] = []) {
      const left = problems.filter((p) => !allowed.some((re) => re.test(p)));
      if (left.length > 0) throw new Error(`The page reported problems:\n${left.join('\n')}`);
    },
  };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Saves a full-page screenshot under tests/reports/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

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
      await page.getByRole('button', { name: /Сменить ученика/ }).waitFor();
      return;
    }
    await page.getByRole('button', { name: /Новый ученик/ }).click();
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
  await page.getByRole('button', { name: /Сменить ученика/ }).waitFor();
}
