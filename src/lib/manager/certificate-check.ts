/**
 * «Проверить сертификат»: does a certificate's check code match a learner's report on this tablet?
 * The code (see `progress/certificate.ts`) is recomputed from each report's profile id, name, day
 * and final score. A checksum, not a signature: a match says the certificate agrees with a report
 * here, not that nobody could forge one. Pure.
 */
import { certificateCode } from '../progress/certificate.ts';
import type { Report } from '../exchange/types.ts';

/** Crockford base32 as typed by a person: any case, with O read as 0 and I/L as 1. */
const LOOKALIKE: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * A typed or scanned code in the certificate's form `XXXX-XXXX`, or null when it cannot be one.
 * Spaces and dashes anywhere are ignored, so «abcd efgh» and «ABCD-EFGH» are the same code.
 */
export function normalizeCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s\-–—]/g, '').replace(/[OIL]/g, (c) => LOOKALIKE[c] ?? c);
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/** A report whose learner holds a certificate with the code. */
export interface CertificateMatch {
  name: string;
  learnerId: string;
  /** When the course was completed (the final test first passed), ms since the epoch. */
  completedAt: number;
  /** The final test's best score, percent; null for a course without a final test. */
  score: number | null;
  /** The report it matched (the newest, when several agree). */
  report: Report;
}

/** What a report says a certificate would hold, or null when it cannot have one yet. */
function factsOf(report: Report, hasFinal: boolean): Omit<CertificateMatch, 'report'> | null {
  if (report.learnerId === undefined) return null; // older reports carry no profile id: nothing to check
  if (hasFinal) {
    const final = report.final;
    if (final?.status !== 'passed' || final.completedAt === null) return null;
    return { name: report.learner, learnerId: report.learnerId, completedAt: final.completedAt, score: final.best };
  }
  if (!report.modules.every((m) => m.status === 'passed' && m.completedAt !== null)) return null;
  return { name: report.learner, learnerId: report.learnerId, completedAt: Math.max(...report.modules.map((m) => m.completedAt ?? 0)), score: null };
}

/**
 * The reports here that a certificate with this code agrees with, one per learner, newest report
 * first. Empty when none does (a changed letter, another person's code, or their report is not here).
 * @param code as typed; see `normalizeCode`.
 * @param courseTitle the course title the certificate names.
 * @param hasFinal whether the course has a final test (its score is on the certificate).
 */
export function matchCertificate(code: string, reports: readonly Report[], courseTitle: string, hasFinal: boolean): CertificateMatch[] {
  const wanted = normalizeCode(code);
  if (wanted === null) return [];
  const found = new Map<string, CertificateMatch>();
  for (const report of [...reports].sort((a, b) => b.createdAt - a.createdAt)) {
    const facts = factsOf(report, hasFinal);
    if (!facts || found.has(facts.learnerId)) continue;
    if (certificateCode({ profileId: facts.learnerId, name: facts.name, courseTitle, completedAt: facts.completedAt, score: facts.score }) === wanted) {
      found.set(facts.learnerId, { ...facts, report });
    }
  }
  return [...found.values()];
}
