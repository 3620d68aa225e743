/**
 * The check code printed on a certificate of completion, made from the 64-bit FNV-1a hash
 * (encoding/checksum.ts). Pure and synchronous.
 *
 * What the code is and is not: anyone holding the learner's backup can recompute it from the name,
 * course, date, score and profile id, so a hand-edited certificate (another name, a better score)
 * stops matching. It is not a signature: whoever knows this algorithm can make a matching code.
 */

import { fnv1a64 } from '../encoding/checksum.ts';

/** Crockford's base32: no I, L, O or U, so the code reads aloud and types without confusion. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What the check code vouches for. */
export interface CertificateFacts {
  profileId: string;
  name: string;
  courseTitle: string;
  /** When the course was completed (ms since epoch); the code uses its UTC calendar day. */
  completedAt: number;
  /** Final test best score, percent; null when the course has no final test. */
  score: number | null;
}

/** The UTC calendar day of a moment, `YYYY-MM-DD`: the same on every device whatever its time zone. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The certificate's check code: 8 Crockford base32 characters (40 bits of FNV-1a 64) of
 * `name|course|day|score|profileId`, shown as `XXXX-XXXX`. Deterministic; names are compared
 * after Unicode normalisation and trimming, so the same name typed on two devices gives one code.
 */
export function certificateCode(facts: CertificateFacts): string {
  const fields = [facts.name.normalize('NFC').trim(), facts.courseTitle.normalize('NFC').trim(), utcDay(facts.completedAt), facts.score === null ? '-' : String(Math.round(facts.score)), facts.profileId];
  let bits = fnv1a64(fields.join('|')) >> 24n; // the top 40 bits
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = CROCKFORD[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
