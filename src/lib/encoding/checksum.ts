/**
 * The app's checksums, in one place: CRC-32 (zip entries, assignment and report links, report
 * keys) and 64-bit FNV-1a (backup files, the certificate's check code). Pure and synchronous.
 * Neither is a signature: they catch damage and casual edits, not forgery.
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes` as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * CRC-32 (the IEEE polynomial of zip and PNG) of a string's UTF-8 bytes, as 8 lowercase hex digits.
 *
 * Why this is enough: it detects every change of a single character and every burst of changes
 * up to 32 bits long, and lets a random corruption through once in 4 billion — it guards against a
 * link cut short by a messenger, a mistyped character, or a casual edit. It is NOT a signature:
 * anyone who can read this file can recompute it, so a report's contents are only as trustworthy as
 * the person who sent it.
 */
export function crc32Hex(text: string): string {
  return crc32(new TextEncoder().encode(text)).toString(16).padStart(8, '0');
}

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
