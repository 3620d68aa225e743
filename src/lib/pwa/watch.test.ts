import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_CHECK_MS, whenRegistrationNeeded } from './watch.ts';

/** A worker whose state the test moves on. */
class FakeWorker extends EventTarget {
  constructor(public state: ServiceWorkerState) {
    super();
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  waiting: FakeWorker | null = null;
  installing: FakeWorker | null = null;
  update = vi.fn(async () => undefined);
  /** A new version found: installing, as the browser reports it. */
  found(worker: FakeWorker) {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
  }
}

function container(controlled: boolean, registration: FakeRegistration | undefined | 'refused') {
  const target = new EventTarget() as EventTarget & { controller: object | null; getRegistration: () => Promise<unknown> };
  target.controller = controlled ? {} : null;
  target.getRegistration = () => (registration === 'refused' ? Promise.reject(new Error('refused')) : Promise.resolve(registration));
  return target as unknown as ServiceWorkerContainer;
}

const PENDING = 'pending' as const;
/** What a promise has settled to by now, or PENDING: a resolved promise wins the race. */
const now = <T>(promise: Promise<T>) => Promise.race([promise, Promise.resolve(PENDING)]);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('whenRegistrationNeeded', () => {
  it('is at once on a first visit (no worker controls the page) or when the registration cannot be read', async () => {
    expect(await whenRegistrationNeeded(container(false, new FakeRegistration()))).toBe('register');
    expect(await whenRegistrationNeeded(container(true, undefined))).toBe('register');
    expect(await whenRegistrationNeeded(container(true, 'refused'))).toBe('register');
  });

  it('is at once when a new version already waits', async () => {
    const registration = new FakeRegistration();
    registration.waiting = new FakeWorker('installed');
    expect(await whenRegistrationNeeded(container(true, registration))).toBe('waiting');
  });

  it('waits, asking the server for a new version, until one is installed', async () => {
    const registration = new FakeRegistration();
    const need = whenRegistrationNeeded(container(true, registration));
    // The registration was read (and its listeners set) once it asked for a new version.
    await vi.waitFor(() => expect(registration.update).toHaveBeenCalledOnce());
    expect(await now(need)).toBe(PENDING);
    const worker = new FakeWorker('installing');
    registration.found(worker);
    expect(await now(need)).toBe(PENDING);
    worker.become('installed');
    expect(await now(need)).toBe('waiting');
  });

  it('says when another tab has made a new version take this page over', async () => {
    const registration = new FakeRegistration();
    const c = container(true, registration);
    const need = whenRegistrationNeeded(c);
    await vi.waitFor(() => expect(registration.update).toHaveBeenCalledOnce());
    c.dispatchEvent(new Event('controllerchange'));
    expect(await now(need)).toBe('taken-over');
  });

  it('asks again every hour while online', async () => {
    vi.useFakeTimers();
    const registration = new FakeRegistration();
    void whenRegistrationNeeded(container(true, registration));
    await vi.waitFor(() => expect(registration.update).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS);
    expect(registration.update).toHaveBeenCalledTimes(2);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS);
    expect(registration.update).toHaveBeenCalledTimes(2);
  });
});
