/**
 * Finding the LMS's API object the way the SCORM run-time specs describe: look on this window, then
 * up the chain of parents (an LMS frames the course), then on the window that opened this one (an
 * LMS that launches in a pop-up) and its parents. A frame from another origin cannot be read; that
 * ends the walk instead of throwing. Pure apart from the windows it is given.
 */
import type { ScormVersion } from './package-meta.ts';

/** The SCORM 1.2 API (`window.API`). Values come back as strings; results as "true"/"false". */
export interface Scorm12Api {
  LMSInitialize(arg: ''): unknown;
  LMSFinish(arg: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(arg: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
}

/** The SCORM 2004 API (`window.API_1484_11`). */
export interface Scorm2004Api {
  Initialize(arg: ''): unknown;
  Terminate(arg: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(arg: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
}

/** An API found, with the version it speaks. */
export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** The little of a window the search needs (so tests can build fake frame chains). */
export interface WindowLike {
  parent?: WindowLike | null;
  opener?: WindowLike | null;
  API?: unknown;
  API_1484_11?: unknown;
}

/** How many parents up the search goes, as in the ADL sample code. */
export const MAX_LEVELS = 10;

const NAMES = { '1.2': 'API', '2004': 'API_1484_11' } as const;
const METHODS = { '1.2': ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish'], '2004': ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate'] } as const;

/** Reads `win[name]` if it is an object with the version's methods; undefined when not, or not readable. */
function apiOn(win: WindowLike, version: ScormVersion): FoundApi | undefined {
  try {
    const candidate = (win as Record<string, unknown>)[NAMES[version]];
    if (typeof candidate !== 'object' || candidate === null) return undefined;
    if (!METHODS[version].every((m) => typeof (candidate as Record<string, unknown>)[m] === 'function')) return undefined;
    return { version, api: candidate } as FoundApi;
  } catch {
    return undefined; // another origin: we may not look
  }
}

/** This window and up to MAX_LEVELS parents, stopping at the top or at a frame we may not read. */
function chain(start: WindowLike): WindowLike[] {
  const windows: WindowLike[] = [start];
  let win = start;
  for (let level = 0; level < MAX_LEVELS; level++) {
    let parent: WindowLike | null | undefined;
    try {
      parent = win.parent;
    } catch {
      break;
    }
    if (!parent || parent === win) break;
    windows.push(parent);
    win = parent;
  }
  return windows;
}

function openerOf(win: WindowLike): WindowLike | null {
  try {
    return win.opener ?? null;
  } catch {
    return null;
  }
}

/**
 * Finds the LMS API for `start` (normally `window`). `prefer` is the version the package was built
 * for: it is looked for along the whole search first, the other version only when it is nowhere.
 */
export function findLmsApi(start: WindowLike, prefer: ScormVersion = '2004'): FoundApi | null {
  const windows = chain(start);
  const opener = openerOf(windows[windows.length - 1]!) ?? openerOf(start);
  if (opener) windows.push(...chain(opener));
  const order: ScormVersion[] = prefer === '2004' ? ['2004', '1.2'] : ['1.2', '2004'];
  for (const version of order) {
    for (const win of windows) {
      const found = apiOn(win, version);
      if (found) return found;
    }
  }
  return null;
}
