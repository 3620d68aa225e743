import { describe, expect, it } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { activityKey } from '$lib/progress/status.ts';
import { memoryKeyValue, type KeyValue } from '$lib/progress/storage.ts';
import { COMMIT_RETRY_MS, connectLms, LmsSession, packageVersion, resumableLocation } from './session.ts';
import type { LmsStart } from './start.ts';
import { QUIET, Scorm12API, Scorm2004API } from '../../../tests/lms/scorm-again.ts';
import { decodeSuspendData, encodeSuspendData, type ProgressData } from './suspend-data.ts';

const [lesson1, lesson2] = courseIndex.modules[0]!.lessons;
const quiz1 = activityKey('quiz', courseIndex.modules[0]!.id);

/** The last value the course set for each element (some, like exit, cannot be read back). */
function recordSetValues(lms: InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>): Record<string, string> {
  const sent: Record<string, string> = {};
  lms.on(lms instanceof Scorm12API ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (element: string, value: string) => (sent[element] = value));
  return sent;
}

/** A course frame inside an LMS frame that holds `api` under its version's name. */
function frameIn(api: object | null, { name = 'API_1484_11', hash = '', meta = '' } = {}) {
  const lms = { [name]: api } as Record<string, unknown>;
  lms.parent = lms;
  const doc = document.implementation.createHTMLDocument('course');
  if (meta) doc.head.innerHTML = `<meta name="sz-scorm-version" content="${meta}">`;
  const location = { hash };
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => (location.hash = url) };
  const events: string[] = [];
  return { parent: lms, document: doc, location, history, events, dispatchEvent: (e: Event) => events.push(e.type) } as unknown as Window & { location: { hash: string }; events: string[] };
}

const connected = (start: LmsStart) => {
  if (start.kind !== 'connected') throw new Error(`expected a connection, got ${JSON.stringify(start)}`);
  return start.session;
};

async function openStore(kv: KeyValue = memoryKeyValue()) {
  return { kv, store: await openStores(kv) };
}

/** What the store holds for the learner now, as the bridge hands it to the session. */
const progressOf = (store: AppStores) => ({ lessons: Object.values(store.progress.lessons), activities: Object.values(store.progress.activities), meta: store.progress.meta });

describe('connectLms', () => {
  it('says absent when there is no LMS, and leaves the roster alone', async () => {
    const { store } = await openStore();
    expect(await connectLms(store, frameIn(null))).toEqual({ kind: 'absent' });
    expect(store.roster.profiles).toEqual([]);
    expect(store.roster.learner).toBeNull();
  });

  it('says failed when the LMS refuses to initialize', async () => {
    const { store } = await openStore();
    const api = new Scorm2004API(QUIET);
    api.Initialize('');
    api.Terminate(''); // a finished session cannot be started again
    const start = await connectLms(store, frameIn(api));
    expect(start.kind).toBe('failed');
    expect(store.roster.learner).toBeNull();
  });

  it('makes the LMS learner the learner: a profile by LMS id, «Имя Фамилия», no PIN, opened', async () => {
    const { store } = await openStore();
    const api = new Scorm2004API(QUIET);
    api.loadFromJSON({ learner_id: 'u-17', learner_name: 'Иванова, Анна' });
    const session = connected(await connectLms(store, frameIn(api)));
    expect(session.version).toBe('2004');
    expect(session.profileId).toBe('lms-u-17');
    expect(store.roster.learner).toMatchObject({ id: 'lms-u-17', name: 'Анна Иванова', pin: null });
  });

  it('keeps the learner in memory when this browser cannot store them, and never ends the LMS session', async () => {
    const full: KeyValue = { ...memoryKeyValue(), set: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const { store } = await openStore(full);
    const api = new Scorm12API(QUIET);
    api.loadFromJSON({ core: { student_id: 'u-17', student_name: 'Анна', entry: 'ab-initio' } });
    const sent = recordSetValues(api);
    const start = await connectLms(store, frameIn(api, { name: 'API', meta: '1.2' }));
    if (start.kind !== 'connected' || start.storage !== 'memory') throw new Error(`expected a session in memory, got ${start.kind}`);
    expect(api.isTerminated()).toBe(false);
    expect(start.stores.roster.learner).toMatchObject({ id: 'lms-u-17', name: 'Анна' });
    expect(store.roster.learner).toBeNull();
    // The LMS has the attempt on record, and still gets the progress.
    expect(sent['cmi.core.lesson_status']).toBe('incomplete');
    await start.stores.progress.visitLesson(lesson1!.id, true);
    expect(start.session.report(progressOf(start.stores))).toBe(true);
    expect(decodeSuspendData(courseIndex.steps, sent['cmi.suspend_data']!)!.lessons).toHaveLength(1);
  });

  it('opens the same profile on the next launch, even if someone gave it a PIN', async () => {
    const { kv, store } = await openStore();
    await store.roster.saveProfile({ id: 'lms-u-17', name: 'Анна', pin: { salt: '0'.repeat(32), hash: '0'.repeat(64), iterations: 100_000 }, createdAt: Date.UTC(2025, 0, 1), lastActiveAt: Date.UTC(2025, 0, 1) });
    const api = new Scorm12API(QUIET);
    api.loadFromJSON({ core: { student_id: 'u-17', student_name: 'Иванова, Анна' } });
    const { store: again } = await openStore(kv);
    connected(await connectLms(again, frameIn(api, { name: 'API', meta: '1.2' })));
    expect(again.roster.profiles.filter((p) => p.id === 'lms-u-17')).toHaveLength(1);
    expect(again.roster.learner).toMatchObject({ id: 'lms-u-17', createdAt: Date.UTC(2025, 0, 1), pin: null });
  });
});

describe('a session reported to scorm-again, then resumed in another browser', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s', async (version) => {
    const make = () => (version === '1.2' ? new Scorm12API(QUIET) : new Scorm2004API(QUIET));
    const name = version === '1.2' ? 'API' : 'API_1484_11';
    const lms = make();
    lms.loadFromJSON(version === '1.2' ? { core: { student_id: 'u-5', student_name: 'Петров, Пётр' } } : { learner_id: 'u-5', learner_name: 'Петров, Пётр' });
    const sent = recordSetValues(lms);

    // First launch: read two lessons, fail then pass the first quiz, stop in the quiz.
    const { store } = await openStore();
    const session = connected(await connectLms(store, frameIn(lms, { name, meta: version })));
    await store.progress.visitLesson(lesson1!.id, true);
    await store.progress.visitLesson(lesson2!.id, true);
    await store.progress.recordAttempt(quiz1, { startedAt: Date.now() - 60_000, finishedAt: Date.now() - 30_000, score: 50, passed: false, mistakes: ['q2', 'q3'] });
    await store.progress.recordAttempt(quiz1, { startedAt: Date.now() - 20_000, finishedAt: Date.now(), score: 100, passed: true, mistakes: [] });
    store.progress.setLocation(`#/quiz/${courseIndex.modules[0]!.id}?q=2`);
    expect(session.report(progressOf(store))).toBe(true);
    expect(session.finish(progressOf(store))).toBe(true);

    const location = `#/quiz/${courseIndex.modules[0]!.id}?q=2`;
    if (version === '1.2') {
      expect([sent['cmi.core.lesson_status'], sent['cmi.core.exit'], sent['cmi.core.lesson_location']]).toEqual(['incomplete', 'suspend', location]);
      expect(sent['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    } else {
      expect([sent['cmi.completion_status'], sent['cmi.success_status'], sent['cmi.exit'], sent['cmi.location']]).toEqual(['incomplete', 'unknown', 'suspend', location]);
      expect(sent['cmi.session_time']).toMatch(/^PT[\d.HMS]+$/);
      expect(Number(sent['cmi.progress_measure'])).toBeGreaterThan(0);
    }
    expect(sent['cmi.suspend_data']!.length).toBeLessThanOrEqual(4096);
    expect(decodeSuspendData(courseIndex.steps, sent['cmi.suspend_data']!)?.lessons).toHaveLength(2);

    // Another browser, the same learner: the LMS starts the course with what it stored.
    const next = make();
    next.loadFromJSON(JSON.parse(lms.renderCMIToJSONString()) as Record<string, unknown>);
    const { store: elsewhere } = await openStore();
    const frame = frameIn(next, { name, meta: version });
    connected(await connectLms(elsewhere, frame));
    expect(elsewhere.roster.learner?.name).toBe('Пётр Петров');
    expect(Object.values(elsewhere.progress.lessons).filter((l) => l.finishedAt).map((l) => l.lessonId).sort()).toEqual([lesson1!.id, lesson2!.id].sort());
    expect(elsewhere.progress.activity(quiz1)).toMatchObject({ best: 100, passed: true });
    expect(elsewhere.progress.activity(quiz1)!.attempts.map((a) => a.score)).toEqual([50, 100]);
    expect(frame.location.hash).toBe(`#/quiz/${courseIndex.modules[0]!.id}?q=2`);
    expect(frame.events).toEqual(['hashchange']);
  });
});

describe('merging what the LMS kept', () => {
  it('never lowers a better result this browser has, and keeps its mistakes', async () => {
    const { store } = await openStore();
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-9', learner_name: 'Оля' });
    const first = connected(await connectLms(store, frameIn(lms)));
    await store.progress.recordAttempt(quiz1, { startedAt: Date.now() - 60_000, finishedAt: Date.now() - 5000, score: 60, passed: false, mistakes: ['q1'] });
    first.finish(progressOf(store));

    // Later, in this browser only (no LMS), the learner did better.
    await store.progress.recordAttempt(quiz1, { startedAt: Date.now() - 4000, finishedAt: Date.now(), score: 100, passed: true, mistakes: [] });
    const next = new Scorm2004API(QUIET);
    const kept = JSON.parse(lms.renderCMIToJSONString()) as { cmi?: Record<string, unknown> } & Record<string, unknown>;
    next.loadFromJSON({ ...(kept.cmi ?? kept), entry: 'resume' });
    connected(await connectLms(store, frameIn(next, { hash: '#/lesson/x' })));
    const record = store.progress.activity(quiz1)!;
    expect(record).toMatchObject({ best: 100, passed: true });
    expect(record.attempts).toHaveLength(2);
    expect(record.attempts[0]!.mistakes).toEqual(['q1']);
  });

  it('a launch that names a place keeps it; suspend data from another course is ignored', async () => {
    const { store } = await openStore();
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-3', learner_name: 'Ира', suspend_data: 'viewed=1,2|slide=3', location: `#/lesson/${lesson2!.id}` });
    const frame = frameIn(lms, { hash: '#/final' });
    connected(await connectLms(store, frame));
    expect(frame.location.hash).toBe('#/final');
    expect(store.progress.lessons).toEqual({});
    expect(store.progress.meta.location).toBe(`#/lesson/${lesson2!.id}`);
  });
});

describe('LmsSession.report', () => {
  it('sends only what changed, and commits only then (or when forced)', async () => {
    // The LMS already has a status: nothing is set at launch.
    const calls: string[] = [];
    const api = {
      Initialize: () => 'true',
      Terminate: () => 'true',
      GetValue: (e: string) => (e === 'cmi.completion_status' ? 'incomplete' : ''),
      SetValue: (e: string) => (calls.push(e), 'true'),
      Commit: () => (calls.push('Commit'), 'true'),
      GetLastError: () => '0',
      GetErrorString: () => '',
    };
    const { store } = await openStore();
    const session = connected(await connectLms(store, frameIn(api)));
    const empty = { lessons: [], activities: [], meta: null };
    session.report(empty);
    expect(calls).toContain('cmi.completion_status');
    expect(calls.at(-2)).toBe('cmi.session_time');
    expect(calls.at(-1)).toBe('Commit');
    calls.length = 0;
    expect(session.report(empty)).toBe(true);
    expect(calls).toEqual([]);
    session.report(empty, { force: true });
    expect(calls).toEqual(['cmi.session_time', 'Commit']);
    calls.length = 0;
    session.report({ ...empty, meta: { location: `#/lesson/${lesson1!.id}`, updatedAt: Date.now() } });
    expect(calls).toEqual(['cmi.location', 'cmi.suspend_data', 'cmi.session_time', 'Commit']);
  });

  it('reports a refused commit, tries it again a second apart, and says failed only after the last try', async () => {
    let answer = 'false';
    let commits = 0;
    const api = { Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true', Commit: () => (commits++, answer), GetLastError: () => '391', GetErrorString: () => 'Commit failed' };
    const { store } = await openStore();
    const timers: { run: () => void; ms: number }[] = [];
    const schedule = (run: () => void, ms: number) => {
      const timer = { run, ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    };
    const session = connected(await connectLms(store, frameIn(api), { schedule }));
    const states: string[] = [];
    session.onCommitState = (state) => states.push(state);
    expect(session).toBeInstanceOf(LmsSession);
    expect(session.commitState).toBe('retrying'); // the first status was refused already
    timers.splice(0); // start over with a report
    commits = 0;
    expect(session.report({ lessons: [], activities: [], meta: null })).toBe(false);
    expect(session.lastError).toMatchObject({ call: 'commit', code: '391' });
    for (let n = 0; n < COMMIT_RETRY_MS.length; n++) {
      expect(timers.map((t) => t.ms)).toEqual([COMMIT_RETRY_MS[n]]);
      expect(session.commitState).toBe('retrying');
      timers.shift()!.run();
    }
    expect(timers).toEqual([]);
    expect(commits).toBe(1 + COMMIT_RETRY_MS.length);
    expect(session.commitState).toBe('failed');
    expect(states).toEqual(['failed']);
    // One more try when the course closes; then the end.
    answer = 'true';
    expect(session.finish(null)).toBe(true);
    expect(commits).toBe(2 + COMMIT_RETRY_MS.length);
    expect(session.commitState).toBe('ok');
  });

  it('a retry the LMS accepts ends the trouble with no more tries', async () => {
    let answer = 'false';
    const api = { Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true', Commit: () => answer, GetLastError: () => '391', GetErrorString: () => 'Commit failed' };
    const { store } = await openStore();
    const timers: (() => void)[] = [];
    const session = connected(await connectLms(store, frameIn(api), { schedule: (run) => (timers.push(run), () => {}) }));
    answer = 'true';
    timers.shift()!();
    expect(session.commitState).toBe('ok');
    expect(timers).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads the package version from the launch page, 2004 when it says nothing', () => {
    expect(packageVersion(frameIn(null, { meta: '1.2' }).document)).toBe('1.2');
    expect(packageVersion(frameIn(null).document)).toBe('2004');
  });

  it('resumes only to a lesson, exercise or test route of this app', () => {
    expect(resumableLocation('#/lesson/a1?p=p3')).toBe('#/lesson/a1?p=p3');
    expect(resumableLocation('#/final')).toBe('#/final');
    for (const bad of ['', null, '#/', '#/settings', '#/manager', 'javascript:alert(1)', 'https://example.org/#/lesson/a', `#/lesson/${'a'.repeat(2000)}`]) {
      expect(resumableLocation(bad)).toBeNull();
    }
  });
});

// ── what the LMS says about the launch ──────────────────────────────────────────────────────

const final = 'final';
/** Everything done and the final test passed with `score`: the LMS's resume data of a finished learner. */
function finishedProgress(score: number): ProgressData {
  const now = Date.now() - 3_600_000;
  const attempt = (s: number) => ({ id: crypto.randomUUID(), startedAt: now - 60_000, finishedAt: now, score: s, passed: s >= 80, mistakes: [] });
  const activities = courseIndex.steps
    .filter((s) => s.kind !== 'lesson')
    .map((s) => {
      const key = s.kind === 'final' ? final : activityKey(s.kind as 'quiz' | 'exercise', s.id);
      const a = attempt(key === final ? score : 90);
      return { key, attempts: [a], best: a.score, passed: a.passed, draft: null, updatedAt: now };
    });
  const lessons = courseIndex.modules.flatMap((m) => m.lessons).map((l) => ({ lessonId: l.id, firstVisitedAt: now, lastVisitedAt: now, finishedAt: now }));
  return { lessons, activities, meta: { location: '#/final', updatedAt: now } };
}

describe('a new attempt and a resumed one', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s: a new attempt in a browser where the learner passed before starts from zero', async (version) => {
    const { store } = await openStore();
    // An earlier attempt, passed in this browser.
    await store.roster.saveProfile({ id: 'lms-u-8', name: 'Оля', pin: null, createdAt: Date.UTC(2025, 0, 1), lastActiveAt: Date.UTC(2025, 0, 1) });
    await store.progress.mergeInto('lms-u-8', finishedProgress(100));
    const lms = version === '1.2' ? new Scorm12API(QUIET) : new Scorm2004API(QUIET);
    lms.loadFromJSON(version === '1.2' ? { core: { student_id: 'u-8', student_name: 'Оля', entry: 'ab-initio' } } : { learner_id: 'u-8', learner_name: 'Оля', entry: 'ab-initio' });
    const sent = recordSetValues(lms);
    const session = connected(await connectLms(store, frameIn(lms, { name: version === '1.2' ? 'API' : 'API_1484_11', meta: version })));
    expect(session.profileId).toMatch(/^lms-u-8~[0-9a-z]+$/);
    expect(store.progress.lessons).toEqual({});
    expect(store.progress.activities).toEqual({});
    session.report(progressOf(store));
    if (version === '1.2') {
      expect(sent['cmi.core.lesson_status']).toBe('incomplete');
      expect(sent['cmi.core.score.raw']).toBeUndefined();
    } else {
      expect([sent['cmi.completion_status'], sent['cmi.success_status'], sent['cmi.score.raw']]).toEqual(['incomplete', 'unknown', undefined]);
    }
    // The old attempt is set aside, not lost.
    expect((await store.progress.readLearner('lms-u-8')).activities.length).toBeGreaterThan(0);

    // Resuming this new attempt later goes on in the new profile, not the old one.
    const next = version === '1.2' ? new Scorm12API(QUIET) : new Scorm2004API(QUIET);
    await store.progress.visitLesson(lesson1!.id, true);
    next.loadFromJSON(version === '1.2' ? { core: { student_id: 'u-8', student_name: 'Оля', entry: 'resume' } } : { learner_id: 'u-8', learner_name: 'Оля', entry: 'resume' });
    const resumed = connected(await connectLms(store, frameIn(next, { name: version === '1.2' ? 'API' : 'API_1484_11', meta: version })));
    expect(resumed.profileId).toBe(session.profileId);
    expect(Object.keys(store.progress.lessons)).toEqual([lesson1!.id]);
  });

  it('a new attempt in a browser that kept nothing of the learner opens their usual profile', async () => {
    const { store } = await openStore();
    await store.roster.saveProfile({ id: 'lms-u-8', name: 'Оля', pin: null, createdAt: Date.UTC(2025, 0, 1), lastActiveAt: Date.UTC(2025, 0, 1) });
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-8', learner_name: 'Оля', entry: 'ab-initio' });
    expect(connected(await connectLms(store, frameIn(lms))).profileId).toBe('lms-u-8');
  });
});

describe('status at launch', () => {
  it.each([
    ['1.2', { core: { lesson_status: 'not attempted' } }, ['cmi.core.lesson_status=incomplete', 'cmi.core.exit=suspend', 'LMSCommit']],
    ['2004', {}, ['cmi.completion_status=incomplete', 'cmi.exit=suspend', 'Commit']],
  ] as const)('SCORM %s: no status yet: incomplete and exit suspend, committed at once', async (version, data, expected) => {
    const lms = version === '1.2' ? new Scorm12API(QUIET) : new Scorm2004API(QUIET);
    lms.loadFromJSON({ ...data, ...(version === '1.2' ? { core: { ...(data as { core?: object }).core, student_id: 'u-1' } } : { learner_id: 'u-1' }) });
    const calls: string[] = [];
    lms.on(version === '1.2' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (e: string, v: string) => calls.push(`${e}=${v}`));
    lms.on(version === '1.2' ? 'LMSCommit' : 'Commit', () => calls.push(version === '1.2' ? 'LMSCommit' : 'Commit'));
    const { store } = await openStore();
    connected(await connectLms(store, frameIn(lms, { name: version === '1.2' ? 'API' : 'API_1484_11', meta: version })));
    expect(calls.slice(0, 3)).toEqual(expected);
  });

  it.each([
    ['an LMS that already has a status', { completion_status: 'incomplete' }],
    ['review mode', { mode: 'review' }],
    ['browse mode', { mode: 'browse' }],
    ['no credit', { credit: 'no-credit' }],
  ])('nothing at launch for %s', async (_name, data) => {
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-1', ...data });
    const sent = recordSetValues(lms);
    const { store } = await openStore();
    connected(await connectLms(store, frameIn(lms)));
    expect(sent).toEqual({});
  });
});

describe('mode, credit and the LMS pass mark', () => {
  it.each(['review', 'browse'])('%s mode changes nothing in the LMS, even at the end', async (mode) => {
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-1', mode, entry: 'resume', completion_status: 'incomplete', suspend_data: 'kept' });
    const sent = recordSetValues(lms);
    const { store } = await openStore();
    const session = connected(await connectLms(store, frameIn(lms)));
    await store.progress.visitLesson(lesson1!.id, true);
    expect(session.report(progressOf(store), { force: true })).toBe(true);
    expect(session.finish(progressOf(store))).toBe(true);
    expect(sent).toEqual({});
    expect(lms.GetValue('cmi.suspend_data')).toBe('');
  });

  it('no credit: the place and resume data go to the LMS, never a status or score', async () => {
    const lms = new Scorm12API(QUIET);
    lms.loadFromJSON({ core: { student_id: 'u-1', credit: 'no-credit', entry: 'resume' }, suspend_data: encodeSuspendData(courseIndex.steps, finishedProgress(100)) });
    const sent = recordSetValues(lms);
    const { store } = await openStore();
    const session = connected(await connectLms(store, frameIn(lms, { name: 'API', meta: '1.2' })));
    session.report(progressOf(store));
    expect(Object.keys(sent).sort()).toEqual(['cmi.core.exit', 'cmi.core.lesson_location', 'cmi.core.session_time', 'cmi.suspend_data']);
  });

  it.each([
    ['1.2', 90, 85, 'failed'],
    ['1.2', 70, 75, 'passed'],
    ['2004', 0.9, 85, 'failed'],
    ['2004', 0.7, 75, 'passed'],
  ] as const)('SCORM %s: the LMS pass mark %s decides a final score of %s: %s', async (version, mark, score, expected) => {
    const lms = version === '1.2' ? new Scorm12API(QUIET) : new Scorm2004API(QUIET);
    const suspend_data = encodeSuspendData(courseIndex.steps, finishedProgress(score));
    lms.loadFromJSON(
      version === '1.2'
        ? { core: { student_id: 'u-1', entry: 'resume' }, student_data: { mastery_score: String(mark) }, suspend_data }
        : { learner_id: 'u-1', entry: 'resume', scaled_passing_score: String(mark), suspend_data },
    );
    const sent = recordSetValues(lms);
    const { store } = await openStore();
    const session = connected(await connectLms(store, frameIn(lms, { name: version === '1.2' ? 'API' : 'API_1484_11', meta: version })));
    session.report(progressOf(store));
    expect(sent[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status']).toBe(expected);
    expect(sent[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe(String(score));
  });

  it('2004 resume data stays within 4000 characters for the fullest learner', async () => {
    const lms = new Scorm2004API(QUIET);
    lms.loadFromJSON({ learner_id: 'u-1' });
    const sent = recordSetValues(lms);
    const { store } = await openStore();
    const session = connected(await connectLms(store, frameIn(lms)));
    const data = finishedProgress(100);
    // Many attempts each, with the longest ids a record allows.
    data.activities = data.activities.map((a) => ({ ...a, attempts: Array.from({ length: 40 }, (_, n) => ({ ...a.attempts[0]!, id: `${a.key}-${n}-`.padEnd(64, 'ж'), finishedAt: a.attempts[0]!.finishedAt - n * 60_000 })) }));
    session.report(data);
    expect(sent['cmi.suspend_data']!.length).toBeGreaterThan(1000);
    expect(sent['cmi.suspend_data']!.length).toBeLessThanOrEqual(4000);
  });
});
