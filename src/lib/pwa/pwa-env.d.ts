/// <reference types="vite-plugin-pwa/vanillajs" />

interface ImportMetaEnv {
  /** '1' builds the app with no service worker (SCORM packages); see vite.config.ts. */
  readonly VITE_NO_SW?: string;
}
