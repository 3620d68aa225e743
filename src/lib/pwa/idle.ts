/**
 * When the first screen is done: the service worker's registration (and its precache of the whole
 * course) waits for it. Kept apart from register.ts so that code loads only then too.
 */

/** The longest the worker waits for an idle moment after the page's load before registering anyway. */
export const IDLE_TIMEOUT_MS = 5000;

/**
 * Resolves once the page has loaded and the browser is next idle (or after `IDLE_TIMEOUT_MS`), so
 * the worker's precache (the whole course) starts only after the first screen is usable and never
 * competes with it for the network or the CPU.
 */
export function whenFirstScreenIdle(scope: Window = window): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (typeof scope.requestIdleCallback === 'function') scope.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      else scope.setTimeout(resolve, 0);
    };
    if (scope.document.readyState === 'complete') idle();
    else scope.addEventListener('load', idle, { once: true });
  });
}
