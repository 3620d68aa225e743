/**
 * Byte sizes of a build, read from its index.html and its files: what the first screen loads
 * (the entry script, its static imports and CSS) and what the whole app weighs. Deterministic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeReport {
  firstScreenJs: number;
  firstScreenCss: number;
  appJs: number;
  appCss: number;
  /** The files counted as the first screen's script. */
  firstScreenFiles: string[];
  largestChunks: { file: string; gzip: number }[];
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Static imports of a built chunk (`import … from "./x.js"`), not dynamic `import()`. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1]!);
  return found.map((rel) => join(file, '..', rel));
}

/** Measures a built folder (default dist/). */
export function measure(dist: string): SizeReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => join(dist, m[1]!));
  const css = [...html.matchAll(/<link[^>]+href="\.?\/?([^"]+\.css)"/g)].map((m) => join(dist, m[1]!));
  const seen = new Set<string>();
  const queue = [...entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  const files = walk(dist).filter((f) => !/sw\.js$|workbox-.*\.js$/.test(f));
  const js = files.filter((f) => extname(f) === '.js');
  const allCss = files.filter((f) => extname(f) === '.css');
  return {
    firstScreenJs: [...seen].reduce((n, f) => n + gz(f), 0),
    firstScreenFiles: [...seen].map((f) => relative(dist, f)),
    firstScreenCss: css.reduce((n, f) => n + gz(f), 0),
    appJs: js.reduce((n, f) => n + gz(f), 0),
    appCss: allCss.reduce((n, f) => n + gz(f), 0),
    largestChunks: js
      .map((f) => ({ file: relative(dist, f), gzip: gz(f) }))
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 8),
  };
}
