/**
 * One interface over both SCORM run-time APIs: initialize, get, set, commit, terminate. Results
 * are normalised ("true", true → true), errors are kept with the LMS's own code and text, and
 * nothing is sent after Terminate (the spec forbids it, and some LMSs throw). No Svelte, no DOM.
 */
import type { FoundApi } from './discovery.ts';
import type { ScormVersion } from './package-meta.ts';

/** The last call the LMS refused. */
export interface LmsError {
  call: string;
  code: string;
  message: string;
}

export type ConnectionState = 'new' | 'open' | 'closed';

/** The LMS API of either version behind one set of calls. */
export class LmsConnection {
  readonly version: ScormVersion;
  state: ConnectionState = 'new';
  lastError: LmsError | null = null;
  #found: FoundApi;

  constructor(found: FoundApi) {
    this.version = found.version;
    this.#found = found;
  }

  /** LMSInitialize / Initialize. */
  initialize(): boolean {
    if (this.state !== 'new') return this.state === 'open';
    const ok = this.#call('initialize', () => (this.#found.version === '1.2' ? this.#found.api.LMSInitialize('') : this.#found.api.Initialize('')));
    if (ok) this.state = 'open';
    return ok;
  }

  /** LMSGetValue / GetValue; '' when the element is empty, unknown or the call fails. */
  get(element: string): string {
    if (this.state !== 'open') return '';
    try {
      const value = this.#found.version === '1.2' ? this.#found.api.LMSGetValue(element) : this.#found.api.GetValue(element);
      return value === undefined || value === null ? '' : String(value);
    } catch {
      return '';
    }
  }

  /** LMSSetValue / SetValue. */
  set(element: string, value: string): boolean {
    if (this.state !== 'open') return false;
    return this.#call(`set ${element}`, () => (this.#found.version === '1.2' ? this.#found.api.LMSSetValue(element, value) : this.#found.api.SetValue(element, value)));
  }

  /** LMSCommit / Commit: asks the LMS to store what was set. */
  commit(): boolean {
    if (this.state !== 'open') return false;
    return this.#call('commit', () => (this.#found.version === '1.2' ? this.#found.api.LMSCommit('') : this.#found.api.Commit('')));
  }

  /** LMSFinish / Terminate: the end of this session; later calls are ignored. */
  terminate(): boolean {
    if (this.state !== 'open') return false;
    const ok = this.#call('terminate', () => (this.#found.version === '1.2' ? this.#found.api.LMSFinish('') : this.#found.api.Terminate('')));
    this.state = 'closed';
    return ok;
  }

  #call(call: string, run: () => unknown): boolean {
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      this.lastError = { call, code: 'exception', message: (error as Error)?.message ?? String(error) };
      return false;
    }
    if (result === true || result === 'true') return true;
    this.lastError = { call, ...this.#error() };
    return false;
  }

  #error(): { code: string; message: string } {
    try {
      const code = String(this.#found.version === '1.2' ? this.#found.api.LMSGetLastError() : this.#found.api.GetLastError());
      const message = String(this.#found.version === '1.2' ? this.#found.api.LMSGetErrorString(code) : this.#found.api.GetErrorString(code));
      return { code, message };
    } catch {
      return { code: 'unknown', message: 'the LMS gave no error code' };
    }
  }
}
