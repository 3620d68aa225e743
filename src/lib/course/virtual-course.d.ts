declare module 'virtual:course' {
  import type { Component } from 'svelte';
  import type { CourseIndex } from '$lib/course/types.ts';
  type Loader = () => Promise<{ default: Component }>;
  export const courseIndex: CourseIndex;
  /** Each lesson's compiled text and its frontmatter (validated at build time, typographed). */
  export const lessonLoaders: Record<string, () => Promise<{ default: Component; metadata: { objectives: string[] } }>>;
  export const moduleIntroLoaders: Record<string, Loader>;
  /** Keyed `exercise:<id>`, `quiz:<moduleId>`, `final:final`; each resolves to the parsed JSON. */
  export const activityLoaders: Record<string, () => Promise<{ default: unknown }>>;
}

declare module 'virtual:course-title' {
  /** The course's title (the same as `courseIndex.course.title`), without the rest of the index. */
  export const courseTitle: string;
}

declare module 'virtual:course-about' {
  import type { CourseAbout } from '$lib/course/types.ts';
  /** The course's subtitle and objectives (content/course.json) and its modules' summaries and objectives, for home and the module screens. */
  export const courseAbout: CourseAbout;
}
