/**
 * After an in-app navigation, screen-reader and keyboard users should land on the new page's
 * heading, not stay on the link they pressed. The first page load keeps the browser's focus
 * (so the skip link stays first).
 */
let firstPage = true;

/** Svelte action for the page's h1. */
export function focusOnNavigation(node: HTMLElement): void {
  if (firstPage) {
    firstPage = false;
    return;
  }
  node.focus({ preventScroll: false });
}
