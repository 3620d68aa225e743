import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyOrSelect, shareQuietly } from '$lib/ui/pass-on.ts';

afterEach(() => vi.unstubAllGlobals());

describe('copyOrSelect', () => {
  it('copies when the clipboard takes the text', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyOrSelect('https://x/#/a', undefined)).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('https://x/#/a');
  });

  it('selects the text in its field when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    const field = document.createElement('textarea');
    field.value = 'текст напоминания';
    document.body.append(field);
    expect(await copyOrSelect(field.value, field)).toBe('selected');
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    field.remove();
  });
});

describe('shareQuietly', () => {
  it('says nothing when the share sheet is closed', async () => {
    const share = vi.fn(async () => Promise.reject(new DOMException('cancelled', 'AbortError')));
    vi.stubGlobal('navigator', { share });
    await expect(shareQuietly({ text: 'x' })).resolves.toBeUndefined();
    expect(share).toHaveBeenCalledWith({ text: 'x' });
  });
});
