import { describe, expect, it, vi } from 'vitest';
import { loadOnce, loadOncePerKey } from './load-once.ts';

describe('loadOnce', () => {
  it('runs the load once and hands every caller the same promise', async () => {
    const load = vi.fn(async () => 'code');
    const get = loadOnce(load);
    const first = get();
    expect(get()).toBe(first);
    await expect(first).resolves.toBe('code');
    expect(get()).toBe(first);
    expect(load).toHaveBeenCalledOnce();
  });

  it('forgets a failed load: the next call tries again', async () => {
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new Error('offline');
      return 'code';
    });
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow('offline');
    fail = false;
    await expect(get()).resolves.toBe('code');
    await expect(get()).resolves.toBe('code');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('loadOncePerKey', () => {
  it('keeps one load per key', async () => {
    const once = loadOncePerKey<string>();
    const load = vi.fn(async () => 'a');
    const a = once('a', load);
    expect(once('a', load)).toBe(a);
    await expect(once('b', async () => 'b')).resolves.toBe('b');
    expect(load).toHaveBeenCalledOnce();
  });
});
