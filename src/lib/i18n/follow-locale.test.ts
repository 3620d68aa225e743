import { get } from 'svelte/store';
import { locale, waitLocale } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLocale, setupI18n } from './index.ts';

beforeAll(() => {
  localStorage.clear();
  setupI18n();
});

const otherTabChooses = (value: string) => window.dispatchEvent(new StorageEvent('storage', { key: 'sz.locale', newValue: value, storageArea: localStorage }));

describe('another tab’s choice of language', () => {
  it('wins over this tab’s own switch still loading: English arriving after the other tab’s Russian does not bring English back', async () => {
    // English is fetched on its first choice: it arrives after the other tab's Russian.
    const switching = chooseLocale('en');
    otherTabChooses('ru');
    await switching;
    await waitLocale();
    expect(get(locale)).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    // Nor is English written back over the other tab's choice.
    expect(localStorage.getItem('sz.locale')).not.toBe('en');
  });

  it('is followed when nothing else is under way', async () => {
    otherTabChooses('en');
    await waitLocale('en');
    await expect.poll(() => get(locale)).toBe('en');
    otherTabChooses('ru');
    await expect.poll(() => get(locale)).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
  });
});
