/**
 * The `<meta name>` the packaging plugin writes into each package's index.html with its SCORM
 * version, so the course asks the LMS for that version's API first.
 */
export const VERSION_META = 'sz-scorm-version';
