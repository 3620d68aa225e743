import { describe, expect, it } from 'vitest';
import { findLmsApi, MAX_LEVELS, type WindowLike } from './discovery.ts';

const api12 = () => ({ LMSInitialize: () => 'true', LMSFinish: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'true', LMSCommit: () => 'true', LMSGetLastError: () => '0', LMSGetErrorString: () => '' });
const api2004 = () => ({ Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true', Commit: () => 'true', GetLastError: () => '0', GetErrorString: () => '' });

/** A chain of frames: index 0 is the course, the last is the top window (its own parent). */
function frames(depth: number, put: Record<number, Partial<WindowLike>> = {}): WindowLike[] {
  const wins: WindowLike[] = Array.from({ length: depth + 1 }, (_, i) => ({ ...put[i] }));
  wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
  return wins;
}

/** A frame of another origin: reading anything on it throws, as browsers do. */
function foreign(parent?: WindowLike): WindowLike {
  return new Proxy({} as WindowLike, {
    get(_t, key) {
      if (key === 'parent' && parent) return parent;
      throw new DOMException('Blocked a frame with origin from accessing a cross-origin frame.', 'SecurityError');
    },
  });
}

describe('findLmsApi', () => {
  it('finds the API on the window itself', () => {
    const [course] = frames(0, { 0: { API: api12() } });
    expect(findLmsApi(course!)?.version).toBe('1.2');
  });

  it('finds SCORM 2004 in the parent (the usual LMS frameset) and 1.2 a few levels up', () => {
    expect(findLmsApi(frames(1, { 1: { API_1484_11: api2004() } })[0]!)?.version).toBe('2004');
    const wins = frames(4, { 3: { API: api12() } });
    const found = findLmsApi(wins[0]!);
    expect(found?.version).toBe('1.2');
    expect(found?.api).toBe(wins[3]!.API);
  });

  it('looks at most ten parents up', () => {
    expect(findLmsApi(frames(MAX_LEVELS, { [MAX_LEVELS]: { API: api12() } })[0]!)).not.toBeNull();
    expect(findLmsApi(frames(MAX_LEVELS + 1, { [MAX_LEVELS + 1]: { API: api12() } })[0]!)).toBeNull();
  });

  it('finds the API in the window that opened a pop-up, or that window’s parents', () => {
    const lms = frames(2, { 2: { API_1484_11: api2004() } });
    const [popup] = frames(0);
    popup!.opener = lms[0]!;
    expect(findLmsApi(popup!)?.version).toBe('2004');
    const [framedPopup, popupTop] = frames(1);
    popupTop!.opener = lms[1]!; // the opener is read on the pop-up's top window
    expect(findLmsApi(framedPopup!)?.version).toBe('2004');
  });

  it('prefers the version of the package along the whole search, the other one only when it is nowhere', () => {
    const wins = frames(2, { 1: { API: api12() }, 2: { API_1484_11: api2004() } });
    expect(findLmsApi(wins[0]!, '2004')?.version).toBe('2004');
    expect(findLmsApi(wins[0]!, '1.2')?.version).toBe('1.2');
    expect(findLmsApi(frames(1, { 1: { API: api12() } })[0]!, '2004')?.version).toBe('1.2');
  });

  it('ignores look-alikes: a missing method, a string, null', () => {
    const { LMSCommit: _dropped, ...incomplete } = api12();
    expect(findLmsApi(frames(1, { 0: { API: incomplete }, 1: { API: 'API' as unknown } })[0]!)).toBeNull();
    expect(findLmsApi(frames(0, { 0: { API: null, API_1484_11: undefined } })[0]!)).toBeNull();
  });

  it('stops at a frame of another origin instead of throwing', () => {
    const course: WindowLike = { parent: foreign() };
    expect(findLmsApi(course)).toBeNull();
    const lms = frames(0, { 0: { API: api12() } });
    const between = foreign(lms[0]); // readable parent pointer, unreadable properties
    expect(findLmsApi({ parent: between })?.version).toBe('1.2');
  });

  it('returns null for a plain page with no LMS', () => {
    expect(findLmsApi(frames(0)[0]!)).toBeNull();
  });
});
