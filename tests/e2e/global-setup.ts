/**
 * Before the end-to-end suite: make sure Chromium is there (or fail saying how to get it), build
 * the app once, and serve dist/ from a sub-folder so relative paths are proven.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser.ts';
import { serveStatic } from './static-server.ts';

export const SUBFOLDER = '/kursy/silnoe-zveno/';

export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. The end-to-end tests need a real Chromium: ` +
        'install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or point CHROME_PATH at an existing Chromium or Chrome binary.',
    );
  }
  if (process.env.E2E_SKIP_BUILD !== '1') {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const server = await serveStatic('dist', SUBFOLDER);
  project.provide('baseUrl', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
