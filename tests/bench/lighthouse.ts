/**
 * Lighthouse (mobile: its default phone screen, simulated slow network and 4× CPU) against a
 * Chromium the bench launches itself with the harness's flags and a DevTools port, no
 * chrome-launcher. Playwright attaches to the same browser over CDP to sign a learner in first, so
 * a signed-in lesson can be measured (Lighthouse keeps the storage: `disableStorageReset`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type Page } from 'playwright-core';
import { LAUNCH_ARGS, chromiumPath } from '../e2e/harness.ts';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Audits that kept accessibility or best practices below 100 (for fixing them). */
  failing: string[];
}

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Chromium with a DevTools port, and how to stop it. */
export interface DebuggableChromium {
  port: number;
  /** Runs `fn` on a page of the browser's default profile through Playwright (e.g. to sign in). */
  withPage(fn: (page: Page) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function launchDebuggable(): Promise<DebuggableChromium> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'sz-lighthouse-'));
  const child: ChildProcess = spawn(chromiumPath(), [...LAUNCH_ARGS, '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = `http://127.0.0.1:${port}`;
  // Wait for the DevTools endpoint (state, not time): Chromium says on stderr when it listens.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium with a DevTools port did not start within 30 s')), 30_000);
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('DevTools listening on')) {
        clearTimeout(timer);
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume();
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error('Chromium with a DevTools port exited before it listened'));
    });
  });
  return {
    port,
    async withPage(fn) {
      const browser = await chromium.connectOverCDP(endpoint);
      try {
        const page = await browser.contexts()[0]!.newPage();
        await fn(page);
        await page.close();
      } finally {
        await browser.close(); // disconnects; the browser launched here keeps running
      }
    },
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
      // Chromium's helper processes may still be writing into the profile for a moment after the
      // browser exits (ENOTEMPTY): try again, and leave a temp folder rather than fail the bench.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.warn(`Left the Chromium profile ${profile}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** One Lighthouse run (mobile defaults) of `url` in the browser at `port`, storage kept. */
export async function runLighthouse(port: number, url: string): Promise<LighthouseScores> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], disableStorageReset: true });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? NaN) * 100);
  const failing = ['accessibility', 'best-practices'].flatMap((id) =>
    (categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => `${id}: ${ref.id} — ${audits[ref.id]?.title}`),
  );
  return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), failing };
}
