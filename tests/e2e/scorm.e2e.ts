/**
 * Journeys in an LMS: the course is built in mode `scorm`, both packages are unzipped with our own
 * zip reader, and each runs in a frame of a tiny LMS page backed by scorm-again's run-time (the
 * LMS side), in real Chromium. The learner reads, passes tests and leaves; the LMS must hold the
 * status, score, location, session time and resume data — and a launch in a fresh browser with
 * that data resumes where the learner stopped, with their progress.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { loadContent } from '../../src/build/load-content.ts';
import { typographDeep } from '../../src/build/typography.js';
import { zipName } from '../../src/lib/lms/package-plugin.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT_12 } from '../../src/lib/lms/suspend-data.ts';
import { readZip, type ReadEntry } from '../../src/lib/lms/zip.ts';
import type { ActivityRecord } from '../../src/lib/progress/api.ts';
import { activityKey } from '../../src/lib/progress/status.ts';
import type { FinalTestFile, Question, QuizFile } from '../../src/lib/quiz/types.ts';
import { axeViolations, screenshot, useBrowser, withContext, type ContextOptions } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

type Version = '1.2' | '2004';
const VERSIONS: Version[] = ['1.2', '2004'];
const PREFIX = '/lms/';
const folder = (v: Version) => (v === '1.2' ? 'pkg12' : 'pkg2004');

const { index } = loadContent(process.cwd());
// As the learner reads it: the build puts no-break spaces into content data.
const readJson = <T>(file: string): T => typographDeep(JSON.parse(readFileSync(file, 'utf8')) as T);
const module1 = index.modules[0]!;
const [lesson1, lesson2] = module1.lessons;
const quiz1 = readJson<QuizFile>(module1.activities.find((a) => a.kind === 'quiz')!.file);
const finalBank = readJson<FinalTestFile>(index.finalTest!.file).questions;

let work: string;
let server: StaticServer;
const zips: Partial<Record<Version, ReadEntry[]>> = {};
/** What the LMS stored at the end of the first session, per version (for the resume journey). */
const stored: Partial<Record<Version, Record<string, unknown>>> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sz-scorm-'));
  // vitest sets NODE_ENV=test, which would make a development build: test what ships.
  execFileSync('npx', ['vite', 'build', '--mode', 'scorm', '--logLevel', 'warn', '--outDir', join(work, 'course'), '--emptyOutDir'], {
    stdio: 'inherit',
    // As `npm run build:scorm`: no service worker in an LMS package (see vite.config.ts).
    env: { ...process.env, NODE_ENV: 'production', VITE_NO_SW: '1' },
  });
  const serve = join(work, 'serve');
  for (const version of VERSIONS) {
    const entries = readZip(new Uint8Array(readFileSync(join(work, zipName('silnoe-zveno', version)))));
    zips[version] = entries;
    for (const entry of entries) {
      const path = join(serve, folder(version), entry.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, entry.data);
    }
  }
  cpSync(join(process.cwd(), 'tests/e2e/lms-harness'), serve, { recursive: true });
  // The UMD build (window.Scorm12API, window.Scorm2004API), as an LMS page would load it.
  copyFileSync(createRequire(import.meta.url).resolve('scorm-again/min'), join(serve, 'scorm-again.js'));
  server = await serveStatic(serve, PREFIX);
}, 300_000);
useBrowser();

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ── the LMS page and the course inside it ──────────────────────────────────────────────────

/** A tablet on the LMS's host, whose LMS page starts with `initial` CMI data. */
const lmsDevice = (initial: Record<string, unknown>): ContextOptions => ({
  origin: server.origin,
  before: (context) => context.addInitScript((data) => ((window as unknown as { LMS_INITIAL_CMI: unknown }).LMS_INITIAL_CMI = data), initial),
});

/** Opens the LMS page for a version and waits for the course in its frame. */
async function openLms(page: Page, version: Version): Promise<Frame> {
  await page.goto(`${server.url}index.html?version=${version}&package=${folder(version)}/`);
  await expect.poll(() => page.frames().length).toBe(2);
  const course = page.frames()[1]!;
  await course.getByRole('heading', { level: 1 }).waitFor();
  return course;
}

const learner = (version: Version, id: string, name: string) => (version === '1.2' ? { core: { student_id: id, student_name: name } } : { learner_id: id, learner_name: name });
const h1 = (frame: Frame) => frame.getByRole('heading', { level: 1 }).textContent();
const sent = (page: Page) => page.evaluate(() => (window as unknown as { LMS_SENT: Record<string, string> }).LMS_SENT);
const calls = (page: Page) => page.evaluate(() => (window as unknown as { LMS_CALLS: string[] }).LMS_CALLS);
const element = (version: Version, e12: string, e2004: string) => (version === '1.2' ? e12 : e2004);

/** Goes to a route inside the course, as a link would. */
async function go(frame: Frame, hash: string) {
  await frame.evaluate((h) => (location.hash = h), hash);
}

/** Opens a lesson and scrolls to its end, which marks it read. */
async function readLesson(frame: Frame, id: string) {
  await go(frame, `#/lesson/${id}`);
  await frame.locator('.reading').waitFor();
  await frame.getByRole('navigation', { name: 'Уроки по порядку' }).scrollIntoViewIfNeeded();
}

const counter = (frame: Frame) => frame.getByRole('heading', { level: 2, name: /^Вопрос \d+ из \d+$/ });
const orderOnScreen = (frame: Frame) => frame.locator('form ol li span[lang="ru"]').allTextContents();
const labelOf = (frame: Frame, role: 'radio' | 'checkbox', name: string) => frame.locator('label').filter({ has: frame.getByRole(role, { name, exact: true }) });

/** The question on screen, found in the bank by its legend (and a gap's sentence). */
async function questionOnScreen(frame: Frame, bank: Question[]): Promise<Question> {
  await counter(frame).waitFor();
  const legend = (await frame.locator('legend').textContent())?.trim() ?? '';
  const sentence = (await frame.locator('form .sentence').count()) > 0 ? await frame.locator('form .sentence').first().textContent() : '';
  const found = bank.find((q) => q.prompt === legend && (q.type !== 'gap' || (sentence ?? '').includes(q.text.split('___')[0]!.trim())));
  if (!found) throw new Error(`the question on screen is not in the bank: «${legend}»`);
  return found;
}

/** Gives the right answer by touch. */
async function answerRight(frame: Frame, q: Question): Promise<void> {
  switch (q.type) {
    case 'single':
      return labelOf(frame, 'radio', q.options.find((o) => o.id === q.answer)!.text).tap();
    case 'multiple':
      for (const option of q.options.filter((o) => q.answer.includes(o.id))) await labelOf(frame, 'checkbox', option.text).tap();
      return;
    case 'truefalse':
      return labelOf(frame, 'radio', q.answer ? 'Да, это так' : 'Нет, это не так').tap();
    case 'gap':
      return labelOf(frame, 'radio', q.answer).tap();
    case 'matching':
      for (const item of q.items) await frame.getByRole('combobox', { name: item.text, exact: true }).selectOption(q.answer[item.id]!);
      return;
    case 'ordering':
      for (const [t, item] of q.items.entries()) {
        for (let i = (await orderOnScreen(frame)).indexOf(item.text); i > t; i--) await frame.getByRole('button', { name: `Поднять выше: ${item.text}`, exact: true }).tap();
      }
      return;
  }
}

/** Takes the test on screen with every answer right. */
async function passTest(frame: Frame, bank: Question[], count: number) {
  await frame.getByRole('button', { name: /Начать тест|Пройти ещё раз/ }).tap();
  for (let n = 1; n <= count; n++) {
    await expect.poll(() => counter(frame).textContent()).toBe(`Вопрос ${n} из ${count}`);
    await answerRight(frame, await questionOnScreen(frame, bank));
    await frame.getByRole('button', { name: 'Проверить' }).tap();
    await expect.poll(() => frame.locator('form > div[role="status"]').textContent()).toMatch(/Верно/);
    await frame.getByRole('button', { name: n < count ? /Следующий вопрос/ : /Показать результат/ }).tap();
  }
  await frame.getByRole('heading', { level: 2, name: 'Результат' }).waitFor();
  expect(await frame.getByText('100%', { exact: true }).count()).toBe(1);
}

/** Ends the session as an LMS closing the course does: the frame goes, `pagehide` fires inside. */
async function closeCourse(page: Page) {
  await page.evaluate(() => document.querySelector('iframe')!.remove());
  await expect.poll(async () => (await calls(page)).at(-1)).toMatch(/^(LMSFinish|Terminate)$/);
}

/** What the LMS keeps for the next launch: its CMI data, with entry «resume» as after a suspend. */
async function lmsRecord(page: Page, version: Version): Promise<Record<string, unknown>> {
  const json = JSON.parse(await page.evaluate(() => (window as unknown as { LMS_API: { renderCMIToJSONString(): string } }).LMS_API.renderCMIToJSONString())) as Record<string, unknown>;
  const cmi = (json.cmi ?? json) as Record<string, unknown>;
  if (version === '1.2') (cmi.core as Record<string, unknown>).entry = 'resume';
  else cmi.entry = 'resume';
  return cmi;
}

// ── the packages ───────────────────────────────────────────────────────────────────────────

describe('the SCORM packages', () => {
  it.each(VERSIONS)('SCORM %s: the course at the zip root with its manifest, and no service worker', (version) => {
    const names = zips[version]!.map((e) => e.name);
    const text = (name: string) => new TextDecoder().decode(zips[version]!.find((e) => e.name === name)!.data);
    expect(names.slice(0, 2)).toEqual(['imsmanifest.xml', 'index.html']);
    expect(names.every((n) => !n.startsWith('/') && !n.includes('..'))).toBe(true);
    expect(text('imsmanifest.xml')).toContain(version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"');
    for (const name of names.filter((n) => n !== 'imsmanifest.xml')) expect(text('imsmanifest.xml')).toContain(`<file href="${name}"/>`);
    expect(names.filter((n) => /(^|\/)(sw|service-worker|registerSW)\.js$|workbox|\.webmanifest$/.test(n))).toEqual([]);
    expect(text('index.html')).not.toMatch(/rel=["']?manifest/);
    expect(text('index.html')).toContain(`<meta name="sz-scorm-version" content="${version}" />`);
    for (const name of names.filter((n) => n.endsWith('.js'))) expect(text(name), name).not.toMatch(/serviceWorker\s*\.\s*register/);
    // Same course in both: the same files, the same bytes but for the manifest and the marked launch page.
    const other = zips[version === '1.2' ? '2004' : '1.2']!;
    expect(other.map((e) => e.name)).toEqual(names);
    for (const entry of zips[version]!.filter((e) => !['imsmanifest.xml', 'index.html'].includes(e.name))) {
      expect(Buffer.from(other.find((o) => o.name === entry.name)!.data).equals(Buffer.from(entry.data)), entry.name).toBe(true);
    }
  });
});

// ── journeys ───────────────────────────────────────────────────────────────────────────────

describe.each(VERSIONS)('in an LMS, SCORM %s', (version) => {
  it('the LMS learner goes straight in; reading, a quiz and the final test are reported with location and time', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        const course = await openLms(page, version);
        await expect.poll(() => h1(course)).toBe(index.course.title);
        expect(await course.getByRole('heading', { name: 'Кто сейчас учится?' }).count()).toBe(0);
        expect(await course.getByText('Анна Иванова').count()).toBe(1);
        expect(await course.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
        expect(await calls(page)).toContain(version === '1.2' ? 'LMSInitialize' : 'Initialize');

        await readLesson(course, lesson1!.id);
        await readLesson(course, lesson2!.id);
        await go(course, `#/quiz/${module1.id}`);
        await passTest(course, quiz1.questions, quiz1.questions.length);
        await go(course, '#/final');
        await passTest(course, finalBank, 10);
        await go(course, `#/lesson/${lesson2!.id}`);
        await expect.poll(() => h1(course)).toBe(lesson2!.title);

        const location = element(version, 'cmi.core.lesson_location', 'cmi.location');
        await expect.poll(async () => (await sent(page))[location], { timeout: 10_000 }).toBe(`#/lesson/${lesson2!.id}`);
        await screenshot(page, `scorm-${version === '1.2' ? '12' : '2004'}-in-lms`);
        const values = await sent(page);
        if (version === '1.2') {
          expect(values).toMatchObject({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '100', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.core.exit': 'suspend' });
        } else {
          expect(values).toMatchObject({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.score.scaled': '1', 'cmi.score.raw': '100', 'cmi.exit': 'suspend' });
          expect(Number(values['cmi.progress_measure'])).toBeGreaterThan(0);
          expect(Number(values['cmi.progress_measure'])).toBeLessThan(1);
        }
        const suspendData = values['cmi.suspend_data']!;
        expect(suspendData.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
        const carried = decodeSuspendData(index.steps, suspendData)!;
        expect(carried.lessons.filter((l) => l.finishedAt).map((l) => l.lessonId).sort()).toEqual([lesson1!.id, lesson2!.id].sort());
        expect(carried.activities.map((a) => [a.key, a.best, a.passed]).sort()).toEqual([[activityKey('quiz', module1.id), 100, true], ['final', 100, true]].sort());

        await closeCourse(page);
        const time = (await sent(page))[element(version, 'cmi.core.session_time', 'cmi.session_time')]!;
        expect(time).toMatch(version === '1.2' ? /^\d{4}:\d{2}:\d{2}\.\d{2}$/ : /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
        expect(time).not.toMatch(/^(0000:00:00\.00|PT0S)$/);
        stored[version] = await lmsRecord(page, version);
      },
      lmsDevice(learner(version, 'u-1', 'Иванова, Анна')),
    );
  }, 120_000);

  it('a launch in a fresh browser with what the LMS stored resumes at the location, with the progress', async () => {
    expect(stored[version], 'the first journey stored the LMS data').toBeDefined();
    await withContext(
      'tablet',
      async (_context, page) => {
        const course = await openLms(page, version);
        await expect.poll(() => h1(course)).toBe(lesson2!.title);
        await go(course, `#/module/${module1.id}`);
        await expect.poll(() => course.getByText('✓ прочитан').count()).toBe(2);
        await go(course, `#/quiz/${module1.id}`);
        await course.getByText('Ваш лучший результат: 100 %', { exact: false }).waitFor();
        await screenshot(page, `scorm-${version === '1.2' ? '12' : '2004'}-resumed`);
        // The resumed session reports the same standing, not a fresh start.
        await expect.poll(async () => (await sent(page))['cmi.suspend_data'] ?? '', { timeout: 10_000 }).toMatch(/^sz1:/);
        expect((await sent(page))[element(version, 'cmi.core.lesson_status', 'cmi.completion_status')]).toBe('incomplete');
        expect(decodeSuspendData(index.steps, (await sent(page))['cmi.suspend_data']!)!.lessons.filter((l) => l.finishedAt)).toHaveLength(2);
      },
      lmsDevice(stored[version]!),
    );
  }, 60_000);

  it('finishing the course reports it passed with the final test’s score, and exits normally', async () => {
    // The LMS resumes a learner who has done every module; only the final test is left.
    const now = Date.now() - 3_600_000;
    const attempt = (score: number) => ({ id: crypto.randomUUID(), startedAt: now - 60_000, finishedAt: now, score, passed: true, mistakes: [] });
    const activities: ActivityRecord[] = index.steps
      .filter((s) => s.kind === 'quiz' || s.kind === 'exercise')
      .map((s) => ({ key: activityKey(s.kind as 'quiz' | 'exercise', s.id), attempts: [attempt(90)], best: 90, passed: true, draft: null, updatedAt: now }));
    const lessons = index.modules.flatMap((m) => m.lessons).map((l) => ({ lessonId: l.id, firstVisitedAt: now, lastVisitedAt: now, finishedAt: now }));
    const suspend_data = encodeSuspendData(index.steps, { lessons, activities, meta: { location: '#/final', updatedAt: now } });
    const initial = version === '1.2' ? { core: { student_id: 'u-2', student_name: 'Борисов, Борис', entry: 'resume' }, suspend_data } : { learner_id: 'u-2', learner_name: 'Борисов, Борис', entry: 'resume', suspend_data };
    await withContext(
      'tablet',
      async (_context, page) => {
        const course = await openLms(page, version);
        await expect.poll(() => h1(course)).toBe('Итоговый тест');
        await passTest(course, finalBank, 10);
        const status = element(version, 'cmi.core.lesson_status', 'cmi.success_status');
        await expect.poll(async () => (await sent(page))[status], { timeout: 10_000 }).toBe('passed');
        await screenshot(page, `scorm-${version === '1.2' ? '12' : '2004'}-passed`);
        await closeCourse(page);
        const values = await sent(page);
        if (version === '1.2') {
          expect(values).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100', 'cmi.core.exit': '' });
        } else {
          expect(values).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '1', 'cmi.score.raw': '100', 'cmi.progress_measure': '1', 'cmi.exit': 'normal' });
        }
      },
      lmsDevice(initial),
    );
  }, 90_000);
});

describe('the SCORM build without an LMS', () => {
  it('says progress stays in this browser, and the course still works', async () => {
    await withContext('tablet', async (_context, page) => {
      await page.goto(`${server.url}${folder('1.2')}/index.html`);
      await page.getByRole('status').filter({ hasText: 'прогресс сохраняется только в этом браузере' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Ваше имя').fill('Вера');
      await page.getByRole('button', { name: 'Начать' }).tap();
      await page.getByRole('button', { name: /Сменить сотрудника/ }).waitFor();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(index.course.title);
      await screenshot(page, 'scorm-without-lms');
    }, { origin: server.origin });
  }, 30_000);
});
