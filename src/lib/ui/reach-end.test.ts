import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onReachEnd } from '$lib/ui/reach-end.ts';

/** An observer that never answers: as on a tablet that has not drawn the next frame yet. */
class SilentObserver {
  static last: SilentObserver | undefined;
  constructor(readonly answer: (entries: { isIntersecting: boolean }[]) => void) {
    SilentObserver.last = this;
  }
  observe() {}
  disconnect() {}
}

/** An element laid out at `top` (px from the window's top), 1 px high. */
function endAt(top: number): HTMLElement {
  const node = document.createElement('div');
  document.body.append(node);
  node.getBoundingClientRect = () => ({ top, bottom: top + 1, left: 0, right: 300, width: 300, height: 1, x: 0, y: top, toJSON: () => ({}) });
  return node;
}

describe('onReachEnd', () => {
  beforeEach(() => vi.stubGlobal('IntersectionObserver', SilentObserver));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('calls back once when the observer sees the end', () => {
    const read = vi.fn();
    onReachEnd(endAt(100), read);
    SilentObserver.last!.answer([{ isIntersecting: true }]);
    SilentObserver.last!.answer([{ isIntersecting: true }]);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('counts an end in view when the address changes before the observer answered', () => {
    for (const event of [new PopStateEvent('popstate'), new HashChangeEvent('hashchange'), new Event('pagehide')]) {
      const read = vi.fn();
      const action = onReachEnd(endAt(100), read);
      window.dispatchEvent(event);
      expect(read, event.type).toHaveBeenCalledTimes(1);
      action.destroy();
    }
  });

  it('counts an end scrolled past in one jump, which the observer never sees intersect', () => {
    const read = vi.fn();
    onReachEnd(endAt(-800), read);
    window.dispatchEvent(new Event('scroll'));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not count an end below the window, nor anything after the page is gone', () => {
    const read = vi.fn();
    const action = onReachEnd(endAt(window.innerHeight + 500), read);
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new Event('scroll'));
    expect(read).not.toHaveBeenCalled();

    const other = vi.fn();
    const gone = onReachEnd(endAt(100), other);
    gone.destroy();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(other).not.toHaveBeenCalled();
    action.destroy();
  });
});
