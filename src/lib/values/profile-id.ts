/**
 * Profile ids: made by the app, in one strict format, and checked wherever one is read (a stored
 * record, a backup file, a report, an LMS launch) and before any storage key is built from one.
 * Two forms exist: a lowercase random UUID (made on this device by `newProfileId`) and the id of
 * an LMS learner (`lms-` + up to 56 of `[A-Za-z0-9_.@-]`, see lms/learner.ts), which for a later
 * LMS attempt carries `~` + when it began in base 36 (`lms-student-42~mbe1xk00`), 64 characters
 * at most in all. Neither can hold a `/`, so no id is a key prefix of another learner's records
 * (`<victimId>/lesson` is refused).
 * Pure; no Svelte, no valibot (the schema is in ./schemas.ts).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LMS = /^lms-[A-Za-z0-9_.@-]{1,56}(?:~[0-9a-z]{1,12})?$/;
/** A profile id holds 64 characters (record-schemas.ts). */
const MAX_LENGTH = 64;

/** True for a profile id in one of the app's formats. */
export function isProfileId(id: unknown): id is string {
  return typeof id === 'string' && (UUID.test(id) || (id.length <= MAX_LENGTH && LMS.test(id)));
}

/** A new profile id for a learner created on this device. */
export function newProfileId(): string {
  return crypto.randomUUID().toLowerCase();
}

/** Thrown when code is about to build a storage key from something that is not a profile id. */
export class BadProfileIdError extends Error {
  constructor(id: unknown) {
    super(`not a profile id: ${JSON.stringify(String(id)).slice(0, 80)}`);
    this.name = 'BadProfileIdError';
  }
}

/** Returns the id when it is a profile id; throws `BadProfileIdError` otherwise. */
export function checkedProfileId(id: unknown): string {
  if (!isProfileId(id)) throw new BadProfileIdError(id);
  return id;
}
