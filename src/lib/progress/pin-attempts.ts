/**
 * PIN tries through the throttle (pin-throttle.ts), kept in the database so a reload does not reset
 * the wait: one record per learner (`device/pin-throttle/<id>`) and one for the manager
 * (`manager/pin-throttle`). The count is changed read-modify-write under the record's lock, so
 * wrong PINs in two tabs add up. No Svelte.
 */
import { checkedProfileId } from '../values/profile-id.ts';
import { afterRight, afterWrong, readThrottle, remainingWait } from './pin-throttle.ts';
import type { RecordStore } from './storage.ts';

/** The throttle record of a learner's PIN. */
export const learnerThrottleKey = (profileId: string): string => `device/pin-throttle/${checkedProfileId(profileId)}`;
export { MANAGER_THROTTLE_KEY } from './pin-format.ts';

/** How a PIN try went: right, wrong, or refused unchecked because it came before the wait was over. */
export type PinTry = { result: 'right' } | { result: 'wrong'; waitMs: number } | { result: 'wait'; waitMs: number };

/** Milliseconds before the next PIN try under `key` is allowed (0: now). */
export async function pinWait(db: RecordStore, key: string, now = Date.now()): Promise<number> {
  return remainingWait(readThrottle(await db.read('pinThrottle', key), now), now);
}

/**
 * One PIN try: refused unchecked while the wait runs; otherwise `check` decides, and the count is
 * stored (a write that fails still counts in this page, and the try is judged all the same).
 */
export async function tryPin(db: RecordStore, write: <R>(task: () => Promise<R>) => Promise<R | undefined>, key: string, check: () => Promise<boolean>, now = Date.now()): Promise<PinTry> {
  const early = await pinWait(db, key, now);
  if (early > 0) return { result: 'wait', waitMs: early };
  const right = await check();
  const saved = await write(() => db.update('pinThrottle', key, (current) => (right ? afterRight() : afterWrong(readThrottle(current, now), now))));
  if (right) return { result: 'right' };
  return { result: 'wrong', waitMs: saved ? remainingWait(saved, now) : 0 };
}
