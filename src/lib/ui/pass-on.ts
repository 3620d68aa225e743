/**
 * Passing a text on without a server: the clipboard, or the system share sheet (a messenger).
 * When the browser refuses the clipboard, the text is selected in its field for a manual copy.
 */

/** Whether this device has a share sheet. */
export const canShare = (): boolean => typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/** Copies `text`; when refused, focuses and selects `field` so the person can copy it by hand. */
export async function copyOrSelect(text: string, field: HTMLTextAreaElement | HTMLInputElement | undefined): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'selected';
  }
}

/** Opens the share sheet; closing it without sharing is not an error worth telling. */
export async function shareQuietly(data: ShareData): Promise<void> {
  try {
    await navigator.share(data);
  } catch {
    // Cancelled or refused: the copy button is still there.
  }
}
