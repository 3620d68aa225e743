/**
 * svelte-i18n setup. Russian is bundled (it is the default and the first screen needs it);
 * English is fetched only when chosen. The choice is remembered on this device.
 */
import { addMessages, init, locale, register } from 'svelte-i18n';
import { mergeAreas, toAppLocale, type AppLocale, type MessageTree } from './messages.ts';

const ru = import.meta.glob<MessageTree>('./locales/ru/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<MessageTree>('./locales/en/*.json', { import: 'default' });

const STORAGE_KEY = 'sz.locale';

function rememberedLocale(): AppLocale {
  try {
    return toAppLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'ru'; // storage refused: the default is right anyway
  }
}

/** Registers the messages and picks the remembered language (Russian by default). */
export function setupI18n(): void {
  addMessages('ru', mergeAreas(ru));
  register('en', async () => {
    const entries = await Promise.all(Object.entries(en).map(async ([path, load]) => [path, await load()] as const));
    return mergeAreas(Object.fromEntries(entries));
  });
  const initial = rememberedLocale();
  init({ fallbackLocale: 'ru', initialLocale: initial });
  document.documentElement.lang = initial;
}

/** Switches the interface language and remembers it; lesson text stays `lang="ru"`. */
export async function chooseLocale(next: AppLocale): Promise<void> {
  await locale.set(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered when storage is refused; the switch itself still works.
  }
}
