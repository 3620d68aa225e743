/**
 * `npm run bench`: the production build in real Chromium at tablet size with the CPU slowed 4×
 * (CDP Emulation.setCPUThrottlingRate), as a cheap tablet. Writes tests/reports/bench.json.
 *
 * Gated (they fail the run; CI runs it): the script Chromium fetches before the first screen is
 * usable and for a signed-in lesson deep link (gzip sizes of the .js responses), the app's code
 * (from the build manifest), layout shift on every route for a signed-in learner and for a first
 * visit, and Lighthouse accessibility and best practices (100).
 * Reported only (shared machines are noisy): a first visit's bytes with and without the service
 * worker's precache, a lesson deep link's largest contentful paint against home's, quiz answer →
 * verdict → saved times, Lighthouse performance (median of 3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertChromium, enterAsLearner, launch, nextFrames, tabletContext } from '../e2e/harness.ts';
import { serveStatic, type StaticServer } from '../e2e/static-server.ts';
import { launchDebuggable, runLighthouse, type LighthouseScores } from './lighthouse.ts';
import { installMetrics, readFirstScreen, readMetrics, timeAnswer, type PageMetrics } from './page-metrics.ts';
import { gzipSize, measure, type SizeReport } from './sizes.ts';

const KB = 1024;
/**
 * Budgets: what the app reaches, with a small margin, so nothing grows back unnoticed. Issue 15
 * asked for ≤ 50 KB before the first screen and ≤ 65 KB for a lesson deep link. The welcome and the
 * roster reach 46.2 KB (the roster checks the device's records by hand, device-records.ts; the
 * welcome's and roster's forms come in their own chunk, which a signed-in learner never fetches);
 * a lesson deep link reaches 64.3 KB, 65.9 KB on a device with a Russian voice, where the
 * «Слушать» controls follow the lesson; layout shift ≤ 0.02 everywhere (reached: 0).
 */
export const BUDGET = {
  /** gzip of the .js Chromium fetches before the welcome screen is usable (storage open). */
  beforeFirstScreenJs: 47 * KB,
  /** The same for the roster (a returning device, nobody signed in): it reads and checks records. */
  beforeRosterJs: 47 * KB,
  /** gzip of the .js a signed-in learner's lesson deep link fetches, in all (headless: no voices). */
  lessonDeepLinkJs: 65 * KB,
  /** The same on a device with a Russian voice, where «Слушать» comes after the lesson is drawn. */
  lessonDeepLinkWithVoiceJs: 66.5 * KB,
  /** gzip of every JS chunk but course text (build manifest). */
  appCodeJs: 182 * KB,
  /** Cumulative layout shift of every route, signed in and on a first visit. */
  layoutShift: 0.02,
  /** Lighthouse mobile, home and a signed-in lesson. */
  accessibility: 100,
  bestPractices: 100,
};
const CPU_SLOWDOWN = 4;
const LCP_RUNS = 3;
const LIGHTHOUSE_RUNS = 3;

let dist: string;
let server: StaticServer;
let sizes: SizeReport;
let browser: Browser;
/** Files the server sent (paths inside dist) and when, whoever asked: page or service worker. */
const served: { file: string; at: number }[] = [];
const report: Record<string, unknown> = {};

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;
const gzipOf = (files: Iterable<string>) => [...new Set(files)].reduce((n, f) => n + gzipSize(dist, f), 0);

beforeAll(async () => {
  assertChromium();
  dist = mkdtempSync(join(tmpdir(), 'sz-bench-'));
  // vitest sets NODE_ENV=test, which would make a development build: measure what ships.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir', '--manifest'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  sizes = measure(dist);
  server = await serveStatic(dist, '/bench/', 0, (file) => served.push({ file: relative(dist, file), at: Date.now() }));
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  mkdirSync('tests/reports', { recursive: true });
  writeFileSync('tests/reports/bench.json', `${JSON.stringify({ date: new Date().toISOString(), budgets: BUDGET, sizes, ...report }, null, 2)}\n`);
  rmSync(dist, { recursive: true, force: true });
});

/** A tablet context whose pages run with the bench's observers. */
async function benchContext(): Promise<BrowserContext> {
  const context = await tabletContext(browser);
  await installMetrics(context);
  return context;
}

/** A page with the CPU slowed, recording the .js it fetches (paths inside dist). */
async function slowPage(context: BrowserContext): Promise<{ page: Page; js: Set<string> }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const js = new Set<string>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js') && path.startsWith('/bench/') && !path.endsWith('/sw.js') && !path.includes('/workbox-')) js.add(path.slice('/bench/'.length));
  });
  return { page, js };
}

/** Paths of the page's scripts (as requested) inside dist. */
const inDist = (paths: string[]) => paths.filter((p) => p.startsWith('/bench/')).map((p) => p.slice('/bench/'.length));

/** Waits until a screen has settled: its heading, what it loads late, and two frames after. */
async function settle(page: Page, ready?: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (ready) await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await nextFrames(page);
}

/** The course's addresses, read from the signed-in home and first module screens. */
interface Addresses {
  module: string;
  lesson: string;
  exercise: string;
  quiz: string;
}
let addresses: Addresses;
/** A context where the learner «Замер» is signed in (and the service worker installed). */
let signedIn: BrowserContext;

describe('script as Chromium fetches it (gzip)', () => {
  it('fetches at most the budget before the first screen is usable, and precaches only after it', async () => {
    signedIn = await benchContext();
    const { page } = await slowPage(signedIn);
    served.length = 0;
    await page.goto(server.url);
    // The welcome screen shows only once storage is open (App.svelte awaits it).
    await page.getByLabel('Ваше имя').waitFor();
    const firstScreen = await readFirstScreen(page);
    expect(firstScreen, 'the page saw its first screen').not.toBeNull();
    const filesBeforeReady = inDist(firstScreen!.scripts);
    const beforeReady = gzipOf(filesBeforeReady);
    await page.waitForLoadState('networkidle');
    // The precache is done when the service worker is active.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    const worker = served.find((s) => s.file === 'sw.js');
    const precacheStart = worker?.at ?? Infinity;
    const pageFiles = served.filter((s) => s.at < precacheStart).map((s) => s.file);
    const allFiles = served.map((s) => s.file);
    report.firstVisit = {
      jsBeforeFirstScreen: beforeReady,
      filesBeforeFirstScreen: filesBeforeReady,
      withoutPrecache: { files: new Set(pageFiles).size, gzip: gzipOf(pageFiles) },
      withPrecache: { files: new Set(allFiles).size, gzip: gzipOf(allFiles) },
      workerFetchedMsAfterFirstScreen: worker ? worker.at - Math.round(firstScreen!.at) : null,
    };
    console.log(`first visit: ${kb(beforeReady)} of script before the welcome screen is usable (budget ${kb(BUDGET.beforeFirstScreenJs)}): ${filesBeforeReady.join(', ')}`);
    console.log(`first visit in all: ${kb(gzipOf(pageFiles))} in ${new Set(pageFiles).size} files without the precache, ${kb(gzipOf(allFiles))} in ${new Set(allFiles).size} files with it; the service worker came ${worker ? worker.at - Math.round(firstScreen!.at) : '?'} ms after the first screen`);
    expect(worker, 'the service worker was fetched').toBeDefined();
    expect(precacheStart, 'the precache waits for the first screen').toBeGreaterThanOrEqual(Math.floor(firstScreen!.at));

    // Addresses of the course for the other measurements, as a learner sees them.
    await enterAsLearner(page, 'Замер');
    const href = (selector: string) => page.locator(selector).first().getAttribute('href').then((h) => h!);
    const module = await href('main a[href^="#/module/"]');
    await page.goto(`${server.url}${module}`);
    await page.locator('main a[href^="#/lesson/"]').first().waitFor();
    addresses = { module, lesson: await href('main a[href^="#/lesson/"]'), exercise: await href('main a[href^="#/exercise/"]'), quiz: await href('main a[href^="#/quiz/"]') };
    await page.close();

    expect(filesBeforeReady.length).toBeGreaterThan(0);
    expect(beforeReady).toBeLessThanOrEqual(BUDGET.beforeFirstScreenJs);
  }, 120_000);

  it('fetches at most the budget for a signed-in lesson deep link', async () => {
    const { page, js } = await slowPage(signedIn);
    await page.goto(`${server.url}${addresses.lesson}`);
    await settle(page, '.reading p');
    const bytes = gzipOf(js);
    report.lessonDeepLinkJs = { gzip: bytes, files: [...js] };
    console.log(`signed-in lesson deep link: ${kb(bytes)} of script in all (budget ${kb(BUDGET.lessonDeepLinkJs)})`);
    await page.close();

    // Headless Chromium has no voices. On a device with a Russian voice the «Слушать» controls come
    // after the lesson is drawn (ListenControls): reported, with its own budget.
    const voiced = await slowPage(signedIn);
    await voiced.page.addInitScript(() => {
      const voices = [{ lang: 'ru-RU', name: 'Русский', localService: true, default: true, voiceURI: 'ru' }];
      const synth = { getVoices: () => voices, speak() {}, cancel() {}, pause() {}, resume() {}, addEventListener() {}, removeEventListener() {} };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    });
    await voiced.page.goto(`${server.url}${addresses.lesson}`);
    await settle(voiced.page, '.reading p');
    await voiced.page.getByRole('button', { name: 'Слушать' }).waitFor();
    await voiced.page.waitForLoadState('networkidle');
    const withVoice = gzipOf(voiced.js);
    report.lessonDeepLinkWithVoiceJs = { gzip: withVoice, files: [...voiced.js] };
    console.log(`the same with a Russian voice («Слушать» offered): ${kb(withVoice)} (budget ${kb(BUDGET.lessonDeepLinkWithVoiceJs)})`);
    await voiced.page.close();

    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(BUDGET.lessonDeepLinkJs);
    expect(withVoice).toBeGreaterThan(bytes);
    expect(withVoice).toBeLessThanOrEqual(BUDGET.lessonDeepLinkWithVoiceJs);
  }, 90_000);

  it('keeps the whole app’s code within budget (build manifest)', () => {
    console.log(`app code ${kb(sizes.appCodeJs)} (budget ${kb(BUDGET.appCodeJs)}), course text ${kb(sizes.contentJs)}, CSS ${kb(sizes.appCss)}`);
    expect(sizes.appCodeJs + sizes.contentJs).toBeGreaterThan(0);
    expect(sizes.appCodeJs).toBeLessThanOrEqual(BUDGET.appCodeJs);
  });
});

describe('layout shift per route (gated)', () => {
  const routes = () => ({
    home: { hash: '#/' },
    module: { hash: addresses.module },
    lesson: { hash: addresses.lesson, ready: '.reading p' },
    quiz: { hash: addresses.quiz },
    exercise: { hash: addresses.exercise },
    'final test': { hash: '#/final' },
    certificate: { hash: '#/certificate' },
    settings: { hash: '#/settings' },
    manager: { hash: '#/manager' },
  });
  const shifts: Record<string, Record<string, PageMetrics>> = { 'signed in': {}, 'first visit': {} };
  let rosterBytes = 0;
  let rosterFiles: string[] = [];

  async function measureRoute(context: BrowserContext, hash: string, ready?: string): Promise<PageMetrics> {
    const { page } = await slowPage(context);
    await page.goto(`${server.url}${hash}`);
    await settle(page, ready);
    const metrics = await readMetrics(page);
    await page.close();
    return metrics;
  }

  it('stays within budget on every route for a signed-in learner (roster last)', async () => {
    for (const [name, { hash, ready }] of Object.entries(routes()) as [string, { hash: string; ready?: string }][]) {
      shifts['signed in']![name] = await measureRoute(signedIn, hash, ready);
    }
    // The roster: the learner steps aside, the next load of home shows who is learning.
    const { page } = await slowPage(signedIn);
    await page.goto(server.url);
    await page.getByRole('button', { name: /Сменить сотрудника/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Кто сейчас учится?' }).waitFor();
    await page.close();
    {
      // The roster is the other first screen: its script is within the same budget.
      const { page: rosterPage } = await slowPage(signedIn);
      await rosterPage.goto(server.url);
      await rosterPage.getByRole('heading', { level: 1, name: 'Кто сейчас учится?' }).waitFor();
      rosterFiles = inDist((await readFirstScreen(rosterPage))?.scripts ?? []);
      rosterBytes = gzipOf(rosterFiles);
      await rosterPage.close();
    }
    shifts['signed in']!.roster = await measureRoute(signedIn, '#/');
    const again = await signedIn.newPage();
    await again.goto(server.url);
    await enterAsLearner(again, 'Замер');
    await again.close();
    report.roster = { jsBeforeFirstScreen: rosterBytes, files: rosterFiles };
    console.log(`roster (a returning device, nobody signed in): ${kb(rosterBytes)} of script before it is usable (budget ${kb(BUDGET.beforeRosterJs)})`);
    expect.soft(rosterBytes, 'the roster’s script').toBeLessThanOrEqual(BUDGET.beforeRosterJs);
    for (const [name, m] of Object.entries(shifts['signed in']!)) expect.soft(m.cls, `${name}: ${JSON.stringify(m.shifts)}`).toBeLessThanOrEqual(BUDGET.layoutShift);
  }, 150_000);

  it('stays within budget on every route on a first visit (welcome for the learner’s routes)', async () => {
    const all = { welcome: { hash: '#/' }, ...routes() } as Record<string, { hash: string; ready?: string }>;
    delete all.home;
    for (const [name, { hash }] of Object.entries(all)) {
      const context = await benchContext();
      try {
        shifts['first visit']![name] = await measureRoute(context, hash);
      } finally {
        await context.close();
      }
    }
    report.layoutShift = Object.fromEntries(Object.entries(shifts).map(([who, byRoute]) => [who, Object.fromEntries(Object.entries(byRoute).map(([route, m]) => [route, { cls: Number(m.cls.toFixed(4)), shifts: m.shifts }]))]));
    for (const [who, byRoute] of Object.entries(shifts)) console.log(`layout shift, ${who}: ${Object.entries(byRoute).map(([r, m]) => `${r} ${m.cls.toFixed(3)}`).join(', ')}`);
    for (const [name, m] of Object.entries(shifts['first visit']!)) expect.soft(m.cls, `${name}: ${JSON.stringify(m.shifts)}`).toBeLessThanOrEqual(BUDGET.layoutShift);
  }, 150_000);
});

describe('timings (reported, never asserted)', () => {
  it('reports a lesson deep link’s largest contentful paint against home’s', async () => {
    const lcp: Record<'home' | 'lesson', number[]> = { home: [], lesson: [] };
    for (let run = 0; run < LCP_RUNS; run++) {
      for (const [name, hash, ready] of [['home', '#/', undefined], ['lesson', addresses.lesson, '.reading p']] as const) {
        const { page } = await slowPage(signedIn);
        await page.goto(`${server.url}${hash}`);
        await settle(page, ready);
        lcp[name].push((await readMetrics(page)).lcp);
        await page.close();
      }
    }
    const ratio = median(lcp.lesson) / median(lcp.home);
    report.largestContentfulPaint = { homeMs: lcp.home.map(Math.round), lessonMs: lcp.lesson.map(Math.round), ratio: Number(ratio.toFixed(2)) };
    console.log(`largest contentful paint: home ${Math.round(median(lcp.home))} ms, lesson deep link ${Math.round(median(lcp.lesson))} ms (medians of ${LCP_RUNS}), ratio ${ratio.toFixed(2)}`);
    expect(lcp.lesson.every((t) => t > 0)).toBe(true);
  }, 90_000);

  it('reports quiz answer → verdict → saved times', async () => {
    const { page } = await slowPage(signedIn);
    await page.goto(`${server.url}${addresses.quiz}`);
    const verdicts: number[] = [];
    const saves: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      await page.getByRole('button', { name: pass === 0 ? 'Начать тест' : 'Пройти ещё раз' }).click();
      for (;;) {
        await page.getByRole('heading', { level: 2, name: /^Вопрос \d+ из \d+$/ }).waitFor();
        await answerSomething(page);
        const t = await timeAnswer(page, 'Проверить', 'form > div[role="status"]', /Следующий вопрос|Показать результат/, 'activity/quiz');
        verdicts.push(t.verdict);
        saves.push(t.save);
        const next = page.getByRole('button', { name: /Следующий вопрос|Показать результат/ });
        const last = /Показать результат/.test((await next.textContent()) ?? '');
        await next.click();
        if (last) break;
      }
      await page.getByRole('heading', { level: 2, name: 'Результат' }).waitFor();
    }
    await page.close();
    report.quizAnswer = { verdictMs: { median: median(verdicts), p95: p95(verdicts), runs: verdicts.map((v) => Number(v.toFixed(1))) }, saveMs: { median: median(saves), p95: p95(saves), runs: saves.map((v) => Number(v.toFixed(1))) }, goal: 'median < 50 ms, p95 < 10 ms' };
    console.log(`quiz answer → verdict: median ${median(verdicts).toFixed(1)} ms, p95 ${p95(verdicts).toFixed(1)} ms; → saved: median ${median(saves).toFixed(1)} ms, p95 ${p95(saves).toFixed(1)} ms (${verdicts.length} answers, 4× CPU)`);
    expect(verdicts.length).toBeGreaterThan(3);
  }, 120_000);
});

/** Gives some answer to the question on screen (right or wrong does not matter for timing). */
async function answerSomething(page: Page): Promise<void> {
  const form = page.locator('form');
  const radios = form.locator('input[type="radio"]');
  const boxes = form.locator('input[type="checkbox"]');
  const selects = form.locator('select');
  if ((await radios.count()) > 0) await radios.first().check({ force: true });
  else if ((await boxes.count()) > 0) await boxes.first().check({ force: true });
  else if ((await selects.count()) > 0) {
    for (const select of await selects.all()) await select.selectOption({ index: 1 });
  }
  else {
    // An ordering question: one move answers it.
    const down = page.getByRole('button', { name: /^Опустить ниже: / });
    if ((await down.count()) > 0) await down.first().click();
  }
}

describe('Lighthouse mobile (accessibility and best practices gated)', () => {
  it('scores home and a signed-in lesson', async () => {
    const chrome = await launchDebuggable();
    const runs: Record<'home' | 'lesson', LighthouseScores[]> = { home: [], lesson: [] };
    try {
      await chrome.withPage(async (page) => {
        await page.goto(server.url);
        await enterAsLearner(page, 'Маяк');
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      });
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
        runs.home.push(await runLighthouse(chrome.port, server.url));
        runs.lesson.push(await runLighthouse(chrome.port, `${server.url}${addresses.lesson}`));
      }
    } finally {
      await chrome.close();
    }
    const summary = Object.fromEntries(
      Object.entries(runs).map(([name, rs]) => [name, { performanceMedian: median(rs.map((r) => r.performance)), performance: rs.map((r) => r.performance), accessibility: Math.min(...rs.map((r) => r.accessibility)), bestPractices: Math.min(...rs.map((r) => r.bestPractices)), failing: [...new Set(rs.flatMap((r) => r.failing))] }]),
    );
    report.lighthouse = summary;
    for (const [name, s] of Object.entries(summary)) console.log(`Lighthouse ${name}: performance ${s.performanceMedian} (median of ${LIGHTHOUSE_RUNS}: ${s.performance.join(', ')}), accessibility ${s.accessibility}, best practices ${s.bestPractices}${s.failing.length ? ` — ${s.failing.join('; ')}` : ''}`);
    for (const s of Object.values(summary)) {
      expect.soft(s.accessibility, s.failing.join('; ')).toBeGreaterThanOrEqual(BUDGET.accessibility);
      expect.soft(s.bestPractices, s.failing.join('; ')).toBeGreaterThanOrEqual(BUDGET.bestPractices);
    }
  }, 300_000);
});
