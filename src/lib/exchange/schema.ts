/**
 * The one schema every assignment passes (and the fields reports share: report-schema.ts), whether
 * it came from a link, a QR code or a file, and whether we made it or received it. Names and notes are data: `<script>` in a name is
 * kept verbatim and must be rendered as text; only characters that can hide or reorder text
 * (control characters, bidi overrides, lone surrogates) are refused.
 */
import * as v from 'valibot';
import { DueDaySchema, isDueDay, MomentSchema } from '../values/bounds.ts';
import { hasHiddenCharacter, NAME_MAX } from '../values/name.ts';
import { PersonNameSchema } from '../values/schemas.ts';
import { FORMAT_VERSION } from './types.ts';

/** Longest learner or manager name, in visible characters (the one name rule: values/name.ts). */
export { NAME_MAX };
/** Longest assignment note. */
export const NOTE_MAX = 500;
/** Most modules in an assignment or a report. */
export const MODULES_MAX = 20;
/** Most attempts a report may claim; anything above is not a real learner. */
export const ATTEMPTS_MAX = 10_000;
/** Most staff an assignment may name as expected. */
export const EXPECTED_MAX = 60;

/*
 * Notes may span lines: `\n` and `\t` are allowed, `\r` is not (browsers send `\n`); otherwise the
 * name rule's forbidden characters are refused (values/name.ts).
 */

const CONTROL_MESSAGE = 'must not contain control, bidi-override or invisible format characters';

export { PersonNameSchema };

const note = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(NOTE_MAX, `must be at most ${NOTE_MAX} characters`),
  v.check((s) => !hasHiddenCharacter(s, { lines: true }), CONTROL_MESSAGE),
);

/** A module id, as the content names modules. */
export const ModuleIdSchema = v.pipe(
  v.string(),
  v.maxLength(64, 'must be at most 64 characters'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'),
);

/** Alphabet of assignment ids: digits and lowercase letters without i, l, o, u (easy to read aloud). */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 10;

/** An assignment id (newAssignmentId makes them). */
export const AssignmentIdSchema = v.pipe(v.string(), v.regex(/^[0-9a-z]{6,16}$/, 'must be 6..16 lowercase latin letters or digits'));

/** A moment between 2020 and a day after now (values/bounds.ts). */
export const timestamp = MomentSchema;

/** True for a real calendar day `YYYY-MM-DD` (rejects 2025-02-30) from 2020 to a few years ahead. */
export const isIsoDay = (s: string): boolean => isDueDay(s);

export const isoDay = DueDaySchema;

/** True when no id is there twice. */
export const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** An assignment, as created by a manager or received in a link. */
export const AssignmentSchema = v.strictObject({
  v: v.literal(FORMAT_VERSION),
  id: AssignmentIdSchema,
  createdAt: timestamp,
  due: isoDay,
  modules: v.pipe(
    v.array(ModuleIdSchema),
    v.minLength(1, 'needs at least one module'),
    v.maxLength(MODULES_MAX, `may have at most ${MODULES_MAX} modules`),
    v.check((ids: string[]) => unique(ids), 'must not repeat a module'),
  ),
  note,
  manager: PersonNameSchema,
  expected: v.optional(v.pipe(v.array(PersonNameSchema), v.maxLength(EXPECTED_MAX, `may name at most ${EXPECTED_MAX} people`))),
});


/** A schema failure flattened to one line: the first bad field and what is wrong with it. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  const problem = issue.expected === 'never' ? 'unknown field' : issue.message;
  return path ? `${path}: ${problem}` : problem;
}

/**
 * A fresh assignment id: 10 characters from a 32-letter alphabet (50 random bits), short enough to
 * read over the phone and far too many to collide within one team.
 * @param random fills a byte array with random values; `crypto.getRandomValues` by default.
 */
export function newAssignmentId(random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(ID_LENGTH);
  random(bytes);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}
