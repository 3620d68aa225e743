import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { IDLE_TIMEOUT_MS, whenFirstScreenIdle } from './idle.ts';
import { RELOAD_FALLBACK_MS, UPDATE_CHECK_MS, registerServiceWorker, serviceWorkerAvailable } from './register.ts';

const pwa = vi.hoisted(() => ({ registerSW: vi.fn() }));
vi.mock('virtual:pwa-register', () => pwa);

/** Pretends this browser has service workers, as Chromium over http://127.0.0.1 does. */
function withServiceWorkers() {
  Object.defineProperty(window.navigator, 'serviceWorker', { value: {}, configurable: true });
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
}

/** Registers with a fake plugin and returns what the app passed to it. */
async function start() {
  const updateSW = vi.fn(async () => {});
  let options: RegisterSWOptions = {};
  pwa.registerSW.mockImplementation((o: RegisterSWOptions) => {
    options = o;
    return updateSW;
  });
  const hooks = { onNeedRefresh: vi.fn(), reload: vi.fn() };
  const apply = await registerServiceWorker(hooks);
  return { apply, hooks, options, updateSW };
}

beforeEach(() => {
  pwa.registerSW.mockReset();
});
afterEach(() => {
  Reflect.deleteProperty(window.navigator, 'serviceWorker');
  Reflect.deleteProperty(window, 'isSecureContext');
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('serviceWorkerAvailable', () => {
  const scope = (navigator: object, isSecureContext = true) => ({ navigator, isSecureContext }) as unknown as Window;

  it('is true only for a secure page with a service worker container', () => {
    expect(serviceWorkerAvailable(scope({ serviceWorker: {} }))).toBe(true);
    expect(serviceWorkerAvailable(scope({}))).toBe(false);
    expect(serviceWorkerAvailable(scope({ serviceWorker: undefined }))).toBe(false);
    expect(serviceWorkerAvailable(scope({ serviceWorker: {} }, false))).toBe(false);
  });

  it('says false instead of throwing inside a sandboxed iframe', () => {
    const sandboxed = {
      get serviceWorker(): never {
        throw new DOMException('Access denied', 'SecurityError');
      },
    };
    expect(serviceWorkerAvailable(scope(sandboxed))).toBe(false);
  });

  it('is false in jsdom, so unit tests never register anything', () => {
    expect(serviceWorkerAvailable()).toBe(false);
  });
});

describe('registerServiceWorker', () => {
  it('does nothing where service workers are unavailable', async () => {
    expect(await registerServiceWorker({ onNeedRefresh: vi.fn() })).toBeNull();
    expect(pwa.registerSW).not.toHaveBeenCalled();
  });

  it('does nothing in a build without a service worker', async () => {
    withServiceWorkers();
    vi.stubEnv('VITE_NO_SW', '1');
    expect(await registerServiceWorker({ onNeedRefresh: vi.fn() })).toBeNull();
    expect(pwa.registerSW).not.toHaveBeenCalled();
  });

  it('asks the learner about a new version and reloads only once they accept', async () => {
    withServiceWorkers();
    const { apply, hooks, options, updateSW } = await start();
    options.onNeedRefresh?.();
    expect(hooks.onNeedRefresh).toHaveBeenCalledOnce();
    expect(hooks.reload).not.toHaveBeenCalled();

    await apply!();
    expect(updateSW).toHaveBeenCalledWith(true);
    options.onNeedReload?.(); // the new worker took control
    expect(hooks.reload).toHaveBeenCalledOnce();
  });

  it('keeps the page when another tab switched to the new version, and offers a reload', async () => {
    withServiceWorkers();
    const { apply, hooks, options, updateSW } = await start();
    options.onNeedRefresh?.();
    options.onNeedReload?.();
    expect(hooks.reload).not.toHaveBeenCalled();
    expect(hooks.onNeedRefresh).toHaveBeenCalledTimes(2);

    await apply!();
    expect(hooks.reload).toHaveBeenCalledOnce();
    expect(updateSW).not.toHaveBeenCalled();
  });

  it('reloads anyway when the accepted update never reports taking control', async () => {
    withServiceWorkers();
    vi.useFakeTimers();
    const { apply, hooks } = await start();
    await apply!();
    vi.advanceTimersByTime(RELOAD_FALLBACK_MS - 1);
    expect(hooks.reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(hooks.reload).toHaveBeenCalledOnce();
  });

  it('checks for a new version every hour while online, and shrugs off an unreachable server', async () => {
    withServiceWorkers();
    vi.useFakeTimers();
    const { options } = await start();
    const update = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    options.onRegisteredSW?.('./sw.js', { update, installing: null } as unknown as ServiceWorkerRegistration);
    vi.advanceTimersByTime(UPDATE_CHECK_MS);
    expect(update).toHaveBeenCalledOnce();

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.advanceTimersByTime(UPDATE_CHECK_MS);
    expect(update).toHaveBeenCalledOnce();
  });

  it('warns and carries on online when registration is refused', async () => {
    withServiceWorkers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    pwa.registerSW.mockImplementation(() => {
      throw new Error('refused');
    });
    expect(await registerServiceWorker({ onNeedRefresh: vi.fn() })).toBeNull();
    expect(warn).toHaveBeenCalled();
  });

  it('reports a failed registration as a warning, not an error', async () => {
    withServiceWorkers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error');
    const { options } = await start();
    options.onRegisterError?.(new DOMException('no', 'SecurityError'));
    expect(warn).toHaveBeenCalledOnce();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('whenFirstScreenIdle', () => {
  /** A page still loading, whose load event and idle callback the test fires. */
  function loadingPage() {
    const fire: { load?: () => void; idle?: () => void } = {};
    const idleOptions: IdleRequestOptions[] = [];
    const scope = {
      document: { readyState: 'loading' },
      addEventListener: (type: string, fn: () => void) => {
        if (type === 'load') fire.load = fn;
      },
      requestIdleCallback: (fn: () => void, options: IdleRequestOptions) => {
        fire.idle = fn;
        idleOptions.push(options);
        return 1;
      },
      setTimeout: () => 0,
    } as unknown as Window;
    return { scope, fire, idleOptions };
  }
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return done;
  };

  it('waits for the page’s load and then an idle moment before the worker may register', async () => {
    const { scope, fire, idleOptions } = loadingPage();
    const idle = whenFirstScreenIdle(scope);
    expect(await settled(idle)).toBe(false);
    fire.load!();
    expect(fire.idle, 'asks for an idle moment only after load').toBeDefined();
    expect(await settled(idle)).toBe(false);
    fire.idle!();
    expect(await settled(idle)).toBe(true);
    expect(idleOptions).toEqual([{ timeout: IDLE_TIMEOUT_MS }]);
  });

  it('asks for an idle moment at once when the page has already loaded', async () => {
    const { scope, fire } = loadingPage();
    (scope.document as { readyState: string }).readyState = 'complete';
    const idle = whenFirstScreenIdle(scope);
    expect(fire.load).toBeUndefined();
    fire.idle!();
    expect(await settled(idle)).toBe(true);
  });
});
