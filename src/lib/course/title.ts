/**
 * The course's title without its index: what the first screen (header, page titles) needs, so the
 * index and its loaders arrive with the screens that use them.
 */
export { courseTitle } from 'virtual:course-title';
