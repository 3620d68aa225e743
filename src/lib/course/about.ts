/**
 * The course's subtitle and objectives: home shows them, no other screen does, so they come with
 * home's code rather than in the index every screen carries.
 */
export { courseAbout } from 'virtual:course-about';
