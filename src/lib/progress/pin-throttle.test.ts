import { describe, expect, it, vi } from 'vitest';
import { afterRight, afterWrong, FIRST_WAIT_MS, MAX_WAIT_MS, mayTry, NO_FAILURES, readThrottle, remainingWait, throttledTry, waitAfter, waitSeconds, type ThrottleState } from './pin-throttle.ts';

const T0 = Date.UTC(2026, 0, 1);
const wrongTimes = (n: number, at = T0): ThrottleState => {
  let s = NO_FAILURES;
  for (let i = 0; i < n; i++) s = afterWrong(s, at);
  return s;
};

describe('PIN throttle', () => {
  it('the first five wrong PINs cost nothing', () => {
    for (let n = 0; n < 5; n++) expect(remainingWait(wrongTimes(n), T0), String(n)).toBe(0);
  });

  it('then waits 30 s, doubling with each further wrong PIN, up to an hour', () => {
    expect([5, 6, 7, 8].map(waitAfter)).toEqual([FIRST_WAIT_MS, 2 * FIRST_WAIT_MS, 4 * FIRST_WAIT_MS, 8 * FIRST_WAIT_MS]);
    expect(waitAfter(30)).toBe(MAX_WAIT_MS);
    expect(waitAfter(100_000)).toBe(MAX_WAIT_MS);
    expect(remainingWait(wrongTimes(5), T0)).toBe(30_000);
    expect(remainingWait(wrongTimes(5), T0 + 10_000)).toBe(20_000);
    expect(remainingWait(wrongTimes(5), T0 + 30_000)).toBe(0);
    expect(mayTry(wrongTimes(6), T0 + 59_999)).toBe(false);
    expect(mayTry(wrongTimes(6), T0 + 60_000)).toBe(true);
  });

  it('the right PIN clears the count', () => {
    expect(afterRight()).toEqual(NO_FAILURES);
  });

  it('a clock set back does not shorten the wait', () => {
    expect(remainingWait(wrongTimes(5), T0 - 3_600_000)).toBe(30_000);
  });

  it('is plain data: a stored state comes back the same, a damaged one as the worst', () => {
    const s = wrongTimes(7);
    expect(readThrottle(JSON.parse(JSON.stringify(s)), T0)).toEqual(s);
    expect(readThrottle(undefined, T0)).toEqual(NO_FAILURES);
    for (const bad of [{ failures: -1, lastFailureAt: 0 }, { failures: 'x' }, 42, { failures: 1e300, lastFailureAt: 0 }]) {
      expect(remainingWait(readThrottle(bad, T0), T0), JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });

  it('shows whole seconds, rounded up', () => {
    expect([0, 1, 999, 1000, 29_001].map(waitSeconds)).toEqual([0, 1, 1, 1, 30]);
  });

  it('a try that comes too early is not even checked; fifteen wrong then right does not open at once', async () => {
    let state = NO_FAILURES;
    let now = T0;
    const check = vi.fn(async () => false);
    let refused = 0;
    for (let i = 0; i < 15; i++) {
      const out = await throttledTry(state, now, check);
      if (out.kind === 'wait') refused++;
      else state = out.state;
      now += 1000;
    }
    expect(check).toHaveBeenCalledTimes(5);
    expect(refused).toBe(10);
    const right = await throttledTry(state, now, async () => true);
    expect(right.kind).toBe('wait');
    now = state.lastFailureAt + remainingWait(state, state.lastFailureAt);
    const later = await throttledTry(state, now, async () => true);
    expect(later).toEqual({ kind: 'checked', right: true, state: NO_FAILURES, waitMs: 0 });
  });

  it('a wrong try reports the wait it caused', async () => {
    const out = await throttledTry(wrongTimes(4), T0, async () => false);
    expect(out).toMatchObject({ kind: 'checked', right: false, waitMs: 30_000 });
  });
});
