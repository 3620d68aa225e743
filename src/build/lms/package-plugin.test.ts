// @vitest-environment node
// Build-time code: Node, not the browser.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { listFiles, markLaunchPage, packageIdentifier, serviceWorkerProblem, writePackages, zipName } from './package-plugin.ts';

/** A zip's entries in order, read back by fflate. */
const readZip = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
/** The file names a manifest's xsi:schemaLocation points at. */
const schemaFiles = (manifest: string) => /xsi:schemaLocation="([^"]*)"/.exec(manifest)![1]!.trim().split(/\s+/).filter((_, i) => i % 2 === 1);

let dir: string;
const put = (file: string, text: string) => {
  mkdirSync(dirname(join(dir, 'course', file)), { recursive: true });
  writeFileSync(join(dir, 'course', file), text);
};
const html = '<!doctype html><html lang="ru"><head><meta charset="UTF-8" /><title>Курс</title></head><body><script type="module" src="./assets/index-1.js"></script></body></html>';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sz-pack-'));
  put('index.html', html);
  put('assets/index-1.js', 'console.log("курс");');
  put('assets/index-1.css', 'body{margin:0}');
  put('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writePackages', () => {
  it('writes a SCORM 1.2 and a SCORM 2004 zip beside the build, files at the root, the manifest first', () => {
    const paths = writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'silnoe-zveno', title: 'Сильное звено', version: '1.4.2' });
    expect(paths).toEqual({ '1.2': join(dir, zipName('silnoe-zveno', '1.2')), '2004': join(dir, 'silnoe-zveno-scorm2004.zip') });
    expect(zipName('x', '1.2')).toBe('x-scorm12.zip');
    expect([packageIdentifier('silnoe-zveno', '1.2'), packageIdentifier('silnoe-zveno', '2004')]).toEqual(['silnoe-zveno-scorm12', 'silnoe-zveno-scorm2004']);
    for (const version of ['1.2', '2004'] as const) {
      const entries = readZip(new Uint8Array(readFileSync(paths[version])));
      const names = entries.map((e) => e.name);
      expect(names.slice(0, 5)).toEqual(['imsmanifest.xml', 'index.html', 'assets/index-1.css', 'assets/index-1.js', 'favicon.svg']);
      const text = (name: string) => new TextDecoder().decode(entries.find((e) => e.name === name)!.data);
      // The control documents the manifest names are at the root, and nothing else is added.
      const named = schemaFiles(text('imsmanifest.xml'));
      expect(named.length).toBeGreaterThan(2);
      for (const file of named) expect(names).toContain(file);
      expect(names.slice(5).every((n) => /^[\w.]+\.(xsd|dtd)$/.test(n))).toBe(true);
      expect(text(named[0]!)).toMatch(/^<\?xml[^>]*\?>\s*(<!--[^]*?-->\s*)*<(xsd|xs):schema/);
      // One identifier per standard, the version of package.json.
      expect(text('imsmanifest.xml')).toContain(`<manifest identifier="${packageIdentifier('silnoe-zveno', version)}" version="1.4.2"`);
      expect(text('imsmanifest.xml')).toContain(version === '1.2' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
      expect(text('imsmanifest.xml')).toContain('<file href="assets/index-1.js"/>');
      expect(text('index.html')).toContain(`<meta name="sz-scorm-version" content="${version}" />`);
      expect(text('assets/index-1.js')).toBe('console.log("курс");');
    }
    // The built folder itself is left as it was.
    expect(readFileSync(join(dir, 'course', 'index.html'), 'utf8')).toBe(html);
  });

  it.each([
    ['sw.js', 'self.addEventListener("fetch", () => {})', /sw\.js is a service worker/],
    ['workbox-3f2a.js', '', /workbox-3f2a\.js/],
    ['manifest.webmanifest', '{}', /webmanifest/],
    ['assets/registerSW.js', '', /registerSW/],
    ['assets/pwa-1.js', 'navigator.serviceWorker.register("./sw.js")', /pwa-1\.js registers a service worker/],
  ])('refuses a build with a service worker: %s', (file, text, problem) => {
    put(file, text);
    expect(() => writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'x', title: 'X', version: '1' })).toThrow(problem);
  });

  it('refuses a build with a file named like a control document', () => {
    put('xml.xsd', '<x/>');
    expect(() => writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'x', title: 'X', version: '1' })).toThrow(/xml\.xsd, which is a control document/);
  });

  it('writes the same bytes for the same build and time (reproducible packages)', () => {
    const modified = new Date(Date.UTC(2026, 0, 2, 3, 4, 6));
    const first = readFileSync(writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'x', title: 'X', version: '1', modified })['2004']);
    const second = readFileSync(writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'x', title: 'X', version: '1', modified })['2004']);
    expect(first.equals(second)).toBe(true);
  });

  it('refuses a launch page that links a web app manifest, and a build without index.html', () => {
    put('index.html', html.replace('</head>', '<link rel="manifest" href="./manifest.json"></head>'));
    expect(() => writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'x', title: 'X', version: '1' })).toThrow(/links a web app manifest/);
    rmSync(join(dir, 'course', 'index.html'));
    expect(() => writePackages({ outDir: join(dir, 'course'), zipDir: dir, name: 'x', title: 'X', version: '1' })).toThrow(/no index\.html/);
  });
});

describe('helpers', () => {
  it('lists files with the launch page first', () => {
    expect(listFiles(join(dir, 'course'))).toEqual(['index.html', 'assets/index-1.css', 'assets/index-1.js', 'favicon.svg']);
  });

  it('marks the launch page with its version inside <head>', () => {
    const marked = markLaunchPage(html, '1.2');
    expect(marked.indexOf('sz-scorm-version')).toBeLessThan(marked.indexOf('</head>'));
    expect(() => markLaunchPage('<p>no head</p>', '1.2')).toThrow(/<\/head>/);
  });

  it('finds nothing wrong with an ordinary build', () => {
    expect(serviceWorkerProblem(['index.html', 'assets/a.js'], (f) => (f === 'index.html' ? html : 'const serviceWorkerFree = true;'))).toBeNull();
  });
});
