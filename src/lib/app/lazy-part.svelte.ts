/**
 * A part of the interface whose code is fetched the first time it is shown (the roster, the
 * screens): one load however often it is asked for, and a failed load is tried again once the
 * error panel's retry is pressed (reading `promise` in a `$derived` follows the retries).
 */
export class LazyPart<T> {
  #attempt = $state(0);
  #load: Promise<T> | null = null;
  readonly #loader: () => Promise<T>;

  constructor(loader: () => Promise<T>) {
    this.#loader = loader;
  }

  /** The load, started on first use; after a failure, a new one once `retry` was called. */
  get promise(): Promise<T> {
    void this.#attempt;
    return (this.#load ??= this.#loader().catch((error: unknown) => {
      this.#load = null;
      throw error;
    }));
  }

  /** Asks for the part again after a failed load. */
  readonly retry = (): void => {
    this.#attempt++;
  };
}
