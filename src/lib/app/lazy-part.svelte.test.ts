import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { LazyPart } from './lazy-part.svelte.ts';

describe('LazyPart', () => {
  it('loads once however often it is asked for', async () => {
    const loader = vi.fn(async () => 'roster');
    const part = new LazyPart(loader);
    expect(loader).not.toHaveBeenCalled();
    const first = part.promise;
    expect(part.promise).toBe(first);
    await expect(first).resolves.toBe('roster');
    expect(part.promise).toBe(first);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('after a failed load, loads again once retried; a reader in $derived follows the retry', async () => {
    let fail = true;
    const loader = vi.fn(async () => {
      if (fail) throw new Error('offline');
      return 'screens';
    });
    const part = new LazyPart(loader);
    let seen: Promise<string> | undefined;
    const stop = $effect.root(() => {
      const current = $derived(part.promise);
      $effect(() => {
        seen = current;
      });
    });
    flushSync();
    await expect(seen).rejects.toThrow('offline');
    fail = false;
    part.retry();
    flushSync();
    await expect(seen).resolves.toBe('screens');
    expect(loader).toHaveBeenCalledTimes(2);
    stop();
  });
});
