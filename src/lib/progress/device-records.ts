/**
 * The device's own records — its settings, its learners' profiles and the manager PIN — checked by
 * hand instead of with valibot: they are all the roster (the first screen of a returning device)
 * reads, so that screen does not fetch the schema library. The rules are every record's
 * (values/moment.ts, values/name.ts, values/profile-id.ts) and read as record-schemas.ts reads the
 * others: a stored moment ahead of a clock that was put back is brought back to now, a stored name
 * is tidied, a settings field that no longer fits falls back to its default. record-schemas.ts
 * hands these three types here. Pure; no Svelte.
 */
import { readStoredMoment } from '../values/moment.ts';
import { cleanName, fitName, NAME_MAX, NAME_UNITS_MAX, nameProblem } from '../values/name.ts';
import { isProfileId } from '../values/profile-id.ts';
import { PIN_ITERATIONS } from './pin-format.ts';
import type { DeviceRecordType, RecordCheck } from './records.ts';

/** A salted PBKDF2 hash of a 4-digit PIN (see pin.ts); the PIN itself is never stored. */
export interface PinHash {
  salt: string;
  hash: string;
  /** The app's own count, never another. */
  iterations: typeof PIN_ITERATIONS;
}

/** A learner on this device. */
export interface Profile {
  id: string;
  name: string;
  pin: PinHash | null;
  createdAt: number;
  lastActiveAt: number;
}

/** Settings of this device (shared by all learners on it). */
export interface DeviceSettings {
  /** Minutes without a touch before the tablet locks (1–240). */
  idleMinutes: number;
  /** Who is signed in; a value that is no learner id reads as nobody (the roster is shown). */
  currentProfileId: string | null;
  lastActivityAt: number;
  persistAsked: boolean;
  persistGranted: boolean | null;
  /** Legacy: earlier builds kept the manager PIN here (moved to `manager/pin` when the area opens). */
  managerPin: PinHash | null;
}

/** A value refused at `path`, with why (as the damaged-record report says it). */
class Refused extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}
const refuse = (path: string, message: string): never => {
  throw new Refused(path, message);
};
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A moment in a stored record: whole, 2020 or later; one ahead of now (a clock put back) reads as now. */
function storedMoment(value: unknown, path: string): number {
  const read = readStoredMoment(value);
  return read.ok ? read.moment : refuse(path, read.problem);
}

/** The hash of a PIN: exactly its three fields, hex of the right lengths, the app's iteration count. */
function pinHash(value: unknown, path: string): PinHash {
  if (!isRecord(value)) return refuse(path, 'must be a PIN hash');
  const extra = Object.keys(value).find((key) => key !== 'salt' && key !== 'hash' && key !== 'iterations');
  if (extra !== undefined) return refuse(`${path}.${extra}`, 'must not be there');
  const { salt, hash, iterations } = value;
  if (typeof salt !== 'string' || !/^[0-9a-f]{32}$/.test(salt)) return refuse(`${path}.salt`, 'must be 32 hex digits');
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return refuse(`${path}.hash`, 'must be 64 hex digits');
  if (iterations !== PIN_ITERATIONS) return refuse(`${path}.iterations`, `must be ${PIN_ITERATIONS}`);
  return { salt, hash, iterations };
}

function profile(value: unknown): Profile {
  if (!isRecord(value)) return refuse('(root)', 'must be a profile');
  if (!isProfileId(value.id)) return refuse('id', 'must be a profile id made by the course');
  // A stored name is tidied by the name rule, never refused: the learner would vanish.
  if (typeof value.name !== 'string' || value.name.length > 10_000) return refuse('name', 'must be a name');
  return {
    id: value.id,
    name: fitName(value.name, '?'),
    pin: value.pin === null ? null : pinHash(value.pin, 'pin'),
    createdAt: storedMoment(value.createdAt, 'createdAt'),
    lastActiveAt: storedMoment(value.lastActiveAt, 'lastActiveAt'),
  };
}

/** `read(value)`, or `fallback` when it does not fit. */
function orElse<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function settings(value: unknown): DeviceSettings {
  if (!isRecord(value)) return refuse('(root)', 'must be the settings');
  const { idleMinutes, currentProfileId, lastActivityAt, persistAsked, persistGranted, managerPin } = value;
  return {
    idleMinutes: typeof idleMinutes === 'number' && Number.isInteger(idleMinutes) && idleMinutes >= 1 && idleMinutes <= 240 ? idleMinutes : 10,
    currentProfileId: isProfileId(currentProfileId) ? currentProfileId : null,
    lastActivityAt: lastActivityAt === 0 ? 0 : orElse(() => storedMoment(lastActivityAt, 'lastActivityAt'), 0),
    persistAsked: typeof persistAsked === 'boolean' ? persistAsked : false,
    persistGranted: typeof persistGranted === 'boolean' ? persistGranted : null,
    // Not a fallback: a PIN that is there but damaged makes the record damaged (set aside, reported).
    managerPin: managerPin === undefined || managerPin === null ? null : pinHash(managerPin, 'managerPin'),
  };
}

const READERS: Record<DeviceRecordType, (value: unknown) => unknown> = {
  profile,
  settings,
  managerPin: (value) => pinHash(value, '(root)'),
};

/** Checks the data of a stored device record of `type` (reading). */
export function checkDeviceRecord(type: DeviceRecordType, data: unknown): RecordCheck {
  try {
    return { ok: true, data: READERS[type](data) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, detail: `${error.path}: ${error.message}` };
    throw error;
  }
}

/** Checks a device record about to be written: as on reading, and a profile's name by the name rule itself. */
export function checkDeviceRecordForWrite(type: DeviceRecordType, data: unknown): RecordCheck {
  const result = checkDeviceRecord(type, data);
  if (!result.ok || type !== 'profile') return result;
  const name = (data as { name: string }).name;
  if (name.length > NAME_UNITS_MAX * 2) return { ok: false, detail: `name: must be at most ${NAME_MAX} characters` };
  const problem = nameProblem(cleanName(name));
  return problem ? { ok: false, detail: `name: ${problem}` } : result;
}
