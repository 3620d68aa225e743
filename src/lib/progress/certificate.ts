/**
 * The check code printed on a certificate of completion, and the 64-bit FNV-1a hash behind it
 * (also the checksum of backup files). Pure and synchronous.
 *
 * What the code is and is not: anyone holding the learner's backup can recompute it from the name,
 * course, date, score and profile id, so a hand-edited certificate (another name, a better score)
 * stops matching. It is not a signature: whoever knows this algorithm can make a matching code.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/** FNV-1a 64 as 16 lowercase hex digits. */
export const fnv1a64Hex = (text: string): string => fnv1a64(text).toString(16).padStart(16, '0');

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
