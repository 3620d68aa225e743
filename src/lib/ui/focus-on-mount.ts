/**
 * Moves focus to an element when it appears (a preview, a result), so keyboard and screen-reader
 * users land on what just changed instead of on a button that is gone.
 */
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}
