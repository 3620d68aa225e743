// @ts-check
/**
 * The source text as the lessons must show it: split into paragraphs, the documented corrections
 * applied. Plain JS because svelte.config.js (via rehype-paragraph-ids.js) loads it before any
 * TypeScript tooling runs; fidelity.ts re-exports it for the rest of the build. Pure: no file access.
 */
const CRUMB = /^[•·\s]*На главную\s*$/;

/**
 * Collapses every run of white space (including no-break spaces) to one space.
 * @param {string} text
 */
export function normalizeSpace(text) {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Splits the source file into paragraphs, dropping blank filler lines and the web-page crumb.
 * @param {string} source
 * @returns {string[]}
 */
export function sourceParagraphs(source) {
  return source
    .split(/\n[ \t\u00a0]*\n/)
    .map(normalizeSpace)
    .filter((p) => p !== '' && !CRUMB.test(p));
}

/**
 * Applies the corrections; each must match exactly once in the joined paragraphs.
 * @param {string[]} paragraphs
 * @param {{ from: string, to: string }[]} corrections
 * @returns {{ paragraphs: string[], problems: { kind: 'correction', message: string }[] }}
 */
export function applyCorrections(paragraphs, corrections) {
  /** @type {{ kind: 'correction', message: string }[]} */
  const problems = [];
  let result = [...paragraphs];
  for (const c of corrections) {
    const hits = result.reduce((n, p) => n + p.split(c.from).length - 1, 0);
    if (hits !== 1) {
      problems.push({ kind: 'correction', message: `correction "${c.from}" → "${c.to}" matches ${hits} times in the source; it must match exactly once` });
      continue;
    }
    result = result.map((p) => p.replace(c.from, c.to));
  }
  return { paragraphs: result, problems };
}

/**
 * The stable id of source paragraph `index` (0-based): `s1`, `s2`… in the order of the source file.
 * Quiz references («Перечитать») use these ids, so moving a paragraph to another lesson or adding an
 * authored box never changes what a reference points at.
 * @param {number} index
 */
export const sourceId = (index) => `s${index + 1}`;
