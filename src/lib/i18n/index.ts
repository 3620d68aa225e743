/**
 * svelte-i18n setup. Each area of the interface has its own message file per language
 * (`locales/<lang>/<area>.json`). The core areas the shell and the first screens need are bundled
 * in Russian; every other area (quiz, exercise, backup, manager…) arrives with its screen's code
 * via `withMessages`, in the language being shown; the other language's files are registered with
 * svelte-i18n and fetched only when it is chosen (so are the English core messages).
 * The choice is remembered on this device.
 */
import { get } from 'svelte/store';
import { addMessages, init, locale, register, waitLocale } from 'svelte-i18n';
import { loadOncePerKey } from '../app/load-once.ts';
import { LOCALES, mergeAreas, toAppLocale, type AppLocale, type MessageTree } from './messages.ts';

// The core areas, bundled with the shell in Russian: app, progress, pwa. The eager glob names
// them; the lazy glob names them again to leave them out. The roster's own area (profile) arrives
// with the roster's code (AppShell), the learner screens' own (SCREEN_AREAS) with the screens'
// code. English comes through english.ts, fetched only when English is shown.
const CORE_AREAS = ['app', 'progress', 'pwa'] as const;
const ruCore = import.meta.glob<MessageTree>('./locales/ru/{app,progress,pwa}.json', { eager: true, import: 'default' });
// The lesson pictures' descriptions are listed apart, with the lessons (picture-words.ts).
const ruLazy = import.meta.glob<MessageTree>(['./locales/ru/*.json', '!./locales/ru/{app,progress,pwa}.json', '!./locales/ru/picture-*.json'], { import: 'default' });
type AreaFiles = Record<string, () => Promise<MessageTree>>;
const english = () => import('./english.ts');
/** Loads one lazy area's messages in a language; undefined for an area that is not lazy. */
const areaLoader = (lang: AppLocale, area: string, files: AreaFiles): (() => Promise<MessageTree>) | undefined => {
  const russian = files[`./locales/ru/${area}.json`];
  return russian && lang === 'en' ? async () => (await english()).englishArea(area) : russian;
};

/** Areas every screen behind the router uses (home, lesson): loaded together with the router. */
export const SCREEN_AREAS = ['home', 'lesson'] as const;

const STORAGE_KEY = 'sz.locale';
/** Each area's messages, loaded once (a failed load is tried again by the next call). */
const loaded = loadOncePerKey<void>();

function rememberedLocale(): AppLocale {
  try {
    return toAppLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'ru'; // storage refused: the default is right anyway
  }
}

/**
 * The language chosen last: remembered on this device, pressed here, or chosen in another tab.
 * svelte-i18n switches to a language once its messages have loaded, so a switch that loads ends
 * after a later one that did not («Eng» then «Рус» in quick succession; English remembered and
 * still loading when another tab chooses Russian): whatever it shows then, it is set back to this.
 */
let chosen: AppLocale = 'ru';

/** Shows `next` as the latest choice, once its messages are in (svelte-i18n sets the page's `lang` then). */
function follow(next: AppLocale): Promise<void> {
  chosen = next;
  return Promise.resolve(locale.set(next));
}

/** Registers the messages and picks the remembered language (Russian by default). */
export function setupI18n(): void {
  addMessages('ru', mergeAreas(ruCore));
  register('en', async () => (await english()).englishAreas(CORE_AREAS));
  chosen = rememberedLocale();
  init({ fallbackLocale: 'ru', initialLocale: chosen });
  document.documentElement.lang = chosen;
  locale.subscribe((shown) => {
    if (shown && shown !== chosen) void follow(chosen);
  });
  // Another tab chose a language: this one follows, so no tab shows (or later writes back) an old choice.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY || event.storageArea !== localStorage) return;
    void follow(toAppLocale(event.newValue));
  });
}

/**
 * Loads the messages of non-core areas in the language shown now; the other language's are
 * registered, for svelte-i18n to fetch when it is chosen. Safe to call often; a load that failed
 * (the network) is tried again by the next call. `files`: where the Russian files of these areas
 * are listed, when not with the others (picture-words.ts).
 */
export function loadMessages(areas: readonly string[], files: AreaFiles = ruLazy): Promise<void> {
  return Promise.all(
    areas.map((area) =>
      loaded(area, async () => {
        const shown = toAppLocale(get(locale));
        for (const lang of LOCALES) {
          const load = areaLoader(lang, area, files);
          if (lang !== shown && load) register(lang, async () => ({ [area]: await load() }));
        }
        const load = areaLoader(shown, area, files);
        if (load) addMessages(shown, { [area]: await load() });
      }),
    ),
  ).then(() => undefined);
}

/** Wraps a screen's lazy import so its message areas arrive together with its code. */
export function withMessages<T>(areas: readonly string[], load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadMessages(areas)]))[0];
}

/** Switches the interface language and remembers it; lesson text stays `lang="ru"`. */
export async function chooseLocale(next: AppLocale): Promise<void> {
  await follow(next);
  // An area registered while the switch was under way is fetched too.
  await waitLocale(next);
  if (chosen !== next) return; // a later choice took over, and remembers itself
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered when storage is refused; the switch itself still works.
  }
}
