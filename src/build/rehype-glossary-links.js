// @ts-check
/**
 * Rehype plugin: links the first use of each glossary term in a lesson to the glossary
 * (`#/glossary/<id>`). Only wraps words in a link — the text itself never changes, so the
 * fidelity check of the source text stays exact. Headings, links and code are left alone.
 * Plain JS because svelte.config.js loads it before any TypeScript tooling runs.
 */
import { readFileSync } from 'node:fs';

/** @typedef {{ id: string, forms: string[] }} GlossaryTerm */
/** @typedef {{ type: string, value?: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

const SKIP = /^(h[1-6]|a|code|pre|script|style|svg|button)$/;

/** Escapes a string for a regular expression. @param {string} s */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression per term matching any of its forms as whole words, any case, with any
 * whitespace (a line break in the source, a non-breaking space) between the words.
 * @param {GlossaryTerm[]} terms
 */
export function termMatchers(terms) {
  return terms.map((t) => {
    const forms = [...t.forms].sort((a, b) => b.length - a.length).map((f) => f.trim().split(/\s+/).map(escape).join('[\\s\\u00a0]+'));
    return { id: t.id, re: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'iu') };
  });
}

/**
 * Wraps the first use of each term in the tree in `<a class="term" href="#/glossary/<id>">`, in
 * document order. Mutates `tree`.
 * @param {Node} tree
 * @param {GlossaryTerm[]} terms
 */
export function linkTerms(tree, terms) {
  const pending = termMatchers(terms);
  /** @param {Node} node */
  const visit = (node) => {
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < children.length && pending.length > 0; i++) {
      const child = children[i];
      if (!child) continue;
      if (child.type === 'element') {
        if (!SKIP.test(child.tagName ?? '')) visit(child);
      } else if (child.type === 'text' && child.value) {
        const parts = split(child.value, pending);
        if (parts.length > 1) {
          children.splice(i, 1, ...parts);
          i += parts.length - 1;
        }
      }
    }
  };
  visit(tree);
}

/**
 * Splits a text at the earliest match of any pending term, repeatedly; matched terms leave
 * `pending`.
 * @param {string} text
 * @param {{ id: string, re: RegExp }[]} pending
 * @returns {Node[]}
 */
function split(text, pending) {
  /** @type {Node[]} */
  const out = [];
  let rest = text;
  for (;;) {
    let best = null;
    for (const term of pending) {
      const m = term.re.exec(rest);
      if (m && (best === null || m.index < best.m.index)) best = { term, m };
    }
    if (!best) break;
    const { term, m } = best;
    if (m.index > 0) out.push({ type: 'text', value: rest.slice(0, m.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: `#/glossary/${term.id}`, className: ['term'] }, children: [{ type: 'text', value: m[0] }] });
    rest = rest.slice(m.index + m[0].length);
    pending.splice(pending.indexOf(term), 1);
  }
  if (out.length === 0) return [{ type: 'text', value: text }];
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

/**
 * The plugin: reads the glossary from `file` (content/glossary.json) and links each lesson's terms.
 * @param {{ file: URL | string }} options
 */
export function rehypeGlossaryLinks({ file }) {
  return () => (/** @type {Node} */ tree) => {
    // Read for every lesson, so an edited glossary is picked up by the dev server too.
    const { terms } = /** @type {{ terms: GlossaryTerm[] }} */ (JSON.parse(readFileSync(file, 'utf8')));
    linkTerms(tree, terms);
  };
}
