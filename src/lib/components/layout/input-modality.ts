/**
 * Notes whether the learner is using the keyboard (`data-input="keyboard"` on <html>), so
 * keyboard instructions appear only to those who use one; a touch or a click hides them again.
 */
const KEYS = new Set(['Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', ' ', 'Escape']);

/** Starts watching; returns a function that stops. */
export function watchInputModality(root: HTMLElement = document.documentElement): () => void {
  const key = (e: KeyboardEvent) => {
    if (KEYS.has(e.key)) root.dataset.input = 'keyboard';
  };
  const pointer = (e: PointerEvent) => {
    // A synthetic click from the keyboard has no pointer type; only a real pointer counts.
    if (e.pointerType) root.dataset.input = 'pointer';
  };
  window.addEventListener('keydown', key, true);
  window.addEventListener('pointerdown', pointer, true);
  return () => {
    window.removeEventListener('keydown', key, true);
    window.removeEventListener('pointerdown', pointer, true);
  };
}
