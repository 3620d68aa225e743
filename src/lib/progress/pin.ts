/**
 * Learner and manager PINs: 4 digits, stored only as a salted PBKDF2-SHA-256 hash (WebCrypto).
 * A 4-digit PIN keeps one learner out of another's progress on a shared tablet; it is not a
 * password against a determined attacker with the device, and the interface does not claim it is.
 */
import type { PinHash } from './records.ts';

export { isValidPin, PIN_ITERATIONS, PIN_PATTERN } from './pin-format.ts';
import { isValidPin, PIN_ITERATIONS } from './pin-format.ts';

const toHex = (bytes: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toHex(bits);
}

/** Hashes a PIN with a fresh random salt. */
export async function hashPin(pin: string): Promise<PinHash> {
  if (!isValidPin(pin)) throw new Error('A PIN is exactly four digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toHex(salt), hash: await derive(pin, salt, PIN_ITERATIONS), iterations: PIN_ITERATIONS };
}

/** Checks a PIN against a stored hash, comparing in constant time; always with the app's iteration count. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!isValidPin(pin) || stored.iterations !== PIN_ITERATIONS) return false;
  const candidate = await derive(pin, fromHex(stored.salt), PIN_ITERATIONS);
  let diff = candidate.length ^ stored.hash.length;
  for (let i = 0; i < Math.min(candidate.length, stored.hash.length); i++) diff |= candidate.charCodeAt(i) ^ stored.hash.charCodeAt(i);
  return diff === 0;
}
