/**
 * The lesson pictures' descriptions: one message area per lesson (`picture-<lesson id>`, key
 * `alt`), listed apart from the other areas so that only a lesson fetches one, and only its own
 * (`loadLessonText` in course.ts). English comes through english.ts, like every area.
 */
import type { MessageTree } from './messages.ts';

export const pictureWords = import.meta.glob<MessageTree>('./locales/ru/picture-*.json', { import: 'default' });

/** The message area of a lesson picture's description. */
export const pictureArea = (lessonId: string) => `picture-${lessonId}`;
