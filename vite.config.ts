import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { coursePlugin } from './src/lib/course/content-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Content-Security-Policy goes into the built index.html only: the dev server injects inline
 * styles for hot reload, which a strict policy would block.
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative base: the build works from any sub-folder of any static host and inside an LMS package.
  base: './',
  publicDir: 'static',
  resolve: { alias: { $lib: `${root}src/lib`, $content: `${root}content` } },
  plugins: [coursePlugin(root), svelte(), contentSecurityPolicy()],
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.ts', 'content/**/*.test.ts'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'bench', environment: 'node', include: ['tests/bench/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
