declare module 'virtual:course' {
  import type { Component } from 'svelte';
  import type { CourseIndex } from './types.ts';
  type Loader = () => Promise<{ default: Component }>;
  export const courseIndex: CourseIndex;
  export const lessonLoaders: Record<string, Loader>;
  export const moduleIntroLoaders: Record<string, Loader>;
}
