/**
 * The text-size setting of this device: three steps, kept like the interface language (a device
 * preference, not a learner's record) and applied as `data-text-size` on <html>; every size in
 * app.css and the components is in rem, so every screen follows.
 */
export const TEXT_SIZES = ['normal', 'large', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
const KEY = 'sz.textSize';

/** Narrows anything to a known size. */
export const toTextSize = (value: unknown): TextSize => TEXT_SIZES.find((s) => s === value) ?? 'normal';

/** The size chosen on this device (normal when none, or when storage is refused). */
export function rememberedTextSize(): TextSize {
  try {
    return toTextSize(localStorage.getItem(KEY));
  } catch {
    return 'normal';
  }
}

/** Applies a size to the page and remembers it. */
export function applyTextSize(size: TextSize, remember = true): void {
  if (size === 'normal') delete document.documentElement.dataset.textSize;
  else document.documentElement.dataset.textSize = size;
  if (!remember) return;
  try {
    localStorage.setItem(KEY, size);
  } catch {
    // Not remembered when storage is refused; the page still changes.
  }
}
