/**
 * The course's subtitle and objectives, and each module's summary and objectives: home and the
 * module screens show them, no other screen does, so they come with those screens' code rather
 * than in the index every screen carries.
 */
export { courseAbout } from 'virtual:course-about';
