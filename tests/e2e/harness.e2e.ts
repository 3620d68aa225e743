/**
 * The harness's own checks can fail: a page's console error fails the step, a page wider than
 * the screen fails the sideways check naming what sticks out, and the context is closed whether
 * the step passed or not.
 */
import { describe, expect, inject, it } from 'vitest';
import { assertNoSideways, h1, problemsOf, useBrowser, withContext } from './harness.ts';

const baseUrl = inject('baseUrl');
useBrowser();

describe('the end-to-end harness', () => {
  it('fails a step whose page logs an error, and closes its context', async () => {
    let closed = false;
    const step = withContext('tablet', async (context, page) => {
      context.on('close', () => (closed = true));
      await page.goto(baseUrl);
      await expect.poll(() => h1(page)).toBe('Добро пожаловать!');
      await page.evaluate(() => console.error('boom'));
      await expect.poll(() => problemsOf(page)).toContain('console error: boom');
    });
    await expect(step).rejects.toThrow(/the page reported problems/);
    expect(closed, 'closed after a failed check').toBe(true);

    closed = false;
    const broken = withContext('phone', async (context) => {
      context.on('close', () => (closed = true));
      throw new Error('the step itself failed');
    });
    await expect(broken).rejects.toThrow('the step itself failed');
    expect(closed, 'closed after a thrown step').toBe(true);
  }, 30_000);

  it('fails the sideways check on a page wider than the screen, naming what sticks out', async () => {
    await withContext('phone', async (_context, page) => {
      await page.goto(baseUrl);
      await expect.poll(() => h1(page)).toBe('Добро пожаловать!');
      await assertNoSideways(page, 'welcome');
      await page.evaluate(() => {
        const wide = document.createElement('div');
        wide.className = 'too-wide';
        wide.style.width = '2000px';
        wide.style.height = '10px';
        document.body.append(wide);
      });
      await expect(assertNoSideways(page, 'welcome with a wide block')).rejects.toThrow(/no sideways scrolling \(sticking out: div\.too-wide/);
    });
  }, 30_000);
});
