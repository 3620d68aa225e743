/**
 * Svelte action: calls back once when the element scrolls into view — put after a lesson's text
 * to mark the lesson read. Without IntersectionObserver (old browsers, jsdom) it calls at once.
 */
export function onReachEnd(node: HTMLElement, callback: () => void): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return { destroy() {} };
  }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      callback();
    }
  });
  observer.observe(node);
  return { destroy: () => observer.disconnect() };
}
