/**
 * Reading time of a lesson, computed from its words rather than typed by an author: front-line staff
 * read about 150 words a minute on a tablet (slower than office readers, and in a second language for
 * some). Pure; used by the course index at build time.
 */

/** Words a minute for this audience. */
export const WORDS_PER_MINUTE = 150;

/** The words a learner reads in an .svx lesson: text only, without frontmatter, script, tags and markdown marks. */
export function lessonWords(svx: string): number {
  const text = svx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return countWords(text);
}

/** Counts words: runs of letters or digits, with inner hyphens («бизнес-процесс» is one word). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Whole minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
