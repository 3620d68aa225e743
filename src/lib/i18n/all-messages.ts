/**
 * For component tests only: every area in both languages at once, so a test can render any
 * screen without going through its lazy route. Never imported by the app.
 */
import { addMessages } from 'svelte-i18n';
import { mergeAreas, type MessageTree } from './messages.ts';

const ru = import.meta.glob<MessageTree>('./locales/ru/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<MessageTree>('./locales/en/*.json', { eager: true, import: 'default' });

/** Adds every message of every area. */
export function addAllMessages(): void {
  addMessages('ru', mergeAreas(ru));
  addMessages('en', mergeAreas(en));
}
