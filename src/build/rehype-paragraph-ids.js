// @ts-check
/**
 * Rehype plugin: gives every paragraph or heading of a lesson that IS a source paragraph the stable
 * id of that source paragraph (`s3` = the third paragraph of the source file), so a quiz explanation
 * can link back to it («Перечитать») and land on the source text, never on an authored box.
 *
 * mdsvex hoists the markdown inside a component (`<KeyIdea>` … `</KeyIdea>`) to the top level, next
 * to the source paragraphs; the plugin follows the component tags around it and never gives an id to
 * anything inside one. Authored text outside components is refused by the fidelity check anyway.
 * Plain JS because svelte.config.js loads it before any TypeScript tooling runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCorrections, normalizeSpace, sourceId, sourceParagraphs } from './source-text.js';

/**
 * @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode
 */

/**
 * Reads `content/source/` under `root`: the corrected source paragraphs, in order.
 * @param {string} root the project root
 * @returns {string[]}
 */
export function readCorrectedSource(root) {
  const dir = join(root, 'content', 'source');
  const text = readFileSync(join(dir, 'internal-clients.ru.txt'), 'utf8');
  const { corrections } = /** @type {{ corrections: { from: string, to: string }[] }} */ (JSON.parse(readFileSync(join(dir, 'corrections.json'), 'utf8')));
  return applyCorrections(sourceParagraphs(text), corrections).paragraphs;
}

/**
 * The visible text of a node.
 * @param {HastNode} node
 * @returns {string}
 */
function textOf(node) {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * How many component tags a raw HTML chunk opens minus how many it closes (`<Foo />` counts 0).
 * @param {string} html
 */
export function componentDepthChange(html) {
  const opens = (html.match(/<[A-Z][A-Za-z0-9]*\b(?:[^>"']|"[^"]*"|'[^']*')*>/g) ?? []).filter((t) => !t.endsWith('/>')).length;
  const closes = (html.match(/<\/[A-Z][A-Za-z0-9]*\s*>/g) ?? []).length;
  return opens - closes;
}

/**
 * @param {{ root?: string, paragraphs?: string[] }} [options] the project root to read the source
 *   from, or the corrected source paragraphs themselves (tests)
 * @returns {(tree: HastNode) => void}
 */
export function rehypeParagraphIds(options = {}) {
  const paragraphs = options.paragraphs ?? readCorrectedSource(options.root ?? process.cwd());
  return (tree) => {
    let depth = 0;
    for (const node of tree.children ?? []) {
      if (node.type === 'raw' || (node.type === 'element' && node.tagName && /^[A-Z]/.test(node.tagName))) {
        depth = Math.max(0, depth + componentDepthChange(node.value ?? ''));
        continue;
      }
      if (depth > 0 || node.type !== 'element' || !node.tagName || !/^(p|h[2-6])$/.test(node.tagName)) continue;
      const index = paragraphs.indexOf(normalizeSpace(textOf(node)));
      if (index === -1) continue;
      node.properties = { ...node.properties, id: sourceId(index), tabIndex: -1 };
    }
  };
}
