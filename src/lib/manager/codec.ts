/**
 * The envelope of assignment and report links: versioned, compact, checksummed.
 *
 *   SZ<kind><version>.<body>.<crc>      e.g.  SZa1.WyJrN…XSJd.1c291ca3
 *
 * - `SZ` marks the course («Сильное звено»); anything else is `foreign`.
 * - kind `a` = assignment, `r` = report; version is decimal (1 today). A higher version is reported
 *   as `newer-version` before anything else is read, since its layout may differ.
 * - body: base64url (no padding) of the UTF-8 JSON of the compact layout in `wire.ts`.
 * - crc: CRC-32 of `SZ<kind><version>.<body>` as 8 lowercase hex digits (see `crc32Hex` for what it
 *   does and does not protect against: it is a checksum, not a signature).
 *
 * The crc comes last, so a link cut short anywhere is recognised as `truncated` rather than tampered.
 * All characters are URL-safe, so the payload sits unescaped in a fragment: `#/assign/<payload>`
 * for assignments, `#/report/<payload>` for reports. A report file holds the same text.
 */
import * as v from 'valibot';
import { fromBase64url, toBase64url } from '$lib/encoding/base64url.ts';
import { crc32Hex } from '$lib/encoding/checksum.ts';
import { ReportSchema } from '../exchange/report-schema.ts';
import { AssignmentSchema, describeIssues } from '../exchange/schema.ts';
import { FORMAT_VERSION, type PayloadKind, type PayloadOf } from '../exchange/types.ts';
import { PAYLOAD_ROUTE } from '../routing/routing.ts';
import { pack, unpack } from './wire.ts';

/** Longest assignment payload: with the page address it still fits a QR code a phone can read. */
export const LINK_LIMIT = 2000;
/** Longest report payload (a file); a report up to `LINK_LIMIT` can also go as a link or QR code. */
export const FILE_LIMIT = 64 * 1024;
/** Longest input `decode` looks at: a payload plus room for the page address and whitespace. */
const INPUT_LIMIT = FILE_LIMIT + 4096;

const KIND_CHAR = { assignment: 'a', report: 'r' } as const satisfies Record<PayloadKind, string>;
const KIND_OF: Record<string, PayloadKind> = { a: 'assignment', r: 'report' };
const LIMIT: Record<PayloadKind, number> = { assignment: LINK_LIMIT, report: FILE_LIMIT };
const SCHEMA = { assignment: AssignmentSchema, report: ReportSchema } as const;
/** Hash routes of the app that carry a payload. */
export const ROUTE: Record<PayloadKind, string> = PAYLOAD_ROUTE;

/**
 * Why a text was refused: `empty` nothing given; `too-large` over the size limit; `truncated` cut
 * short; `checksum` changed after it was made; `foreign` not a link of this course;
 * `newer-version` made by a newer version of the app; `malformed` broken structure; `invalid` the
 * contents break the schema (detail names the field); `wrong-kind` a report where an assignment was
 * expected, or the reverse.
 */
export type DecodeError = 'empty' | 'too-large' | 'truncated' | 'checksum' | 'foreign' | 'newer-version' | 'malformed' | 'invalid' | 'wrong-kind';

/** A successfully read payload, discriminated by `kind`. */
export type Decoded<K extends PayloadKind = PayloadKind> = { [P in K]: { ok: true; kind: P; value: PayloadOf[P] } }[K];
/** A refused payload; `detail` is a short English explanation for logs and tests, not for learners. */
export interface DecodeFailure {
  ok: false;
  error: DecodeError;
  detail?: string;
}
/** What `decode` returns. */
export type DecodeResult<K extends PayloadKind = PayloadKind> = Decoded<K> | DecodeFailure;
/** What `encode` returns: the payload, or why the value cannot be sent. */
export type EncodeResult = { ok: true; text: string } | { ok: false; error: 'too-large' | 'invalid'; detail: string };

const fail = (error: DecodeError, detail?: string): DecodeFailure => (detail === undefined ? { ok: false, error } : { ok: false, error, detail });

/**
 * Validates a value and writes it as a payload. Refuses (never throws) a value the schema rejects,
 * or one over the size limit — for an assignment that is `LINK_LIMIT`, so a long note shows up as
 * `too-large` while the manager types it, not as a QR code nobody can scan.
 */
export function encode<K extends PayloadKind>(kind: K, value: PayloadOf[K]): EncodeResult {
  const parsed = v.safeParse(SCHEMA[kind], value);
  if (!parsed.success) return { ok: false, error: 'invalid', detail: describeIssues(parsed.issues) };
  const json = JSON.stringify(pack(kind, parsed.output));
  const head = `SZ${KIND_CHAR[kind]}${FORMAT_VERSION}.${toBase64url(new TextEncoder().encode(json))}`;
  const text = `${head}.${crc32Hex(head)}`;
  if (text.length > LIMIT[kind]) return { ok: false, error: 'too-large', detail: `${text.length} > ${LIMIT[kind]} characters` };
  return { ok: true, text };
}

/** True when an encoded payload is short enough for a link or a QR code (always so for assignments). */
export const fitsLink = (payload: string): boolean => payload.length <= LINK_LIMIT;

/**
 * The full link to open a payload in the app.
 * @param pageUrl the app's address (`location.href`); any fragment in it is replaced.
 */
export function linkTo(kind: PayloadKind, payload: string, pageUrl: string): string {
  const base = pageUrl.split('#')[0] ?? '';
  return `${base}#${ROUTE[kind]}${payload}`;
}

/**
 * Finds the payload in whatever the learner or manager pasted: a full URL, a fragment
 * (`#/assign/…`), a route (`/report/…`) or the bare payload; surrounding whitespace is ignored.
 * `routed` tells whether a payload route (`/assign/`, `/report/`) was present: then an empty rest is a
 * link cut short, not an empty paste.
 */
function extract(text: string): { payload: string; routed: boolean } {
  let s = text.trim();
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(hash + 1);
  const route = /^\/?(?:assign|report)\//.exec(s);
  return route ? { payload: s.slice(route[0].length), routed: true } : { payload: s, routed: false };
}

/**
 * Reads an assignment or report from any text. Never throws; every refusal carries a verdict.
 * @param expect when given, a payload of the other kind is refused as `wrong-kind` (after it was
 *   fully checked, so a corrupted link is never mistaken for the other kind).
 */
export function decode(text: unknown): DecodeResult;
export function decode<K extends PayloadKind>(text: unknown, expect: K): DecodeResult<K>;
export function decode(text: unknown, expect?: PayloadKind): DecodeResult {
  if (typeof text !== 'string') return fail('empty');
  if (text.length > INPUT_LIMIT) return fail('too-large', `${text.length} characters`);
  if (text.trim() === '') return fail('empty');
  const { payload, routed } = extract(text);
  if (payload === '') return fail(routed ? 'truncated' : 'empty');

  if (!payload.startsWith('SZ')) return 'SZ'.startsWith(payload) ? fail('truncated') : fail('foreign');
  const head = /^SZ([a-z]?)(\d{0,6})(\.?)/.exec(payload);
  const [headText = '', kindChar = '', digits = '', dot = ''] = head ?? [];
  const atEnd = payload.length === headText.length;
  if (!kindChar) return atEnd ? fail('truncated') : fail('foreign');
  const kind = KIND_OF[kindChar];
  if (!kind) return fail('foreign', `unknown kind '${kindChar}'`);
  if (!digits) return atEnd ? fail('truncated') : fail('malformed', 'no version');
  const version = Number(digits);
  if (version > FORMAT_VERSION) return fail('newer-version', `version ${version}`);
  if (version < 1 || digits !== String(version)) return fail('malformed', `version ${digits}`);
  if (!dot) return atEnd ? fail('truncated') : fail('malformed', 'no body');

  const parts = payload.slice(headText.length).split('.');
  const [body = '', sum] = parts;
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return fail('malformed', 'body is not base64url');
  if (sum === undefined) return fail('truncated', 'no checksum');
  if (parts.length > 2 || !/^[0-9a-f]*$/.test(sum)) return fail('malformed', 'checksum is not 8 hex digits');
  if (sum.length < 8) return fail('truncated', 'checksum cut short');
  if (sum.length > 8) return fail('malformed', 'checksum is not 8 hex digits');
  if (payload.length > LIMIT[kind]) return fail('too-large', `${payload.length} > ${LIMIT[kind]} characters`);
  if (crc32Hex(`${headText}${body}`) !== sum) return fail('checksum');

  const bytes = fromBase64url(body);
  if (!bytes) return fail('malformed', 'body is not canonical base64url');
  let wire: unknown;
  try {
    wire = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('malformed', 'body is not UTF-8 JSON');
  }
  const fields = unpack(kind, wire);
  if (!fields) return fail('malformed', `not the ${kind} layout`);
  const parsed = v.safeParse(SCHEMA[kind], fields);
  if (!parsed.success) return fail('invalid', describeIssues(parsed.issues));
  if (expect && kind !== expect) return fail('wrong-kind', `a ${kind}, not a ${expect}`);
  return { ok: true, kind, value: parsed.output } as Decoded;
}
