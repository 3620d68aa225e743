/**
 * The shape of a PIN, for forms: four digits. The hashing and the throttle (pin.ts, pin-attempts.ts)
 * come only when a PIN is set or tried (pin-code.ts). Pure; no Svelte.
 */
export const PIN_PATTERN = /^\d{4}$/;

/** PBKDF2 iterations: fixed by the app, never taken from a record or a file. */
export const PIN_ITERATIONS = 100_000;

/** The throttle record of the manager PIN (pin-attempts.ts). */
export const MANAGER_THROTTLE_KEY = 'manager/pin-throttle';

/** True for a well-formed PIN (exactly four digits). */
export const isValidPin = (pin: string): boolean => PIN_PATTERN.test(pin);
