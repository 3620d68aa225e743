import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { coursePlugin, typographyPlugin } from './src/build/content-plugin.ts';
import { scormPackagePlugin } from './src/build/lms/package-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Content-Security-Policy goes into the built index.html only: the dev server injects inline
 * styles for hot reload, which a strict policy would block.
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * intl-messageformat (under svelte-i18n) parses messages with @formatjs/icu-messageformat-parser,
 * about 11 KB gzip of the first screen's script; the app's messages need only the small parser in
 * src/lib/i18n/icu-lite.ts (it gives the same AST for every message, icu-lite.test.ts). Likewise
 * svelte-i18n's deepmerge, for src/lib/i18n/merge-lite.ts (merge-lite.test.ts). And intl-messageformat
 * itself (its formatters, error classes, memoizer and tslib, about 3 KB gzip more) gives way to
 * src/lib/i18n/format-lite.ts, which formats every message of the course the same
 * (format-lite.test.ts); with it the parser swap above only matters if the package comes back.
 * svelte-i18n also makes its stores for dates, times, numbers, JSON and the locale list when it
 * loads; they are marked as the pure store calls they are, so the ones the app never reads leave
 * the build with their Intl formatters (0.4 KB gzip). The build fails if that code changes.
 */
function smallI18nHelpers(): Plugin {
  const lite = `${root}src/lib/i18n/icu-lite.ts`;
  const merge = `${root}src/lib/i18n/merge-lite.ts`;
  const format = `${root}src/lib/i18n/format-lite.ts`;
  return {
    name: 'small-i18n-helpers',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === '@formatjs/icu-messageformat-parser' && importer && /[\\/]intl-messageformat[\\/]/.test(importer)) return lite;
      if (id === 'intl-messageformat' && importer && /[\\/]svelte-i18n[\\/]/.test(importer)) return format;
      if (id === 'deepmerge' && importer && /[\\/]svelte-i18n[\\/]/.test(importer)) return merge;
      return null;
    },
    transform(code, id) {
      if (!/[\\/]svelte-i18n[\\/]dist[\\/]runtime\.js$/.test(id)) return null;
      const stores = code.match(/= derived\(/g)?.length ?? 0;
      if (stores !== 6) throw new Error(`svelte-i18n changed (${stores} derived stores, 6 expected): re-check smallI18nHelpers in vite.config.ts`);
      return { code: code.replaceAll('= derived(', '= /* @__PURE__ */ derived('), map: null };
    },
  };
}

/**
 * valibot gives way to src/lib/values/valibot-lite.ts, the part of it the app uses with the same
 * results (valibot-lite.test.ts runs both side by side): a signed-in learner's records are checked
 * before the first lesson shows, and valibot's share of that was about 3.6 KB gzip. The app's code
 * keeps valibot's API and types; the unit tests run on the lite one, as the build does. The
 * content checks at build time (src/build, run by Node) use valibot itself.
 */
function smallValibot(): Plugin {
  const lite = `${root}src/lib/values/valibot-lite.ts`;
  return {
    name: 'small-valibot',
    enforce: 'pre',
    resolveId: (id, importer) => (id === 'valibot' && importer && !importer.endsWith('valibot-lite.test.ts') ? lite : null),
  };
}

/**
 * Parts of Svelte's runtime used by forms only, never by the shell or a lesson: the form bindings
 * (`bind:value`, `bind:group`, `<select>` values; about 1.6 KB gzip) and `style:` directives.
 * Svelte's runtime reaches the entry through one barrel, so by default they land in the entry's
 * chunk, which every screen fetches. Declared free of side effects (they are: functions and one
 * empty Set) and given chunks of their own (LAZY_SVELTE, in CHUNK_GROUPS), they come with the first
 * screen that uses them instead. The shell must not use them: a `<svelte:element>` with attributes
 * or a spread onto an element compiles to Svelte's `attribute_effect`, which needs the `<select>`
 * helpers, so components write plain elements. The build fails if the entry imports them again.
 */
const svelteModule = (path: string) => new RegExp(`[\\\\/]svelte[\\\\/]src[\\\\/]internal[\\\\/]client[\\\\/]dom[\\\\/]elements[\\\\/]${path}\\.js$`);
const LAZY_SVELTE = { 'svelte-forms': svelteModule('bindings[\\\\/](input|select)'), 'svelte-style': svelteModule('style') };
function lazySvelteParts(): Plugin {
  const lazy = Object.values(LAZY_SVELTE);
  return {
    name: 'lazy-svelte-parts',
    apply: 'build',
    transform: (code, id) => (lazy.some((re) => re.test(id)) ? { code, map: null, moduleSideEffects: false } : null),
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      const parts = entry?.type === 'chunk' ? entry.imports.filter((f) => Object.keys(LAZY_SVELTE).some((name) => f.includes(`/${name}-`))) : [];
      if (parts.length) this.error(`The entry chunk imports parts of Svelte's runtime meant for forms (${parts.join(', ')}): see lazySvelteParts in vite.config.ts`);
    },
  };
}

/**
 * Vite's helper for lazy chunks, in a few lines: with no module preload lists (build.modulePreload
 * below), what it still does is attach a lazy chunk's stylesheet before the chunk runs, so a screen
 * never shows unstyled. Vite's own helper (about 0.7 KB gzip in the entry) also preloads scripts,
 * reads CSP nonces and fires `vite:preloadError`, none of which the app uses. The same promise
 * per stylesheet; one that fails to load is forgotten, so the screen's «Попробовать снова» loads
 * it again (e2e: «code that fails to load»).
 */
function smallPreloadHelper(): Plugin {
  const helper = `const seen = {};
export const __vitePreload = (load, deps, importer) => Promise.all((deps || []).map((dep) => {
  const href = new URL(dep, importer).href;
  if (!href.endsWith('.css')) return;
  if (seen[href]) return seen[href];
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === href)) return;
  return (seen[href] = new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = resolve;
    link.onerror = () => {
      delete seen[href];
      link.remove();
      reject(new Error('Unable to load ' + href));
    };
    document.head.append(link);
  }));
})).then(() => load());`;
  return {
    name: 'small-preload-helper',
    enforce: 'pre',
    apply: 'build',
    load: (id) => (id === '\0vite/preload-helper.js' ? helper : null),
  };
}

/**
 * localforage from its own ES source (shipped in the package) with only the driver the course uses:
 * storage.ts forces IndexedDB, so the WebSQL and localStorage drivers, their serializer and the
 * Promise polyfill are left out — about 3 KB gzip less before the first screen, the same IndexedDB
 * code. The drivers left out stay defined (so `localforage.WEBSQL` and friends still name them) but
 * report no support, as they would in a browser without them.
 */
function indexedDbOnlyLocalforage(): Plugin {
  const STUB = '\0localforage-stub:';
  const src = /[\\/]node_modules[\\/]localforage[\\/]src[\\/]/;
  const unsupportedDriver = (name: string) => `const no = () => Promise.reject(new Error('${name} is not in this build'));
export default { _driver: '${name}', _support: false, _initStorage: no, clear: no, getItem: no, iterate: no, key: no, keys: no, length: no, removeItem: no, setItem: no, dropInstance: no };`;
  const stubs: Record<string, string> = {
    websql: unsupportedDriver('webSQLStorage'),
    localstorage: unsupportedDriver('localStorageWrapper'),
    serializer: 'export default {};',
    promise: 'export default Promise;',
  };
  return {
    name: 'indexeddb-only-localforage',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'localforage') return this.resolve('localforage/src/localforage.js', importer, { skipSelf: true });
      if (!importer || !src.test(importer)) return null;
      const name = /(?:drivers|utils)\/(websql|localstorage|serializer|promise)$/.exec(id)?.[1];
      return name ? `${STUB}${name}` : null;
    },
    load(id) {
      return id.startsWith(STUB) ? stubs[id.slice(STUB.length)] : null;
    },
  };
}

/**
 * svelte-spa-router 5.1.1 loses a screen when the address changes to the same route while that
 * route's code is loading (e.g. «Главная» pressed, or `#/` opened, while home loads): the first load
 * is cancelled, and the second sees the route's loader already «current» and keeps the loading
 * screen for good. The fix, one condition in Router.svelte: a route still showing its loading
 * screen is loaded again (its import is cached, so this is immediate). The build fails if the
 * router's code changes, so an upgrade cannot drop the fix silently.
 */
function routerLoadingFix(): Plugin {
  const before = 'if (componentObj != obj) {';
  const after = 'if (componentObj != obj || (obj.loading && component === obj.loading)) {';
  return {
    name: 'router-loading-fix',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]svelte-spa-router[\\/]dist[\\/]Router\.svelte$/.test(id)) return null;
      if (!code.includes(before)) throw new Error('svelte-spa-router changed: re-check routerLoadingFix in vite.config.ts');
      return { code: code.replace(before, after), map: null };
    },
  };
}

/**
 * The installable offline app: a service worker that precaches the whole build (shell, every lesson
 * and activity chunk, icons) and a Russian web manifest. Everything is relative to the folder the
 * app is served from, so it installs from any sub-folder.
 *
 * `VITE_NO_SW=1 vite build` builds with no service worker and no manifest (nothing registers,
 * `virtual:pwa-register` becomes a no-op): for SCORM packages, whose LMS serves and tracks them.
 *
 * Updates never reload under the learner: registerType 'prompt' keeps a new version waiting until
 * the learner presses «Обновить» (src/lib/components/layout/UpdatePrompt.svelte). The app registers
 * the worker from its own module (injectRegister: false), so the CSP needs no inline script.
 */
function installableApp() {
  return VitePWA({
    disable: process.env.VITE_NO_SW === '1',
    registerType: 'prompt',
    injectRegister: false,
    scope: './',
    // The icons are precached by globPatterns already; listing them again would duplicate entries.
    includeManifestIcons: false,
    manifest: {
      name: 'Сильное звено — курс о внутренних клиентах',
      short_name: 'Сильное звено',
      description: 'Интерактивный курс для сотрудников сервиса: внешние и внутренние клиенты, цепочка обслуживания, самое слабое звено.',
      lang: 'ru',
      dir: 'ltr',
      id: './',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      theme_color: '#8a2b0e',
      background_color: '#f7f5f0',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // The web manifest is added by the plugin itself; listing it here would precache it twice.
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      // Hash routing: every address of the course is index.html. The precache answers the folder
      // (directoryIndex) and index.html with any query string, so no navigation fallback is needed —
      // a fallback would also capture navigations to other apps in sibling folders of the same host.
      navigateFallback: null,
      ignoreURLParametersMatching: [/.*/],
      // First install only: take over the page that installed the worker, so it is offline-ready
      // at once. A later version still waits for the learner (no skipWaiting).
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}

/**
 * How the app's code is cut into files. Left alone, rolldown makes a file of every module shared by
 * two lazy screens, and a lesson deep link fetched 36 small files; each costs its own request and
 * compresses alone. Fewer, whole pieces, each fetched when its first user is:
 * - `svelte-forms`, `svelte-style`: parts of Svelte's runtime for forms, with the first form
 *   (lazySvelteParts);
 * - `index`: everything the entry imports statically (the shell, the Svelte runtime, the stores),
 *   which the first screen fetches anyway;
 * - `records`: the record schemas and valibot, when a signed-in learner's records are first read
 *   (the roster reads only the device's records, checked without them: device-records.ts);
 * - `screens`: the router, the route table, the course index, what every learner screen shows
 *   around its content (breadcrumbs, the step pager, the next step) and their Russian messages,
 *   when a screen is first shown;
 * - `lesson`: the lesson screen and the components lesson texts use;
 * - `update-prompt`: the service worker's registration and the update offer, once the first
 *   screen is idle.
 */
const CHUNK_GROUPS = [
  ...Object.entries(LAZY_SVELTE).map(([name, test]) => ({ name, priority: 5, includeDependenciesRecursively: false, test })),
  { name: 'index', tags: ['$initial' as const], priority: 4 },
  {
    name: 'records',
    priority: 3,
    test: /src[\\/]lib[\\/](values[\\/](valibot-lite|bounds|schemas)|exchange[\\/](schema|types)|progress[\\/](record-schemas|drafts|pin-throttle)|reflection[\\/]reflection|quiz[\\/]draft)\.ts$/,
  },
  {
    name: 'screens',
    priority: 2,
    test: /src[\\/](Screens\.svelte|routes\.ts|lib[\\/](course[\\/]course\.ts|components[\\/](lesson[\\/](Breadcrumbs|StepPager)|journey[\\/](NextStepLink|journey-view))|i18n[\\/]locales[\\/]ru[\\/](home|lesson)\.json))|node_modules[\\/]svelte-spa-router[\\/]/,
  },
  { name: 'lesson', priority: 1, test: /src[\\/]lib[\\/](screens[\\/]LessonScreen|components[\\/]lesson[\\/](RoleScenarios?|AuthorNote|KeyIdea|LessonCheck))\.svelte$/ },
  { name: 'update-prompt', priority: 1, test: /virtual:pwa-register|src[\\/]lib[\\/](components[\\/]layout[\\/]UpdatePrompt\.svelte|pwa[\\/]register\.ts)$/ },
];

export default defineConfig({
  // Relative base: the build works from any sub-folder of any static host and inside an LMS package.
  base: './',
  publicDir: 'static',
  resolve: {
    alias: [
      { find: '$lib', replacement: `${root}src/lib` },
      { find: '$content', replacement: `${root}content` },
    ],
  },
  plugins: [smallI18nHelpers(), smallValibot(), lazySvelteParts(), smallPreloadHelper(), indexedDbOnlyLocalforage(), routerLoadingFix(), coursePlugin(root), typographyPlugin(root), svelte(), contentSecurityPolicy(), installableApp(), scormPackagePlugin(root)],
  build: {
    target: 'es2022',
    // No list of every lazy chunk's dependencies in the shell and screens' code (about 1 KB gzip
    // of file names on a lesson deep link): a lazy chunk's few imports are fetched when it arrives,
    // from the service worker's cache after the first visit. CSS is still loaded with its chunk.
    // The bench showed no change in a lesson deep link's largest paint against home's.
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.ts', 'content/**/*.test.ts'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // A real browser on a busy machine: polls wait up to 10 s (per call); tests set their own limits.
          expect: { requireAssertions: true, poll: { timeout: 10_000, interval: 50 } },
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'bench', environment: 'node', include: ['tests/bench/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
