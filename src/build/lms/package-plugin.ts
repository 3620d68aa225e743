/**
 * Vite plugin, build in mode `scorm` only (`npm run build:scorm`): after the bundle is written, the
 * built folder becomes two LMS packages beside it — SCORM 1.2 and SCORM 2004 4th Edition — each a
 * zip (written by fflate) with the files at its root, its own imsmanifest.xml (an identifier per
 * version, the version of package.json), the control documents the manifest names, and index.html
 * marked with its version. A service worker in the build fails it: an LMS serves the course,
 * caching it would serve stale packages and outlive the LMS session. Build time only (Node).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import type { Logger, Plugin } from 'vite';
import { VERSION_META } from '../../lib/lms/package-meta.ts';
import { scormManifest, type ScormVersion } from './manifest.ts';

/** The build mode that makes packages. */
export const SCORM_MODE = 'scorm';
/** Where the course is built in mode `scorm` unless `--outDir` says otherwise; zips go to its parent. */
export const DEFAULT_OUT_DIR = 'dist-scorm/course';

const LAUNCH = 'index.html';

/** The ADL/IMS control documents (XSD, DTD) per version, vendored in schemas/ (see its README). */
export const SCHEMA_DIR: Record<ScormVersion, string> = {
  '1.2': fileURLToPath(new URL('./schemas/scorm12/', import.meta.url)),
  '2004': fileURLToPath(new URL('./schemas/scorm2004/', import.meta.url)),
};

/** The manifest identifier of a package: one per SCORM version, so an LMS never takes one for the other. */
export const packageIdentifier = (name: string, version: ScormVersion) => `${name}-scorm${version === '1.2' ? '12' : '2004'}`;

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
  /** File names and manifest identifiers start with it. */
  name: string;
  title: string;
  /** The course's version (package.json), written into each manifest. */
  version: string;
  /** Time written into the zips. */
  modified?: Date;
}

/** The zip file names for a package name. */
export const zipName = (name: string, version: ScormVersion) => `${packageIdentifier(name, version)}.zip`;

/** Writes the SCORM 1.2 and 2004 zips of a built folder; returns their paths. */
export function writePackages({ outDir, zipDir, name, title, version: courseVersion, modified = new Date() }: PackageOptions): Record<ScormVersion, string> {
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
    const schemas = readdirSync(SCHEMA_DIR[version]).filter((f) => /\.(xsd|dtd)$/.test(f)).sort();
    const clash = schemas.find((f) => files.includes(f));
    if (clash) throw new Error(`SCORM: the build has a file ${clash}, which is a control document of the package`);
    // In this order in the zip: the manifest, the launch page, the course, the control documents.
    const entries: Zippable = {};
    const add = (file: string, data: Uint8Array) => (entries[file] = [data, { mtime: modified }]);
    add('imsmanifest.xml', new TextEncoder().encode(scormManifest(version, { identifier: packageIdentifier(name, version), version: courseVersion, title, launch: LAUNCH, files })));
    for (const file of files) add(file, file === LAUNCH ? new TextEncoder().encode(markLaunchPage(read(file), version)) : new Uint8Array(readFileSync(join(outDir, file))));
    for (const file of schemas) add(file, new Uint8Array(readFileSync(join(SCHEMA_DIR[version], file))));
    paths[version] = join(zipDir, zipName(name, version));
    writeFileSync(paths[version], zipSync(entries, { level: 9 }));
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
        const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
        const course = JSON.parse(readFileSync(join(root, 'content', 'course.json'), 'utf8')) as { title: string };
        const epoch = Number(process.env.SOURCE_DATE_EPOCH);
        const paths = writePackages({ outDir, zipDir: dirname(outDir), name: pkg.name, title: course.title, version: pkg.version, modified: Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date() });
        logger?.info(`SCORM packages:\n  ${paths['1.2']}\n  ${paths['2004']}`);
      },
    },
  };
}
