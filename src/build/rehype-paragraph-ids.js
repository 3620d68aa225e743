// @ts-check
/**
 * Rehype plugin: gives every top-level paragraph and heading of a lesson an id `p1`, `p2`, … in
 * document order, so a quiz explanation can link back to the exact paragraph («Перечитать»).
 * Authored asides (components) are not top-level elements and keep no number.
 * Plain JS because svelte.config.js loads it before any TypeScript tooling runs.
 * @returns {(tree: { children?: Array<{ type: string, tagName?: string, properties?: Record<string, unknown> }> }) => void}
 */
export function rehypeParagraphIds() {
  return (tree) => {
    let n = 0;
    for (const node of tree.children ?? []) {
      if (node.type === 'element' && node.tagName && /^(p|h[2-6])$/.test(node.tagName)) {
        n += 1;
        node.properties = { ...node.properties, id: `p${n}`, tabIndex: -1 };
      }
    }
  };
}
