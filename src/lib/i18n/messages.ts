/**
 * Interface strings live in `locales/<lang>/<area>.json`; each area (app, lesson, quiz, …) owns
 * one file per language and its keys are reached as `area.key`. Pure helpers, no svelte-i18n here.
 */

/** A nested message tree as stored in the JSON files. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Turns `{ './locales/ru/app.json': {...} }` into `{ app: {...} }`. */
export function mergeAreas(files: Record<string, MessageTree>): MessageTree {
  const tree: MessageTree = {};
  for (const [path, messages] of Object.entries(files)) {
    const area = /([^/]+)\.json$/.exec(path)?.[1];
    if (!area) throw new Error(`Cannot name the message area of ${path}`);
    tree[area] = messages;
  }
  return tree;
}

/** Every leaf key of a tree, dotted: `app.home.start`. */
export function flattenKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flattenKeys(value, `${prefix}${key}.`),
  );
}

/** The languages the interface speaks; the first is the default. */
export const LOCALES = ['ru', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** Narrows any string to a supported locale, falling back to Russian. */
export function toAppLocale(value: string | null | undefined): AppLocale {
  return LOCALES.find((l) => l === value) ?? 'ru';
}
