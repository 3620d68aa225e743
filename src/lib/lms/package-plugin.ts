/**
 * Vite plugin, build in mode `scorm` only (`npm run build:scorm`): after the bundle is written, the
 * built folder becomes two LMS packages beside it — SCORM 1.2 and SCORM 2004 4th Edition — each a
 * zip with the files at its root, its own imsmanifest.xml, and index.html marked with its version.
 * A service worker in the build fails it: an LMS serves the course, caching it would serve stale
 * packages and outlive the LMS session.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Logger, Plugin } from 'vite';
import { scormManifest, type ScormVersion } from './manifest.ts';
import { VERSION_META } from './package-meta.ts';
import { createZip, type ZipEntry } from './zip.ts';

/** The build mode that makes packages. */
export const SCORM_MODE = 'scorm';
/** Where the course is built in mode `scorm` unless `--outDir` says otherwise; zips go to its parent. */
export const DEFAULT_OUT_DIR = 'dist-scorm/course';

const LAUNCH = 'index.html';

/** Every file under `dir`, as sorted relative paths with `/`. */
export function listFiles(dir: string): string[] {
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((name) => {
      const path = join(at, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split('\\').join('/')];
    });
  return walk(dir).sort((a, b) => (a === LAUNCH ? -1 : b === LAUNCH ? 1 : a.localeCompare(b)));
}

/**
 * Why a built folder must not go into an LMS package, or null when it may: a service worker, its
 * registration, or a web app manifest link (the PWA build's, left on by mistake).
 */
export function serviceWorkerProblem(files: string[], read: (file: string) => string): string | null {
  const worker = files.find((f) => /(^|\/)(sw|service-worker|registerSW)\.js$|(^|\/)workbox-[^/]*\.js$|\.webmanifest$/.test(f));
  if (worker) return `${worker} is a service worker file`;
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    if (/serviceWorker\s*\.\s*register\s*\(/.test(read(file))) return `${file} registers a service worker`;
  }
  if (/<link[^>]+rel=["']?manifest/i.test(read(LAUNCH))) return `${LAUNCH} links a web app manifest`;
  return null;
}

/** index.html saying which package it is in, so the course asks for that version's API first. */
export function markLaunchPage(html: string, version: ScormVersion): string {
  if (!html.includes('</head>')) throw new Error(`${LAUNCH} has no </head>`);
  return html.replace('</head>', `  <meta name="${VERSION_META}" content="${version}" />\n  </head>`);
}

export interface PackageOptions {
  /** The built course. */
  outDir: string;
  /** Where the zips go. */
  zipDir: string;
  /** File names start with it, and it is the manifest identifier. */
  name: string;
  title: string;
  /** Time written into the zips. */
  modified?: Date;
}

/** The zip file names for a package name. */
export const zipName = (name: string, version: ScormVersion) => `${name}-scorm${version === '1.2' ? '12' : '2004'}.zip`;

/** Writes the SCORM 1.2 and 2004 zips of a built folder; returns their paths. */
export function writePackages({ outDir, zipDir, name, title, modified = new Date() }: PackageOptions): Record<ScormVersion, string> {
  const files = listFiles(outDir).filter((f) => f !== 'imsmanifest.xml');
  if (!files.includes(LAUNCH)) throw new Error(`SCORM: ${outDir} has no ${LAUNCH}`);
  const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
  const problem = serviceWorkerProblem(files, read);
  if (problem) {
    throw new Error(`SCORM: the package must not contain a service worker, but ${problem}. Build in mode '${SCORM_MODE}' with the PWA plugin switched off.`);
  }
  mkdirSync(zipDir, { recursive: true });
  const paths = {} as Record<ScormVersion, string>;
  for (const version of ['1.2', '2004'] as const) {
    const entries: ZipEntry[] = files.map((file) => ({
      name: file,
      data: file === LAUNCH ? new TextEncoder().encode(markLaunchPage(read(file), version)) : new Uint8Array(readFileSync(join(outDir, file))),
    }));
    entries.unshift({ name: 'imsmanifest.xml', data: new TextEncoder().encode(scormManifest(version, { identifier: name, title, launch: LAUNCH, files })) });
    paths[version] = join(zipDir, zipName(name, version));
    writeFileSync(paths[version], createZip(entries, modified));
  }
  return paths;
}

/** The packaging plugin; `root` is the project folder (package.json, content/course.json). */
export function scormPackagePlugin(root: string): Plugin {
  let outDir = '';
  let logger: Logger | undefined;
  return {
    name: 'scorm-package',
    apply: (_config, env) => env.command === 'build' && env.mode === SCORM_MODE,
    config: (config) => (config.build?.outDir ? undefined : { build: { outDir: DEFAULT_OUT_DIR, emptyOutDir: true } }),
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    closeBundle: {
      order: 'post',
      handler() {
        const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
        const course = JSON.parse(readFileSync(join(root, 'content', 'course.json'), 'utf8')) as { title: string };
        const epoch = Number(process.env.SOURCE_DATE_EPOCH);
        const paths = writePackages({ outDir, zipDir: dirname(outDir), name: pkg.name, title: course.title, modified: Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date() });
        logger?.info(`SCORM packages:\n  ${paths['1.2']}\n  ${paths['2004']}`);
      },
    },
  };
}
