/**
 * Proves that the lessons show the source text faithfully: every source paragraph exactly once,
 * in order, with only the listed corrections. Pure; used by the content build and by a unit test.
 */

/** One evident typo fix: `from` must occur exactly once in the source. */
export interface Correction {
  from: string;
  to: string;
}

/** A paragraph found in a lesson file outside authored components. */
export interface LessonParagraph {
  file: string;
  text: string;
}

/** What is wrong, in words an author understands. */
export interface FidelityProblem {
  kind: 'missing' | 'duplicated' | 'altered' | 'out-of-order' | 'correction';
  message: string;
}

export { applyCorrections, normalizeSpace, sourceId, sourceParagraphs } from './source-text.js';
import { normalizeSpace } from './source-text.js';

/**
 * Extracts the source paragraphs of a lesson body: everything outside frontmatter, `<script>` and
 * authored components (`<KeyIdea>…</KeyIdea>`, `<Foo />`), split at blank lines, heading marks removed.
 */
export function lessonParagraphs(svx: string): string[] {
  const body = svx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<([A-Z][A-Za-z0-9]*)\b[^>]*\/>/g, '\n\n')
    .replace(/<([A-Z][A-Za-z0-9]*)\b[^>]*>[\s\S]*?<\/\1>/g, '\n\n')
    .replace(/<!--[\s\S]*?-->/g, '');
  return body
    .split(/\n[ \t]*\n/)
    .map((block) => normalizeSpace(block.trim().replace(/^#{1,6}\s+/, '')))
    .filter((p) => p !== '');
}

function words(text: string): string[] {
  return text.split(' ');
}

function preview(text: string): string {
  const w = words(text);
  return `«${w.slice(0, 6).join(' ')}${w.length > 6 ? '…' : ''}»`;
}

/** Index of the source paragraph sharing the most words with `text`. */
function closest(expected: string[], text: string): number {
  const mine = new Set(words(text));
  let best = 0;
  let bestScore = -1;
  expected.forEach((p, i) => {
    const score = words(p).filter((w) => mine.has(w)).length / Math.max(words(p).length, 1);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

function firstDifference(expected: string, actual: string): string {
  const a = words(expected);
  const b = words(actual);
  const i = a.findIndex((w, k) => w !== b[k]);
  const at = i === -1 ? a.length : i;
  return `word ${at + 1}: expected "${a[at] ?? '(end)'}", found "${b[at] ?? '(end)'}"`;
}

/** Compares the corrected source paragraphs with the paragraphs of the lessons, in course order. */
export function checkFidelity(expected: string[], actual: LessonParagraph[]): FidelityProblem[] {
  const problems: FidelityProblem[] = [];
  const seenAt = new Map<number, LessonParagraph[]>();
  let last = -1;
  for (const para of actual) {
    const i = expected.indexOf(para.text);
    if (i === -1) {
      const near = closest(expected, para.text);
      problems.push({
        kind: 'altered',
        message: `${para.file}: paragraph ${preview(para.text)} is not in the source; nearest is source paragraph ${near + 1} ${preview(expected[near] ?? '')}, ${firstDifference(expected[near] ?? '', para.text)}`,
      });
      continue;
    }
    seenAt.set(i, [...(seenAt.get(i) ?? []), para]);
    if (i < last) problems.push({ kind: 'out-of-order', message: `${para.file}: source paragraph ${i + 1} ${preview(para.text)} comes after paragraph ${last + 1}` });
    last = Math.max(last, i);
  }
  expected.forEach((p, i) => {
    const seen = seenAt.get(i) ?? [];
    if (seen.length === 0) problems.push({ kind: 'missing', message: `source paragraph ${i + 1} ${preview(p)} appears in no lesson` });
    if (seen.length > 1) problems.push({ kind: 'duplicated', message: `source paragraph ${i + 1} ${preview(p)} appears ${seen.length} times: ${seen.map((s) => s.file).join(', ')}` });
  });
  return problems;
}
