import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, Settle, SETTLE_MS } from './settle.ts';

/** A clock and timers the test moves by hand. */
function clock() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    schedule: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = end;
    },
  };
}

describe('Settle', () => {
  it('sends the latest value once the learner has been quiet, one send for a burst', () => {
    const c = clock();
    const sent: number[] = [];
    const settle = new Settle<number>((v) => sent.push(v), c);
    settle.push(1);
    c.advance(500);
    settle.push(2);
    c.advance(SETTLE_MS - 1);
    expect(sent).toEqual([]);
    c.advance(1);
    expect(sent).toEqual([2]);
    c.advance(60_000);
    expect(sent).toEqual([2]);
  });

  it('never waits longer than MAX_WAIT_MS after the first unsent change, however busy', () => {
    const c = clock();
    const sent: [number, number][] = [];
    const settle = new Settle<number>((v) => sent.push([v, c.now()]), c);
    for (let n = 0; n < 40; n++) {
      settle.push(n);
      c.advance(SETTLE_MS / 2);
    }
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0]![1]).toBe(MAX_WAIT_MS);
    expect(sent[1]![1] - sent[0]![1]).toBeLessThanOrEqual(MAX_WAIT_MS + SETTLE_MS / 2);
    expect(MAX_WAIT_MS).toBeLessThanOrEqual(10_000);
  });

  it('flush sends at once; cancel drops; neither sends twice', () => {
    const c = clock();
    const sent: number[] = [];
    const settle = new Settle<number>((v) => sent.push(v), c);
    settle.push(1);
    settle.flush();
    settle.flush();
    expect(sent).toEqual([1]);
    settle.push(2);
    settle.cancel();
    c.advance(MAX_WAIT_MS * 2);
    expect(sent).toEqual([1]);
  });
});
