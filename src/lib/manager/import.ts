/**
 * What the manager hands in — pasted links (one per line) and report files — sorted into reports
 * and refusals. Every piece goes through `decode`; nothing here trusts its input. Pure.
 */
import { FILE_LIMIT, decode, type DecodeError } from './codec.ts';
import type { Report } from '../exchange/types.ts';

/** Where a piece came from, for the message: a pasted line (1-based) or a file name. */
export type Source = { kind: 'line'; line: number } | { kind: 'file'; name: string };

/** One piece that was refused, and why. */
export interface Refusal {
  source: Source;
  error: DecodeError;
}

/** What an import found. */
export interface ImportResult {
  reports: Report[];
  refused: Refusal[];
}

/** Biggest file worth reading: a report file is at most `FILE_LIMIT` of payload plus a readable summary. */
export const FILE_BYTES_MAX = 4 * FILE_LIMIT;

/** Pasted text as its non-empty lines, with their line numbers. */
export function pastedLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
}

/** A payload-looking word: `SZ`, a kind letter, digits, a dot, then the rest up to whitespace. */
const PAYLOAD_WORD = /(?:^|[\s#/])(SZ[a-z]\d+\.[^\s]*)/g;

/**
 * The report inside a file. A report file is a readable summary with the link on its own line; a
 * file holding just the link (or a bare payload) works too. The last payload-looking word is the
 * one that counts; with none, the whole text is judged, so a foreign file is called foreign.
 */
export function decodeReportFile(text: string) {
  if (text.length > FILE_BYTES_MAX) return decode(text, 'report'); // refused as too large, unread
  const words = [...text.matchAll(PAYLOAD_WORD)].map((m) => m[1] ?? '');
  const last = words.at(-1);
  return decode(last ?? text, 'report');
}

/** Sorts pasted lines and files into reports and refusals, in the order given. */
export function importPieces(pieces: readonly { source: Source; text: string }[]): ImportResult {
  const result: ImportResult = { reports: [], refused: [] };
  for (const { source, text } of pieces) {
    const decoded = source.kind === 'file' ? decodeReportFile(text) : decode(text, 'report');
    if (decoded.ok) result.reports.push(decoded.value);
    else result.refused.push({ source, error: decoded.error });
  }
  return result;
}

/** Imports pasted text: every non-empty line is one link; an empty paste is itself refused. */
export function importPasted(text: string): ImportResult {
  const lines = pastedLines(text);
  if (lines.length === 0) return { reports: [], refused: [{ source: { kind: 'line', line: 1 }, error: 'empty' }] };
  return importPieces(lines.map((l) => ({ source: { kind: 'line', line: l.line }, text: l.text })));
}

/** The i18n key of a refusal's message; a wrong kind is told apart by what was expected. */
export function verdictKey(error: DecodeError, expected: 'assignment' | 'report'): string {
  if (error === 'wrong-kind') return expected === 'assignment' ? 'manager.verdict.notAnAssignment' : 'manager.verdict.notAReport';
  return `manager.verdict.${error}`;
}

/** Every verdict key (for the test that each has a message in every language). */
export const VERDICT_KEYS = [
  'empty',
  'too-large',
  'truncated',
  'checksum',
  'foreign',
  'newer-version',
  'malformed',
  'invalid',
  'notAnAssignment',
  'notAReport',
].map((k) => `manager.verdict.${k}`);
