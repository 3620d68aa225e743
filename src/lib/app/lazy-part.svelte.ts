/**
 * A part of the interface whose code is fetched the first time it is shown (the roster, the
 * screens): one load however often it is asked for, and a failed load is tried again once the
 * error panel's retry is pressed (reading `promise` in a `$derived` follows the retries).
 */
import { loadOnce } from './load-once.ts';

export class LazyPart<T> {
  #attempt = $state(0);
  readonly #load: () => Promise<T>;

  constructor(loader: () => Promise<T>) {
    this.#load = loadOnce(loader);
  }

  /** The load, started on first use; after a failure, a new one once `retry` was called. */
  get promise(): Promise<T> {
    void this.#attempt;
    return this.#load();
  }

  /** Asks for the part again after a failed load. */
  readonly retry = (): void => {
    this.#attempt++;
  };
}
