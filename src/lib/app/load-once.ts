/**
 * A load run once: every call gets the same promise, so a piece of code, data or a store is fetched
 * once however many ask, and a caller that comes after it settled gets a settled promise (drawn in
 * the same frame). A load that failed is forgotten, so the next call tries again (a retry once the
 * network is back). Pure; no Svelte.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

/** `loadOnce` per key (a lesson's text, a message area): each key's load runs once until it fails. */
export function loadOncePerKey<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  const loads = new Map<string, () => Promise<T>>();
  return (key, load) => {
    let run = loads.get(key);
    if (!run) loads.set(key, (run = loadOnce(load)));
    return run();
  };
}
