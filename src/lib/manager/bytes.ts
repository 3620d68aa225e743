/**
 * Byte helpers for the link format: base64url without padding (RFC 4648 §5) and CRC-32.
 * Hand-written so that decoding is strict (one spelling per byte string) and works the same in every
 * browser and in Node, with no `atob` leniency about whitespace or padding.
 */
import { crc32 } from '../checksum/crc32.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Encodes bytes as base64url without `=` padding. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * Decodes unpadded base64url; null when the text is not the canonical encoding of some bytes
 * (a stray character, an impossible length, or non-zero leftover bits).
 */
export function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const ch of text) {
    const value = VALUES.get(ch);
    if (value === undefined) return null;
    acc = ((acc << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
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
