/**
 * `npm run bench`: byte budgets (deterministic, they fail the run) and timings in real Chromium
 * (reported, never asserted: shared machines are noisy). Writes tests/reports/bench.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertChromium, enterAsLearner, launch, tabletContext } from '../e2e/harness.ts';
import { serveStatic, type StaticServer } from '../e2e/static-server.ts';
import { gzipSize, measure, type SizeReport } from './sizes.ts';

const KB = 1024;
/** Budgets from the product brief (gzip): the first screen's script, and the app's code. */
const BUDGET = { firstScreenJs: 60 * KB, appCodeJs: 150 * KB };
const RUNS = 5;

let dist: string;
let server: StaticServer;
let sizes: SizeReport;
const timings: Record<string, number[]> = {};
/** JS the browser actually fetched before the first screen was usable (reported). */
let fetchedBeforeReady = 0;

beforeAll(async () => {
  assertChromium();
  dist = mkdtempSync(join(tmpdir(), 'sz-bench-'));
  // vitest sets NODE_ENV=test, which would make a development build: measure what ships.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir', '--manifest'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  sizes = measure(dist);
  server = await serveStatic(dist, '/bench/');
}, 180_000);

afterAll(async () => {
  await server?.close();
  mkdirSync('tests/reports', { recursive: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const report = { date: new Date().toISOString(), budgets: BUDGET, sizes, fetchedBeforeReadyJs: fetchedBeforeReady, timingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, { median: Math.round(median(v)), runs: v.map(Math.round) }])) };
  writeFileSync('tests/reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  console.log(
    [
      'Bench (gzip sizes; times are medians of ' + RUNS + ' runs, reported not asserted):',
      `  first screen JS  ${kb(sizes.firstScreenJs)} (budget ${kb(BUDGET.firstScreenJs)}), CSS ${kb(sizes.firstScreenCss)}`,
      `  JS fetched before the first screen is usable (storage, record checks…): ${kb(fetchedBeforeReady)}`,
      `  app code JS      ${kb(sizes.appCodeJs)} (budget ${kb(BUDGET.appCodeJs)}), CSS ${kb(sizes.appCss)}`,
      `  course text JS   ${kb(sizes.contentJs)} (lessons, questions, translations; reported)`,
      ...sizes.largestChunks.map((c) => `    ${c.file.padEnd(48)} ${kb(c.gzip)}${c.content ? ' (text)' : ''}`),
      ...Object.entries(report.timingsMs).map(([k, v]) => `  ${k.padEnd(34)} ${v.median} ms`),
    ].join('\n'),
  );
  rmSync(dist, { recursive: true, force: true });
});

describe('byte budgets', () => {
  it('keeps the first screen’s JavaScript within 60 KB gzip', () => {
    expect(sizes.firstScreenJs).toBeGreaterThan(0);
    expect(sizes.firstScreenJs).toBeLessThanOrEqual(BUDGET.firstScreenJs);
  });

  it('keeps the whole app’s code within 150 KB gzip', () => {
    expect(sizes.appCodeJs + sizes.contentJs).toBeGreaterThanOrEqual(sizes.firstScreenJs);
    expect(sizes.appCodeJs).toBeLessThanOrEqual(BUDGET.appCodeJs);
  });
});

describe('timings in Chromium at tablet size (reported)', () => {
  it('measures first paint, the home screen and opening a lesson', async () => {
    const browser = await launch();
    try {
      for (let run = 0; run < RUNS; run++) {
        const context = await tabletContext(browser);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 }); // a cheap tablet
        const fetched = new Set<string>();
        page.on('response', (r) => {
          if (r.url().endsWith('.js')) fetched.add(new URL(r.url()).pathname.slice('/bench/'.length));
        });
        const start = Date.now();
        await page.goto(server.url);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByLabel('Ваше имя').waitFor();
        if (run === 0) fetchedBeforeReady = [...fetched].reduce((n, f) => n + gzipSize(dist, f), 0);
        (timings['first screen (welcome), 4× CPU'] ??= []).push(Date.now() - start);
        const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
        (timings['first contentful paint, 4× CPU'] ??= []).push(paint);
        await enterAsLearner(page, 'Замер');
        const lessonStart = Date.now();
        await page.getByRole('link', { name: 'Начать курс' }).click();
        await page.locator('.reading p').first().waitFor();
        (timings['open the first lesson, 4× CPU'] ??= []).push(Date.now() - lessonStart);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    expect(Object.keys(timings)).toHaveLength(3);
  }, 180_000);
});
