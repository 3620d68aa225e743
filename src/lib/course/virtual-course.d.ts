declare module 'virtual:course' {
  import type { Component } from 'svelte';
  import type { CourseIndex } from '$lib/course/types.ts';
  type Loader = () => Promise<{ default: Component }>;
  export const courseIndex: CourseIndex;
  export const lessonLoaders: Record<string, Loader>;
  export const moduleIntroLoaders: Record<string, Loader>;
  /** Keyed `exercise:<id>`, `quiz:<moduleId>`, `final:final`; each resolves to the parsed JSON. */
  export const activityLoaders: Record<string, () => Promise<{ default: unknown }>>;
}

declare module 'virtual:course-title' {
  /** The course's title (the same as `courseIndex.course.title`), without the rest of the index. */
  export const courseTitle: string;
}
