/**
 * The English messages' loaders, in a module of their own: a Russian-speaking tablet (the default)
 * never fetches this list of files, only the Russian one in index.ts. Fetched when English is
 * shown, or first chosen.
 */
import type { MessageTree } from './messages.ts';

const files = import.meta.glob<MessageTree>('./locales/en/*.json', { import: 'default' });

/** The English messages of one area. */
export async function englishArea(area: string): Promise<MessageTree> {
  const load = files[`./locales/en/${area}.json`];
  if (!load) throw new Error(`No English messages for the area ${area}`);
  return load();
}

/** The English messages of the given areas, as one tree (`{ app: …, progress: … }`). */
export async function englishAreas(areas: readonly string[]): Promise<MessageTree> {
  return Object.fromEntries(await Promise.all(areas.map(async (area) => [area, await englishArea(area)] as const)));
}
