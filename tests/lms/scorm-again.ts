/**
 * scorm-again's run-times (the LMS side) for the tests. Its type files declare default exports the
 * modules do not have: the classes are named exports, taken here with the right types.
 */
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';

export const Scorm12API = (scorm12 as unknown as { Scorm12API: typeof scorm12.default }).Scorm12API;
export const Scorm2004API = (scorm2004 as unknown as { Scorm2004API: typeof scorm2004.default }).Scorm2004API;

/** Quiet settings: no commit URL (values stay in the object), errors not logged. */
export const QUIET = { logLevel: 5, autocommit: false } as const;
