/**
 * Registers the service worker that keeps the course working offline, and hands updates to the
 * learner instead of reloading under them: a new version only raises `onNeedRefresh`, and the page
 * reloads only through the returned `apply` (the «Обновить» button).
 *
 * Where service workers are unavailable — a build with VITE_NO_SW=1, file://, an LMS iframe that
 * forbids them, a browser that refuses them, jsdom in unit tests — nothing is registered, nothing
 * throws, and the app simply works online.
 */
import { checkForUpdatesPeriodically, serviceWorkerAvailable } from './watch.ts';

export { serviceWorkerAvailable, UPDATE_CHECK_MS } from './watch.ts';

/** What the page hears from the service worker. */
export interface UpdateHooks {
  /** A new version is waiting (or another tab has just switched to it): ask the learner. */
  onNeedRefresh(): void;
  /** How to reload the page; `location.reload()` unless a test says otherwise. */
  reload?: () => void;
}

/** Loads the new version now: activates the waiting worker and reloads this page. */
export type ApplyUpdate = () => Promise<void>;

/** How long «Обновить» waits for the new version to take control before reloading regardless. */
export const RELOAD_FALLBACK_MS = 5000;

/**
 * Registers the service worker (the app loads this module and calls it after
 * `whenFirstScreenIdle` from ./idle.ts, so neither its code nor the precache competes with the first
 * screen; on a page the worker controls already, only once a new version waits: ./watch.ts). Resolves to the way to apply an update, or to null where there is no service worker.
 */
export async function registerServiceWorker(hooks: UpdateHooks): Promise<ApplyUpdate | null> {
  if (import.meta.env.VITE_NO_SW === '1' || !serviceWorkerAvailable()) return null;
  const reload = hooks.reload ?? (() => window.location.reload());
  try {
    const { registerSW } = await import('virtual:pwa-register');
    let requestedHere = false;
    let activatedElsewhere = false;
    const updateSW = registerSW({
      onNeedRefresh: () => hooks.onNeedRefresh(),
      // The new version took control. Reload only if this page asked for it; when another tab
      // did, keep the learner's page as it is and let them reload when they choose.
      onNeedReload: () => {
        if (requestedHere) {
          reload();
        } else {
          activatedElsewhere = true;
          hooks.onNeedRefresh();
        }
      },
      onRegisteredSW: (_url, registration) => {
        if (registration) checkForUpdatesPeriodically(registration);
      },
      onRegisterError: (error: unknown) => console.warn('The course will not work offline: the service worker was refused.', error),
    });
    return async () => {
      if (activatedElsewhere) return reload();
      requestedHere = true;
      await updateSW(true);
      // The learner asked for the new version: should the switch never be reported (the waiting
      // worker vanished), reload anyway rather than leave the button doing nothing.
      setTimeout(reload, RELOAD_FALLBACK_MS);
    };
  } catch (error) {
    console.warn('The course will not work offline.', error);
    return null;
  }
}
