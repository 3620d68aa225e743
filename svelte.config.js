import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdsvex } from 'mdsvex';
import { rehypeParagraphIds } from './src/lib/course/rehype-paragraph-ids.js';

const root = dirname(fileURLToPath(import.meta.url));

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  extensions: ['.svelte', '.svx'],
  preprocess: [
    vitePreprocess(),
    mdsvex({ extensions: ['.svx'], smartypants: false, rehypePlugins: [[rehypeParagraphIds, { root }]] }),
  ],
  vitePlugin: {
    // Runes everywhere except mdsvex output, which only compiles in legacy mode.
    dynamicCompileOptions({ filename }) {
      if (!filename.endsWith('.svx') && !filename.includes('/node_modules/')) return { runes: true };
    },
  },
};
