import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { courseIndex } from '$lib/course/course.ts';
import { setupI18n } from '$lib/i18n/index.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import LmsBridge from '$lib/components/layout/LmsBridge.svelte';
import ScreenWithProgress from '../../../tests/harness/ScreenWithProgress.svelte';
import type { Scorm2004Api } from './discovery.ts';
import { connectLms } from './session.ts';
import type { LmsStart } from './start.ts';

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
    expect(calls).toContain('cmi.exit=suspend');
    calls = [];
    window.dispatchEvent(new Event('pagehide'));
    expect(calls.at(-1)).toBe('Terminate');
    expect(calls.some((c) => c.startsWith('cmi.session_time=PT'))).toBe(true);
  });

  it('tells the learner when the LMS refuses the results', async () => {
    commitAnswer = 'false';
    const store = await show((s) => connectLms(s, lmsFrame()));
    await store.progress.visitLesson(lesson.id, true);
    flushSync();
    document.dispatchEvent(new Event('visibilitychange')); // visible: nothing to flush
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('LMS не приняла'));
  });

  it('inside an LMS, «Сменить сотрудника» or a lock comes straight back to the LMS learner', async () => {
    const store = await show((s) => connectLms(s, lmsFrame()));
    expect(store.roster.learner?.id).toBe('lms-u-1');
    store.roster.lock();
    flushSync();
    await vi.waitFor(() => expect(store.roster.learner?.id).toBe('lms-u-1'));
  });
});
