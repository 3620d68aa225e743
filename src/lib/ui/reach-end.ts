/**
 * Svelte action: calls back once when the element scrolls into view — put after a lesson's text
 * to mark the lesson read. Without IntersectionObserver (old browsers, jsdom) it calls at once.
 *
 * An observer answers at the next frame, so a learner who reaches the end and leaves at once (a
 * tap on «Далее» before the next frame, a busy tablet that skips frames, the tab closed) would not
 * be counted. So the element is also measured when the address is about to change (capturing
 * `popstate`/`hashchange` listeners run before the router's, while this page is still on screen)
 * and when the page is hidden.
 *
 * Reached means scrolled to or past: a jump to the way on (a phone puts the picture and the aims
 * after the text) skips the element without ever intersecting it, so every scroll measures it too.
 */
const WATCH = ['popstate', 'hashchange', 'pagehide', 'scroll'] as const;

export function onReachEnd(node: HTMLElement, callback: () => void): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return { destroy() {} };
  }
  let called = false;
  const reach = () => {
    if (called) return;
    called = true;
    stop();
    callback();
  };
  const measure = () => {
    if (node.isConnected && inView(node)) reach();
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) reach();
  });
  const stop = () => {
    observer.disconnect();
    for (const type of WATCH) window.removeEventListener(type, measure, true);
  };
  observer.observe(node);
  for (const type of WATCH) window.addEventListener(type, measure, { capture: true, passive: true });
  return { destroy: stop };
}

/** Whether the element is in the window now, or was scrolled past (it is above the window's bottom). */
function inView(node: HTMLElement): boolean {
  const box = node.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  return box.top <= height && (box.height > 0 || box.width > 0);
}
