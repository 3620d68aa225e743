import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdsvex } from 'mdsvex';
import { parse as parseYaml } from 'yaml';
import { rehypeParagraphIds } from './src/build/rehype-paragraph-ids.js';
import { rehypeGlossaryLinks } from './src/build/rehype-glossary-links.js';
import { rehypeTypography, typographDeep } from './src/build/typography.js';

const root = dirname(fileURLToPath(import.meta.url));

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  extensions: ['.svelte', '.svx'],
  // No `window.__svelte.v` beacon in every component chunk: bytes the first screen does not need.
  compilerOptions: { discloseVersion: false },
  preprocess: [
    vitePreprocess(),
    mdsvex({
      extensions: ['.svx'],
      smartypants: false,
      // Ids first (they match source paragraphs by their words), glossary links, then no-break spaces everywhere.
      rehypePlugins: [[rehypeParagraphIds, { root }], rehypeGlossaryLinks({ file: new URL('./content/glossary.json', import.meta.url) }), rehypeTypography],
      // The frontmatter (the lesson's check) reaches the page as data: typograph it too.
      frontmatter: { type: 'yaml', marker: '-', parse: (text) => typographDeep(/** @type {Record<string, unknown>} */ (parseYaml(text))) },
    }),
  ],
  vitePlugin: {
    // Runes everywhere except mdsvex output, which only compiles in legacy mode.
    dynamicCompileOptions({ filename }) {
      if (!filename.endsWith('.svx') && !filename.includes('/node_modules/')) return { runes: true };
    },
  },
};
