import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { rehypeParagraphIds } from './src/build/rehype-paragraph-ids.js';

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  extensions: ['.svelte', '.svx'],
  preprocess: [
    vitePreprocess(),
    mdsvex({ extensions: ['.svx'], smartypants: false, rehypePlugins: [rehypeParagraphIds] }),
  ],
  vitePlugin: {
    // Runes everywhere except mdsvex output, which only compiles in legacy mode.
    dynamicCompileOptions({ filename }) {
      if (!filename.endsWith('.svx') && !filename.includes('/node_modules/')) return { runes: true };
    },
  },
};
