import { describe, expect, it } from 'vitest';
import { Mirror, retryDelay, summariseLost } from './storage-recovery.ts';

describe('retryDelay', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe('Mirror', () => {
  it('holds what was read, but a pending change of its own wins over a later read', () => {
    const m = new Mirror();
    m.remember('a', { n: 1 });
    expect(m.value('a')).toEqual({ n: 1 });
    m.change('a', { n: 2 });
    m.remember('a', { n: 1 }); // a read that raced the change
    expect(m.value('a')).toEqual({ n: 2 });
    expect(m.isPending('a')).toBe(true);
  });

  it('gives copies: what a caller changes does not change what is held', () => {
    const m = new Mirror();
    const value = { n: 1 };
    m.change('a', value);
    value.n = 9;
    const read = m.value('a') as { n: number };
    read.n = 7;
    expect(m.value('a')).toEqual({ n: 1 });
  });

  it('confirms only the change that was written: a newer one stays pending', () => {
    const m = new Mirror();
    const first = m.change('a', 1);
    const second = m.change('a', 2);
    m.confirm('a', first);
    expect(m.pending()).toEqual([{ key: 'a', value: 2, removed: false, seq: second }]);
    m.confirm('a', second);
    expect(m.pending()).toEqual([]);
  });

  it('lists pending changes oldest first, removals included', () => {
    const m = new Mirror();
    m.change('b', 1);
    m.change('a', null, true);
    expect(m.pending().map((c) => [c.key, c.removed])).toEqual([
      ['b', false],
      ['a', true],
    ]);
  });

  it('lays pending changes over the device keys, and holds its own keys without a device', () => {
    const m = new Mirror();
    m.remember('read', 1);
    m.remember('missing', null);
    m.change('new', 1);
    m.change('stored', null, true);
    expect(m.keys(['stored', 'other']).sort()).toEqual(['new', 'other']);
    expect(m.keys(null).sort()).toEqual(['new', 'read']);
  });

  it('after a deletion, resends every value it holds and names the listed keys it never read', () => {
    const m = new Mirror();
    m.noteListed(['profile/a', 'learner/a/lesson/x', 'learner/b/lesson/y']);
    m.remember('profile/a', { name: 'A' });
    m.remember('learner/a/lesson/x', { l: 1 });
    const seq = m.change('gone', null, true);
    m.confirm('gone', seq);
    expect(m.resendAll()).toEqual(['learner/b/lesson/y']);
    expect(m.pending().map((c) => c.key).sort()).toEqual(['learner/a/lesson/x', 'profile/a']);
    // Told once: a second deletion does not name it again.
    expect(m.resendAll()).toEqual([]);
  });

  it('when a database opens late, keeps what it stores and writes only what is new here', () => {
    const m = new Mirror();
    m.change('manager/pin', 'set-in-memory');
    m.change('profile/new', { name: 'N' });
    m.keepOnlyNew(['manager/pin', 'profile/old']);
    expect(m.pending().map((c) => c.key)).toEqual(['profile/new']);
    expect(m.value('manager/pin')).toBeNull();
  });
});

describe('summariseLost', () => {
  it('names learners once and counts manager assignments and reports; bookkeeping is not named', () => {
    expect(
      summariseLost(['learner/a/lesson/1', 'learner/a/meta', 'learner/b/activity/quiz:x', 'manager/assignment/1', 'manager/report/2', 'manager/pin-throttle', 'damaged/1/x', 'device/pin-throttle/a']),
    ).toEqual({ learners: ['a', 'b'], manager: 2 });
    expect(summariseLost([])).toEqual({ learners: [], manager: 0 });
  });
});
