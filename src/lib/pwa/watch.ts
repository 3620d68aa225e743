/**
 * When the service worker's registration code and the update offer (UpdatePrompt, register.ts,
 * workbox-window: about 2 KB gzip and a request) are needed. A first visit needs them at once: they
 * register the worker, which precaches the course. A page the worker already controls needs them
 * only when a new version waits: until then this small watch asks the server for a new version, on
 * load and every hour, as the registration would. Pure browser APIs; no Svelte.
 */

/** How often a page left open (a tablet in the back room) asks the server for a new version. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** True when this page may register a service worker. Never throws. */
export function serviceWorkerAvailable(scope: Pick<Window, 'navigator' | 'isSecureContext'> = window): boolean {
  try {
    // An iframe sandboxed without allow-same-origin throws a SecurityError on this read.
    return Boolean(scope.isSecureContext && 'serviceWorker' in scope.navigator && scope.navigator.serviceWorker);
  } catch {
    return false;
  }
}

const checked = new WeakSet<ServiceWorkerRegistration>();

/** A page that stays open for days still hears about new versions; offline checks are skipped. Once per registration. */
export function checkForUpdatesPeriodically(registration: ServiceWorkerRegistration): void {
  if (checked.has(registration)) return;
  checked.add(registration);
  setInterval(() => {
    if (!navigator.onLine || registration.installing) return;
    registration.update().catch(() => {
      // Unreachable server: try again next time.
    });
  }, UPDATE_CHECK_MS);
}

/** Why the registration code is needed: to register, a new version waits, or one took over from another tab. */
export type RegistrationNeed = 'register' | 'waiting' | 'taken-over';

/**
 * Resolves when the registration code is needed: at once when no worker controls this page yet (or
 * its registration cannot be read), when a new version is already waiting, or later when one has
 * been installed and waits — or has taken this page over, activated from another tab (this page
 * then runs the old version's code: the learner is asked to reload). Never rejects.
 */
export function whenRegistrationNeeded(container: ServiceWorkerContainer = navigator.serviceWorker): Promise<RegistrationNeed> {
  return new Promise((resolve) => {
    if (!container.controller) return resolve('register');
    container.addEventListener('controllerchange', () => resolve('taken-over'));
    container.getRegistration().then(
      (registration) => {
        if (!registration) return resolve('register');
        if (registration.waiting) return resolve('waiting');
        const waitFor = (worker: ServiceWorker | null) => {
          if (!worker) return;
          if (worker.state === 'installed') return resolve('waiting');
          worker.addEventListener('statechange', () => {
            if (worker.state === 'installed') resolve('waiting');
          });
        };
        waitFor(registration.installing);
        registration.addEventListener('updatefound', () => waitFor(registration.installing));
        // What registering on load would do: ask for a new version now, then every hour.
        if (navigator.onLine) registration.update().catch(() => undefined);
        checkForUpdatesPeriodically(registration);
      },
      () => resolve('register'),
    );
  });
}
