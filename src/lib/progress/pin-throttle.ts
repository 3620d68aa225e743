/**
 * Wrong PINs slow the next try down: the first `FREE_TRIES` wrong PINs in a row cost nothing, then
 * each further wrong PIN makes the next try wait `FIRST_WAIT_MS`, doubling up to `MAX_WAIT_MS`.
 * The right PIN clears the count. One state per learner and one for the manager, plain data so it
 * is stored and survives a reload (a reload must not reset the wait). Pure; no Svelte.
 */
import * as v from 'valibot';

export const FREE_TRIES = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 60 * 60_000;
/** More wrong PINs than this are not counted further (the wait is at its cap long before). */
const FAILURES_CAP = 1000;

/** Wrong PINs in a row, and when the latest one was given. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: 0 };

/** The stored form; anything else (a damaged record) reads as "at the cap, just now" — never as no failures. */
export const ThrottleStateSchema = v.object({
  failures: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(FAILURES_CAP)),
  lastFailureAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
});

/** How long the next try must wait after `failures` wrong PINs in a row. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_TRIES, 20));
}

/**
 * Milliseconds until the next try is allowed (0: now). A clock set back (lastFailureAt in the
 * future) does not shorten the wait below a full one.
 */
export function remainingWait(state: ThrottleState, now: number): number {
  const wait = waitAfter(state.failures);
  if (wait === 0) return 0;
  if (now < state.lastFailureAt) return wait;
  return Math.max(0, state.lastFailureAt + wait - now);
}

/** True when a PIN may be tried now. */
export const mayTry = (state: ThrottleState, now: number): boolean => remainingWait(state, now) === 0;

/** The state after a wrong PIN at `now`. */
export function afterWrong(state: ThrottleState, now: number): ThrottleState {
  return { failures: Math.min(FAILURES_CAP, state.failures + 1), lastFailureAt: Math.max(now, state.lastFailureAt) };
}

/** The state after the right PIN. */
export const afterRight = (): ThrottleState => ({ ...NO_FAILURES });

/** Whole seconds to show for a wait (rounded up, so «0 s» is never shown while still waiting). */
export const waitSeconds = (ms: number): number => Math.ceil(Math.max(0, ms) / 1000);

/** Reads a stored state; a damaged one counts as the worst, not as a clean slate. */
export function readThrottle(stored: unknown, now: number): ThrottleState {
  if (stored === undefined || stored === null) return { ...NO_FAILURES };
  const parsed = v.safeParse(ThrottleStateSchema, stored);
  return parsed.success ? parsed.output : { failures: FREE_TRIES + 4, lastFailureAt: now };
}

/**
 * The outcome of one try, for the store: `wait` when the try came too early (the PIN was not even
 * checked, and the count does not move), otherwise the new state and whether it was right.
 */
export type TryOutcome = { kind: 'wait'; ms: number } | { kind: 'checked'; right: boolean; state: ThrottleState; waitMs: number };

/** Runs one PIN try through the throttle; `check` is only called when a try is allowed. */
export async function throttledTry(state: ThrottleState, now: number, check: () => Promise<boolean>): Promise<TryOutcome> {
  const early = remainingWait(state, now);
  if (early > 0) return { kind: 'wait', ms: early };
  const right = await check();
  const next = right ? afterRight() : afterWrong(state, now);
  return { kind: 'checked', right, state: next, waitMs: remainingWait(next, now) };
}
