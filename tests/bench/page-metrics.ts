/**
 * What the bench reads inside a page: layout shifts (PerformanceObserver 'layout-shift' entries
 * without recent input), the largest contentful paint, and when IndexedDB writes complete. Installed
 * into a context before any of its pages' scripts run (`installMetrics`), read with `readMetrics`.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface PageMetrics {
  /** Sum of every layout shift not caused by input since the page started. */
  cls: number;
  /** The shifts, biggest first, with what moved (for fixing them). */
  shifts: { value: number; at: number; nodes: string[] }[];
  /** Start time of the last largest-contentful-paint entry (ms since navigation). */
  lcp: number;
}

declare global {
  interface Window {
    __bench: PageMetrics & { saves: { key: string; at: number }[]; firstScreenAt: number | null };
  }
}

/** Runs in the page before its own scripts (not subject to the page's CSP). */
function observe() {
  const bench = (window.__bench = { cls: 0, shifts: [], lcp: 0, saves: [], firstScreenAt: null } as Window['__bench']);
  // The first screen is usable when the shell shows a screen's heading: the shell renders only once
  // storage is open (App.svelte), and the welcome or the roster is then drawn at once.
  const screenShown = new MutationObserver(() => {
    if (document.querySelector('main h1')) {
      bench.firstScreenAt = performance.now();
      screenShown.disconnect();
    }
  });
  screenShown.observe(document, { subtree: true, childList: true });
  const describe = (node: Node | null | undefined) => {
    if (!(node instanceof Element)) return node?.nodeName ?? '?';
    const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
    return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${cls}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
      if (entry.hadRecentInput) continue;
      bench.cls += entry.value;
      bench.shifts.push({ value: entry.value, at: Math.round(entry.startTime), nodes: (entry.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // When a write to IndexedDB is durable: its transaction completes.
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = put.call(this, value, key);
    const name = String(key ?? '');
    this.transaction.addEventListener('complete', () => bench.saves.push({ key: name, at: performance.now() }));
    return request;
  } as typeof put;
}

/** Installs the observers into every page the context opens from now on. */
export async function installMetrics(context: BrowserContext): Promise<void> {
  await context.addInitScript(observe);
}

/**
 * When the first screen became usable (ms since the epoch) and the scripts the page had requested
 * by then (paths), from the page's own resource timing; null while no screen is shown.
 */
export function readFirstScreen(page: Page): Promise<{ at: number; scripts: string[] } | null> {
  return page.evaluate(() => {
    const at = window.__bench.firstScreenAt;
    if (at === null) return null;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= at && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => new URL(e.name).pathname);
    return { at: performance.timeOrigin + at, scripts };
  });
}

/** The page's metrics so far. */
export function readMetrics(page: Page): Promise<PageMetrics> {
  return page.evaluate(() => {
    const { cls, shifts, lcp } = window.__bench;
    return { cls, lcp, shifts: [...shifts].sort((a, b) => b.value - a.value).slice(0, 5) };
  });
}

/**
 * Clicks a button in the page and times, with performance.now(): the click → the verdict in the
 * DOM (`verdict` non-empty and a button matching `then` shown, seen by a MutationObserver) → the
 * next IndexedDB write whose key contains `saveKey` completed. Milliseconds; save is NaN when
 * nothing was written within 5 s.
 */
export function timeAnswer(page: Page, button: string, verdict: string, then: RegExp, saveKey: string): Promise<{ verdict: number; save: number }> {
  return page.evaluate(
    async ({ button, verdict, then, saveKey }) => {
      const next = new RegExp(then);
      const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === button);
      if (!target) throw new Error(`No button «${button}»`);
      const shown = () => Boolean(document.querySelector(verdict)?.textContent?.trim()) && [...document.querySelectorAll('button')].some((b) => next.test(b.textContent ?? ''));
      const savesBefore = window.__bench.saves.length;
      const start = performance.now();
      const verdictAt = new Promise<number>((done) => {
        const observer = new MutationObserver(() => {
          if (shown()) {
            observer.disconnect();
            done(performance.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          done(NaN);
        }, 5000);
      });
      target.click();
      const seen = shown() ? performance.now() : await verdictAt;
      const saved = await new Promise<number>((done) => {
        const deadline = start + 5000;
        const check = () => {
          const hit = window.__bench.saves.slice(savesBefore).find((s) => s.key.includes(saveKey));
          if (hit) done(hit.at);
          else if (performance.now() > deadline) done(NaN);
          else setTimeout(check, 5);
        };
        check();
      });
      if (Number.isNaN(seen)) throw new Error(`No verdict within 5 s; the page says: ${document.querySelector(verdict)?.textContent?.trim() ?? '(nothing)'}`);
      return { verdict: seen - start, save: saved - start };
    },
    { button, verdict, then: then.source, saveKey },
  );
}
