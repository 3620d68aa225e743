/**
 * What the course (run time) and the packaging plugin (build time) agree on: the SCORM versions,
 * and the `<meta name>` the plugin writes into each package's index.html with its version, so the
 * course asks the LMS for that version's API first.
 */

/** The SCORM versions the course is packaged for. */
export type ScormVersion = '1.2' | '2004';

export const VERSION_META = 'sz-scorm-version';
