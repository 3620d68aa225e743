/**
 * Byte sizes of a build, read from Vite's build manifest: what the first screen's script is (the
 * entry and its static imports), and what the whole app weighs — its code, and the course's text
 * (lessons, questions, translations), which grows with the course and is reported apart. gzip -9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface SizeReport {
  firstScreenJs: number;
  firstScreenFiles: string[];
  firstScreenCss: number;
  appCodeJs: number;
  contentJs: number;
  appCss: number;
  largestChunks: { file: string; gzip: number; content: boolean }[];
}

/** gzip -9 size of a built file. */
export const gzipSize = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** True for chunks that are course text rather than code. */
const isContent = (key: string) => /^content\/|\/locales\//.test(key);

/** Measures a folder built with `vite build --manifest`. */
export function measure(dist: string): SizeReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('The build manifest has no entry');
  const seen = new Set<string>();
  const queue = [entry[0]];
  while (queue.length) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...(manifest[key]?.imports ?? []));
  }
  const firstFiles = [...seen].map((k) => manifest[k]!.file);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const firstCss = [...html.matchAll(/<link[^>]+href="\.?\/?([^"]+\.css)"/g)].map((m) => m[1]!);

  const chunks = new Map<string, { gzip: number; content: boolean }>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js') || chunks.has(chunk.file)) continue;
    chunks.set(chunk.file, { gzip: gzipSize(dist, chunk.file), content: isContent(key) });
  }
  const cssFiles = new Set(Object.values(manifest).flatMap((c) => (c as { css?: string[] }).css ?? []));
  const all = [...chunks.entries()];
  return {
    firstScreenJs: firstFiles.reduce((n, f) => n + gzipSize(dist, f), 0),
    firstScreenFiles: firstFiles,
    firstScreenCss: firstCss.reduce((n, f) => n + gzipSize(dist, f), 0),
    appCodeJs: all.filter(([, c]) => !c.content).reduce((n, [, c]) => n + c.gzip, 0),
    contentJs: all.filter(([, c]) => c.content).reduce((n, [, c]) => n + c.gzip, 0),
    appCss: [...cssFiles].reduce((n, f) => n + gzipSize(dist, f), 0),
    largestChunks: all
      .map(([file, c]) => ({ file, ...c }))
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 10),
  };
}
