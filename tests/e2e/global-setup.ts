/**
 * Before the end-to-end suite: make sure Chromium is there (or fail saying how to get it), build
 * the app once, and serve dist/ from a sub-folder so relative paths are proven.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './harness.ts';
import { serveStatic } from './static-server.ts';

export const SUBFOLDER = '/kursy/silnoe-zveno/';

export default async function setup(project: TestProject) {
  assertChromium();
  // Each run builds into its own folder, so parallel runs never serve each other's half-built files.
  const outDir = process.env.E2E_DIST ?? mkdtempSync(join(tmpdir(), 'sz-e2e-dist-'));
  if (!process.env.E2E_DIST) {
    // vitest sets NODE_ENV=test, which would make a development build: test what ships.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  const server = await serveStatic(outDir, SUBFOLDER);
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
    if (!process.env.E2E_DIST) rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
