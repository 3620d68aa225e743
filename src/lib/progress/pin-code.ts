/**
 * Everything a store needs to set or try a PIN: the PBKDF2 hashing (pin.ts) and the stored throttle
 * (pin-attempts.ts, with its record schema). Loaded on demand, so the roster and
 * the welcome screen do not fetch it before a PIN is used. No Svelte.
 */
export { hashPin, verifyPin } from './pin.ts';
export { learnerThrottleKey, MANAGER_THROTTLE_KEY, pinWait, tryPin } from './pin-attempts.ts';

