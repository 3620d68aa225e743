/**
 * Journeys in an LMS: the course is built in mode `scorm`, both packages are unzipped (fflate), and each runs in a frame of a tiny LMS page backed by scorm-again's run-time (the
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
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { loadContent } from '../../src/build/load-content.ts';
import { typographDeep } from '../../src/build/typography.js';
import { zipName } from '../../src/build/lms/package-plugin.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_LIMIT_12, SUSPEND_LIMIT_2004 } from '../../src/lib/lms/suspend-data.ts';
import type { ActivityRecord } from '../../src/lib/progress/api.ts';
import { activityKey } from '../../src/lib/progress/status.ts';
import type { FinalTestFile, Question, QuizFile } from '../../src/lib/quiz/types.ts';
import { fullestLearner } from '../lms/worst-case.ts';
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
interface ReadEntry {
  name: string;
  data: Uint8Array;
}
const readZip = (bytes: Uint8Array): ReadEntry[] => Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
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

/**
 * A tablet on the LMS's host, whose LMS page starts with `initial` CMI data; `refuseCommits` makes
 * the LMS refuse that many commits first; `before` runs on the context first (its own init scripts);
 * `allow` names problems the pages may report.
 */
const lmsDevice = (
  initial: Record<string, unknown>,
  { refuseCommits = 0, before, allow }: { refuseCommits?: number; before?: ContextOptions['before']; allow?: RegExp[] } = {},
): ContextOptions => ({
  origin: server.origin,
  allow,
  before: async (context) => {
    await before?.(context);
    await context.addInitScript(({ data, refuse }) => Object.assign(window, { LMS_INITIAL_CMI: data, LMS_REFUSE_COMMITS: refuse }), { data: initial, refuse: refuseCommits });
  },
});

/**
 * Opens the LMS page for a version and waits for the course in its frame. `initial`, when given,
 * is CMI data for this launch, added to the page's context (the same browser as an earlier launch):
 * init scripts run in the order added, so this launch's data wins over an earlier launch's.
 */
async function openLms(page: Page, version: Version, { initial }: { initial?: Record<string, unknown> } = {}): Promise<Frame> {
  if (initial) await page.context().addInitScript((data) => ((window as unknown as { LMS_INITIAL_CMI: unknown }).LMS_INITIAL_CMI = data), initial);
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
    // One identifier per standard, the version of package.json, and the control documents named.
    const pkg = readJson<{ version: string }>(join(process.cwd(), 'package.json'));
    expect(text('imsmanifest.xml')).toContain(`<manifest identifier="silnoe-zveno-scorm${version === '1.2' ? '12' : '2004'}" version="${pkg.version}"`);
    const schemas = /xsi:schemaLocation="([^"]*)"/.exec(text('imsmanifest.xml'))![1]!.trim().split(/\s+/).filter((_, i) => i % 2 === 1);
    for (const file of schemas) expect(names, file).toContain(file);
    const controlDocuments = names.filter((n) => /^[\w.]+\.(xsd|dtd)$/.test(n));
    expect(names.every((n) => !n.startsWith('/') && !n.includes('..'))).toBe(true);
    expect(text('imsmanifest.xml')).toContain(version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"');
    for (const name of names.filter((n) => n !== 'imsmanifest.xml' && !controlDocuments.includes(n))) expect(text('imsmanifest.xml')).toContain(`<file href="${name}"/>`);
    expect(names.filter((n) => /(^|\/)(sw|service-worker|registerSW)\.js$|workbox|\.webmanifest$/.test(n))).toEqual([]);
    expect(text('index.html')).not.toMatch(/rel=["']?manifest/);
    expect(text('index.html')).toContain(`<meta name="sz-scorm-version" content="${version}" />`);
    for (const name of names.filter((n) => n.endsWith('.js'))) expect(text(name), name).not.toMatch(/serviceWorker\s*\.\s*register/);
    // Same course in both: the same files, the same bytes but for the manifest and the marked launch page.
    const other = zips[version === '1.2' ? '2004' : '1.2']!;
    const course = (list: string[]) => list.filter((n) => !/^[\w.]+\.(xsd|dtd)$/.test(n));
    expect(course(other.map((e) => e.name))).toEqual(course(names));
    for (const entry of zips[version]!.filter((e) => !['imsmanifest.xml', 'index.html'].includes(e.name) && !controlDocuments.includes(e.name))) {
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
        // The header holds the name for a tablet and for a phone's menu; one of them is on screen.
        expect(await course.getByText('Анна Иванова').filter({ visible: true }).count()).toBe(1);
        expect(await course.getByText('Иванова, Анна').count()).toBe(0);
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
        // Incomplete, so no score yet: an LMS with a mastery score would take one for a pass.
        expect(Object.keys(values).filter((k) => k.includes('score'))).toEqual([]);
        if (version === '1.2') {
          expect(values).toMatchObject({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend' });
        } else {
          expect(values).toMatchObject({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.exit': 'suspend' });
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

// ── what the LMS says about the attempt, and trouble on the way ────────────────────────────

/** A learner who has done every module and whose final test stands at `score` (passed by the course from 80). */
function finishedData(score: number) {
  const now = Date.now() - 3_600_000;
  const attempt = (s: number) => ({ id: crypto.randomUUID(), startedAt: now - 60_000, finishedAt: now, score: s, passed: s >= 80, mistakes: [] });
  const activities: ActivityRecord[] = index.steps
    .filter((s) => s.kind !== 'lesson')
    .map((s) => {
      const key = s.kind === 'final' ? 'final' : activityKey(s.kind as 'quiz' | 'exercise', s.id);
      const a = attempt(key === 'final' ? score : 90);
      return { key, attempts: [a], best: a.score, passed: a.passed, draft: null, updatedAt: now };
    });
  const lessons = index.modules.flatMap((m) => m.lessons).map((l) => ({ lessonId: l.id, firstVisitedAt: now, lastVisitedAt: now, finishedAt: now }));
  return encodeSuspendData(index.steps, { lessons, activities, meta: { location: '#/final', updatedAt: now } }, 64_000);
}

/** CMI data of a learner, in either version's shape. */
function cmi(version: Version, { id, entry = '', suspend_data = '', status = '', mode = '', mastery = '' }: { id: string; entry?: string; suspend_data?: string; status?: string; mode?: string; mastery?: string }) {
  if (version === '1.2') {
    return {
      core: { student_id: id, student_name: 'Смирнова, Ольга', entry, ...(status ? { lesson_status: status } : {}), ...(mode ? { lesson_mode: mode } : {}) },
      ...(mastery ? { student_data: { mastery_score: mastery } } : {}),
      suspend_data,
    };
  }
  return { learner_id: id, learner_name: 'Смирнова, Ольга', entry, suspend_data, ...(status ? { completion_status: status } : {}), ...(mode ? { mode } : {}), ...(mastery ? { scaled_passing_score: mastery } : {}) };
}

/** What the LMS holds now (not what was sent: what it kept). */
const lmsValue = (page: Page, element: string) => page.evaluate((e) => (window as unknown as { LMS_API: { getCMIValue(e: string): string } }).LMS_API.getCMIValue(e), element);
const statusElement = (version: Version) => element(version, 'cmi.core.lesson_status', 'cmi.completion_status');

describe.each(VERSIONS)('what the LMS says decides, SCORM %s', (version) => {
  it('a new attempt in a browser where the learner passed before starts from zero', async () => {
    await withContext(
      'tablet',
      async (context, page) => {
        await openLms(page, version);
        await expect.poll(async () => (await sent(page))[element(version, 'cmi.core.lesson_status', 'cmi.success_status')], { timeout: 15_000 }).toBe('passed');
        await closeCourse(page);
        await page.close();

        // The LMS starts a new attempt (a recertification, or a reset) for the same learner, in the same browser.
        const nextPage = await context.newPage();
        const next = await openLms(nextPage, version, { initial: cmi(version, { id: 'u-new', entry: 'ab-initio' }) });
        await expect.poll(async () => (await sent(nextPage))['cmi.suspend_data'] ?? '', { timeout: 15_000 }).toMatch(/^sz1:/);
        const values = await sent(nextPage);
        expect(Object.keys(values).filter((k) => k.includes('score'))).toEqual([]);
        expect(values[statusElement(version)]).toBe('incomplete');
        if (version === '2004') expect(values['cmi.success_status']).toBe('unknown');
        const carried = decodeSuspendData(index.steps, values['cmi.suspend_data']!)!;
        expect([carried.lessons, carried.activities]).toEqual([[], []]);
        await go(next, `#/module/${module1.id}`);
        await next.getByRole('heading', { level: 1, name: module1.title }).waitFor();
        expect(await next.getByText('✓ прочитан').count()).toBe(0);
      },
      lmsDevice(cmi(version, { id: 'u-new', entry: 'resume', suspend_data: finishedData(100) })),
    );
  }, 90_000);

  it('the LMS’s mastery score decides the pass, not the course’s', async () => {
    // The final test at 90: the course passes from 80, this LMS asks for 95.
    await withContext(
      'tablet',
      async (_context, page) => {
        await openLms(page, version);
        const success = element(version, 'cmi.core.lesson_status', 'cmi.success_status');
        await expect.poll(async () => (await sent(page))[success], { timeout: 15_000 }).toBe('failed');
        expect((await sent(page))[element(version, 'cmi.core.score.raw', 'cmi.score.raw')]).toBe('90');
        await closeCourse(page);
        expect(await lmsValue(page, success)).toBe('failed');
      },
      lmsDevice(cmi(version, { id: 'u-mastery', entry: 'resume', suspend_data: finishedData(90), mastery: version === '1.2' ? '95' : '0.95' })),
    );
  }, 60_000);

  it('a review changes nothing in the LMS', async () => {
    const suspend_data = finishedData(60);
    await withContext(
      'tablet',
      async (_context, page) => {
        const course = await openLms(page, version);
        await readLesson(course, lesson1!.id);
        await go(course, '#/final');
        await expect.poll(() => h1(course)).toBe('Итоговый тест');
        await go(course, `#/module/${module1.id}`);
        await expect.poll(() => course.getByText('✓ прочитан').count()).toBeGreaterThan(0);
        const banner = await course.getByRole('status').filter({ hasText: 'Режим просмотра' }).count();
        await closeCourse(page);
        expect((await calls(page)).filter((c) => c.startsWith('set ') || c.includes('Commit'))).toEqual([]);
        expect(banner).toBe(1);
        expect(await lmsValue(page, statusElement(version))).toBe('incomplete');
        expect(await lmsValue(page, 'cmi.suspend_data')).toBe(suspend_data);
      },
      lmsDevice(cmi(version, { id: 'u-review', entry: 'resume', suspend_data, status: 'incomplete', mode: 'review' })),
    );
  }, 60_000);

  it('a refused commit is tried again and then accepted, with nothing on screen', async () => {
    await withContext(
      'tablet',
      async (_context, page) => {
        const course = await openLms(page, version);
        const commit = version === '1.2' ? 'LMSCommit' : 'Commit';
        // No learner action: the course tries again by itself.
        await expect.poll(async () => (await calls(page)).filter((c) => c.startsWith(commit)), { timeout: 15_000 }).toEqual(expect.arrayContaining([`${commit} refused`, `${commit} refused`, commit]));
        const log = (await calls(page)).filter((c) => c.startsWith(commit));
        expect(log.slice(0, 3)).toEqual([`${commit} refused`, `${commit} refused`, commit]);
        expect(await lmsValue(page, statusElement(version))).toBe('incomplete');
        expect(await course.getByText('не приняла').count()).toBe(0);
      },
      lmsDevice(cmi(version, { id: 'u-commit' }), { refuseCommits: 2 }),
    );
  }, 60_000);

  it('when this browser refuses to store the learner: no false completion, and the banner says what is true', async () => {
    // The database opens and its probe is written, then every write of a record is refused (a full disk).
    const refuseWrites = (context: BrowserContext) =>
      context.addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (args[1] !== 'device/probe') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
    await withContext(
      'tablet',
      async (_context, page) => {
        const course = await openLms(page, version);
        // The LMS has the attempt as begun, and its session stays open.
        await expect.poll(() => lmsValue(page, statusElement(version))).toBe('incomplete');
        expect((await calls(page)).filter((c) => /^(LMSFinish|Terminate)$/.test(c))).toEqual([]);
        await course.getByRole('status').filter({ hasText: 'Этот браузер не может сохранить ваш прогресс' }).waitFor();
        expect(await course.getByText('LMS не ответила').count()).toBe(0);
        await readLesson(course, lesson1!.id);
        await expect.poll(async () => decodeSuspendData(index.steps, (await sent(page))['cmi.suspend_data'] ?? '')?.lessons.length ?? 0, { timeout: 15_000 }).toBe(1);
        await screenshot(page, `scorm-${version === '1.2' ? '12' : '2004'}-storage-refused`);
        await closeCourse(page);
        expect(await lmsValue(page, statusElement(version))).toBe('incomplete');
        expect(await lmsValue(page, element(version, 'cmi.core.exit', 'cmi.exit')).catch(() => 'write-only')).not.toBe('normal');
      },
      lmsDevice(cmi(version, { id: 'u-full' }), { before: refuseWrites, allow: [/Progress not saved/, /cannot keep the learner/] }),
    );
  }, 60_000);
});

describe('SCORM 2004 resume data', () => {
  it('the fullest learner, with the longest ids a record allows, is sent back within 4000 characters', async () => {
    const fullest = fullestLearner(index, { pad: '€' });
    const suspend_data = encodeSuspendData(index.steps, fullest, 64_000);
    expect(suspend_data.length).toBeGreaterThan(4000); // as a 2004 LMS may hold, but over the 2nd Edition's limit
    await withContext(
      'tablet',
      async (_context, page) => {
        await openLms(page, '2004');
        await expect.poll(async () => (await sent(page))['cmi.suspend_data'] ?? '', { timeout: 15_000 }).toMatch(/^sz1:/);
        const back = (await sent(page))['cmi.suspend_data']!;
        expect(back.length).toBeLessThanOrEqual(4000);
        expect(SUSPEND_LIMIT_2004).toBe(4000);
        const carried = decodeSuspendData(index.steps, back)!;
        expect(carried.lessons).toHaveLength(fullest.lessons.length);
        const standing = (list: ActivityRecord[]) => list.map((a) => [a.key, a.best, a.passed]).sort();
        expect(standing(carried.activities)).toEqual(standing(fullest.activities.map((a) => ({ ...a, best: 100, passed: true }))));
      },
      lmsDevice(cmi('2004', { id: 'u-fullest', entry: 'resume', suspend_data })),
    );
  }, 60_000);
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
