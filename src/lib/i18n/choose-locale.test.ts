import { get } from 'svelte/store';
import { locale } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLocale, setupI18n } from './index.ts';

beforeAll(() => {
  localStorage.clear();
  setupI18n();
});

describe('chooseLocale', () => {
  it('ends in the language chosen last when «Eng» and «Рус» are pressed in quick succession', async () => {
    // English is fetched on its first choice (it loads after Russian is chosen again).
    await Promise.all([chooseLocale('en'), chooseLocale('ru')]);
    expect(get(locale)).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem('sz.locale')).toBe('ru');
  });

  it('switches and remembers a single choice', async () => {
    await chooseLocale('en');
    expect(get(locale)).toBe('en');
    expect(localStorage.getItem('sz.locale')).toBe('en');
    await chooseLocale('ru');
    expect(get(locale)).toBe('ru');
  });
});
