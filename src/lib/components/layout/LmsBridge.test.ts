import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import LmsBridge from '$lib/components/layout/LmsBridge.svelte';
import ScreenWithProgress from '../../../../tests/harness/ScreenWithProgress.svelte';
import type { Scorm2004Api } from '$lib/lms/discovery.ts';
import { connectLms } from '$lib/lms/session.ts';
import type { LmsStart } from '$lib/lms/start.ts';

beforeAll(() => setupI18n());

const lesson = courseIndex.modules[0]!.lessons[0]!;
let calls: string[];
let commitAnswer: string;

/** A SCORM 2004 LMS in the parent frame that logs every call. */
function lmsFrame() {
  const api: Scorm2004Api = {
    Initialize: () => (calls.push('Initialize'), 'true'),
    Terminate: () => (calls.push('Terminate'), 'true'),
    GetValue: (e) => (e === 'cmi.learner_id' ? 'u-1' : e === 'cmi.learner_name' ? 'Иванова, Анна' : ''),
    SetValue: (e, v) => (calls.push(`${e}=${v}`), 'true'),
    Commit: () => (calls.push('Commit'), commitAnswer),
    GetLastError: () => '391',
    GetErrorString: () => 'Commit failed',
  };
  const parent = { API_1484_11: api } as Record<string, unknown>;
  parent.parent = parent;
  return { parent, document, location: { hash: '' }, history: { state: null, replaceState: () => {} } } as unknown as Window;
}

async function show(start?: (store: AppStores) => Promise<LmsStart>) {
  const store = await openStores(memoryKeyValue());
  const lms = start ? await start(store) : ({ kind: 'absent' } as const);
  render(ScreenWithProgress, { props: { stores: store, screen: LmsBridge, screenProps: { lms } } });
  return store;
}

beforeEach(() => {
  calls = [];
  commitAnswer = 'true';
});
afterEach(() => vi.useRealTimers());

describe('LmsBridge', () => {
  it('says plainly that progress stays in this browser when there is no LMS', async () => {
    await show();
    expect(screen.getByRole('status')).toHaveTextContent('не из системы обучения (LMS)');
    expect(screen.getByRole('status')).toHaveTextContent('только в этом браузере');
  });

  it('says so when the LMS did not answer', async () => {
    await show(async () => ({ kind: 'failed', detail: 'initialize: 102' }));
    expect(screen.getByRole('status')).toHaveTextContent('LMS не ответила');
  });

  it('reports a change once it settles, with one commit for a burst, and shows nothing', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    vi.useFakeTimers();
    calls = [];
    await store.progress.visitLesson(lesson.id);
    flushSync();
    await store.progress.visitLesson(lesson.id, true);
    store.progress.setLocation(`#/lesson/${lesson.id}`);
    flushSync();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(calls.filter((c) => c === 'Commit')).toHaveLength(1);
    expect(calls).toContain(`cmi.location=#/lesson/${lesson.id}`);
    expect(calls.find((c) => c.startsWith('cmi.suspend_data='))).toMatch(/^cmi\.suspend_data=sz1:/);
  });

  it('flushes when the page is hidden, and ends the session when it goes away', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    await store.progress.visitLesson(lesson.id, true);
    flushSync();
    calls = [];
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(calls.at(-1)).toBe('Commit');
    expect(calls.find((c) => c.startsWith('cmi.suspend_data='))).toMatch(/^cmi\.suspend_data=sz1:/);
    calls = [];
    window.dispatchEvent(new Event('pagehide'));
    expect(calls.at(-1)).toBe('Terminate');
    expect(calls.some((c) => c.startsWith('cmi.session_time=PT'))).toBe(true);
  });

  it('sets a first status the moment the LMS opens, before any change', async () => {
    await show((s) => connectLms(s, lmsFrame()));
    expect(calls.slice(0, 4)).toEqual(['Initialize', 'cmi.completion_status=incomplete', 'cmi.exit=suspend', 'Commit']);
  });

  it('a learner who never stops still reaches the LMS within 10 seconds', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    vi.useFakeTimers();
    calls = [];
    const lessons = courseIndex.modules.flatMap((m) => m.lessons);
    for (let second = 0; second < 9; second++) {
      await store.progress.visitLesson(lessons[second % lessons.length]!.id);
      store.progress.setLocation(`#/lesson/${lessons[second % lessons.length]!.id}?p=${second}`);
      flushSync();
      vi.advanceTimersByTime(1000);
      expect(calls).not.toContain('Commit');
    }
    await store.progress.visitLesson(lesson.id, true);
    flushSync();
    vi.advanceTimersByTime(1000);
    expect(calls.filter((c) => c === 'Commit')).toHaveLength(1);
  });

  it('tries a refused commit again, and tells the learner only when it still fails', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    vi.useFakeTimers();
    commitAnswer = 'false';
    calls = [];
    await store.progress.visitLesson(lesson.id, true);
    flushSync();
    vi.advanceTimersByTime(1600);
    expect(calls.filter((c) => c === 'Commit')).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    flushSync();
    expect(calls.filter((c) => c === 'Commit')).toHaveLength(3);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(calls.filter((c) => c === 'Commit')).toHaveLength(4);
    expect(screen.getByRole('status')).toHaveTextContent('LMS не приняла');
    // Closing the course tries once more before the end.
    commitAnswer = 'true';
    calls = [];
    window.dispatchEvent(new Event('pagehide'));
    expect(calls.slice(-2)).toEqual(['Commit', 'Terminate']);
  });

  it('a retry the LMS accepts leaves nothing on screen', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    vi.useFakeTimers();
    commitAnswer = 'false';
    await store.progress.visitLesson(lesson.id, true);
    flushSync();
    vi.advanceTimersByTime(1600);
    commitAnswer = 'true';
    calls = [];
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(calls).toEqual(['Commit']);
    vi.advanceTimersByTime(10_000);
    flushSync();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says the truth when this browser cannot keep the progress: the LMS still gets it', async () => {
    const full = { ...memoryKeyValue(), set: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const store = await openStores(full);
    const lms = await connectLms(store, lmsFrame());
    if (lms.kind !== 'connected' || lms.storage !== 'memory') throw new Error(`expected a session in memory, got ${lms.kind}`);
    render(ScreenWithProgress, { props: { stores: lms.stores, screen: LmsBridge, screenProps: { lms } } });
    expect(screen.getByRole('status')).toHaveTextContent('Этот браузер не может сохранить ваш прогресс');
    expect(screen.getByRole('status')).toHaveTextContent('отправляются в LMS');
    expect(calls).not.toContain('Terminate');
    calls = [];
    await lms.stores.progress.visitLesson(lesson.id, true);
    flushSync();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(calls.find((c) => c.startsWith('cmi.suspend_data='))).toMatch(/^cmi\.suspend_data=sz1:/);
    expect(calls.at(-1)).toBe('Commit');
  });

  it('inside an LMS, «Сменить сотрудника» or a lock comes straight back to the LMS learner', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    expect(store.roster.learner?.id).toBe('lms-u-1');
    store.roster.lock();
    flushSync();
    await vi.waitFor(() => expect(store.roster.learner?.id).toBe('lms-u-1'));
  });
});
