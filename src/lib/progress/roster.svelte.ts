/**
 * The learners of this device and who is learning now: profiles and their PINs, the current
 * learner, the idle lock, and the device settings. It owns the `device/settings` and `profile/…`
 * records. A shared record is changed field by field under its lock (never by writing back this
 * tab's whole copy), and records another tab changed are read again, so a stale tab can neither
 * undo another tab's change nor reopen a learner who was signed out.
 */
import { checkedProfileId, newProfileId } from '../values/profile-id.ts';
import { cleanName, nameProblem } from '../values/name.ts';
import { DEFAULT_SETTINGS, type DeviceSettings, type PinHash, type Profile } from './records.ts';
import type { StorageHealth } from './storage-health.svelte.ts';

/** PIN hashing and the throttle, fetched when a PIN is first set or tried (not for the roster). */
export const pinCode = () => import('./pin-code.ts');
/**
 * What the profile, settings, manager and import screens change (rename, remove, PINs, the idle
 * time, a whole profile), fetched with the first such change: a learner's lesson never needs it.
 */
const edits = () => import('./roster-edits.svelte.ts');

export const SETTINGS_KEY = 'device/settings';
const PROFILES = 'profile/';
/** Built from a checked profile id only (throws otherwise): no key can reach another learner's records. */
export const profileKey = (id: string) => `${PROFILES}${checkedProfileId(id)}`;
/** Touches are written at most this often; the idle lock reads the time kept in memory. */
const TOUCH_WRITE_MS = 60_000;

/** The roster's own ways of writing, lent to its edits (roster-edits.svelte.ts). */
export interface RosterDesk {
  storage: StorageHealth;
  /** Read-modify-write of the settings record: only the fields `change` names are written. */
  patch(change: (current: Settings) => Partial<Settings>): Promise<void>;
  /** Takes a profile as stored into the roster. */
  keep(profile: Profile): void;
}

/** How opening a profile went. */
export type SelectResult = 'ok' | 'wrong-pin' | 'pin-required' | 'wait' | 'unknown';

/** What follows the current learner (their progress): loaded before their screens open, cleared on lock. */
export interface LearnerFollower {
  open(id: string): Promise<void>;
  close(): void;
}

/** Device settings as this build uses them (a manager PIN once kept here has its own record now). */
export type Settings = Omit<DeviceSettings, 'managerPin'>;

/** How renaming, removing or resetting a profile went. */
/** `bad-name`: empty or too long; `name-forbidden`: hidden, bidi or control characters, or nothing visible. */
export type ProfileChange = 'ok' | 'wrong-pin' | 'pin-required' | 'unknown' | 'bad-name' | 'name-forbidden' | 'failed';

export class Roster {
  profiles = $state<Profile[]>([]);
  settings = $state<Settings>(withoutLegacy(DEFAULT_SETTINGS));
  /** True while the idle lock (or «Сменить ученика») hides the current learner. */
  locked = $state(true);
  /** The learner whose progress is open, or null (roster shown). */
  learner = $derived(this.locked ? null : (this.profiles.find((p) => p.id === this.settings.currentProfileId) ?? null));

  /** Until when (ms) each learner's next PIN try must wait, as last learned here (0: no wait). */
  pinWaitUntil = $state<Record<string, number>>({});

  /** Reads how long a learner's next PIN try must wait (kept across reloads), for the PIN prompt. */
  async refreshPinWait(id: string, now = Date.now()): Promise<number> {
    const { learnerThrottleKey, pinWait } = await pinCode();
    const wait = await pinWait(this.#storage.db, learnerThrottleKey(id), now);
    this.pinWaitUntil = { ...this.pinWaitUntil, [id]: now + wait };
    return wait;
  }

  /** A manager PIN found in settings stored by an earlier build, for the manager store to move. */
  legacyManagerPin: PinHash | null = null;

  #storage: StorageHealth;
  #followers: LearnerFollower[] = [];
  /** What roster-edits.svelte.ts may do that the roster's public methods do not offer. */
  readonly #desk: RosterDesk;

  constructor(storage: StorageHealth) {
    this.#storage = storage;
    this.#desk = { storage, patch: (change) => this.#patch(change), keep: (profile) => this.#keepProfile(profile) };
    storage.onRemoteChange((key) => void this.#reload(key));
  }

  /** Registers what must load with the learner (see LearnerProgress). */
  follow(follower: LearnerFollower): void {
    this.#followers.push(follower);
  }

  /** Reads settings and profiles; reopens the last learner when the device was in use a moment ago. */
  async load(): Promise<void> {
    const stored = await this.#storage.db.read('settings', SETTINGS_KEY);
    this.legacyManagerPin = stored?.managerPin ?? null;
    this.settings = withoutLegacy({ ...DEFAULT_SETTINGS, ...stored });
    // A learner about to be reopened: their records' checkers come while the profiles are read.
    if (this.settings.currentProfileId) this.#storage.db.prepare('lesson');
    const profiles: Profile[] = [];
    for (const key of await this.#storage.db.keys(PROFILES)) {
      const p = await this.#storage.db.read('profile', key);
      if (p) profiles.push(p);
    }
    this.profiles = profiles.sort((a, b) => b.lastActiveAt - a.lastActiveAt);
    const current = this.profiles.find((p) => p.id === this.settings.currentProfileId);
    // Reopening soon after the last activity (a reload, a crash) goes straight back in.
    if (current && Date.now() - this.settings.lastActivityAt < this.settings.idleMinutes * 60_000) await this.#open(current.id);
  }

  /**
   * Creates a learner (optional 4-digit PIN, hashed) and opens their progress. The id is made here,
   * in the app's one format; the name follows the one name rule (values/name.ts).
   * @throws Error when the name breaks the rule (the form checks it first).
   */
  async createProfile(name: string, pin: string | null): Promise<Profile> {
    const problem = nameProblem(name);
    if (problem) throw new Error(`name refused: ${problem}`);
    const now = Date.now();
    const profile: Profile = { id: newProfileId(), name: cleanName(name), pin: pin ? await (await pinCode()).hashPin(pin) : null, createdAt: now, lastActiveAt: now };
    await this.#storage.write(() => this.#storage.db.update('profile', profileKey(profile.id), () => profile));
    this.#keepProfile(profile);
    await this.#open(profile.id);
    return profile;
  }

  /** Opens a learner's progress; a PIN-protected one needs the right PIN. */
  async selectProfile(id: string, pin?: string): Promise<SelectResult> {
    const profile = this.profiles.find((p) => p.id === id);
    if (!profile) return 'unknown';
    const stored = profile.pin;
    if (stored) {
      if (!pin) return 'pin-required';
      const { learnerThrottleKey, tryPin, verifyPin } = await pinCode();
      const tried = await tryPin(this.#storage.db, (task) => this.#storage.write(task), learnerThrottleKey(id), () => verifyPin(pin, stored));
      if (tried.result !== 'right') {
        this.pinWaitUntil = { ...this.pinWaitUntil, [id]: Date.now() + tried.waitMs };
        return tried.result === 'wait' ? 'wait' : 'wrong-pin';
      }
      this.pinWaitUntil = { ...this.pinWaitUntil, [id]: 0 };
    }
    await this.#open(id);
    return 'ok';
  }

  /** Saves a whole profile record (an import, the LMS learner), keeping the roster in step. */
  async saveProfile(profile: Profile): Promise<boolean> {
    return (await edits()).saveProfile(this.#desk, profile);
  }

  /**
   * Adds a learner made elsewhere (a backup's), unless the device has them already (another tab
   * may have added them meanwhile): what is stored is never replaced. `exists` then.
   */
  async addProfile(profile: Profile): Promise<'added' | 'exists' | 'failed'> {
    return (await edits()).addProfile(this.#desk, profile);
  }

  /** A learner renames their own profile (their PIN asked when they have one); the one name rule applies. */
  async renameProfile(id: string, name: string, pin?: string): Promise<ProfileChange> {
    return (await edits()).renameProfile(this, this.#desk, id, name, pin);
  }

  /**
   * A learner removes their own profile and everything stored for them on this device (their PIN
   * asked when they have one). Signed out first when it is the current learner.
   */
  async removeProfile(id: string, pin?: string): Promise<ProfileChange> {
    return (await edits()).removeProfile(this, this.#desk, id, pin);
  }

  /**
   * Clears a learner's forgotten PIN. Only the manager may (the caller checks that the manager area
   * is open on this tablet); the learner signs in without a PIN and may set a new one.
   */
  async resetPin(id: string): Promise<ProfileChange> {
    return (await edits()).resetPin(this, this.#desk, id);
  }

  /** A learner sets (or, with null, clears) their own PIN while signed in. */
  async setOwnPin(id: string, pin: string | null): Promise<ProfileChange> {
    return (await edits()).setOwnPin(this, this.#desk, id, pin);
  }

  /**
   * Hides the current learner's progress (idle lock or switching learner). The device forgets them
   * only if they are still its current learner: a stale tab does not sign out someone another tab opened.
   */
  lock(): void {
    const id = this.settings.currentProfileId;
    this.#close();
    void this.#patch((current) => (current.currentProfileId === id ? { currentProfileId: null } : {}));
  }

  /** Notes activity now, so the idle lock starts counting again (persisted at most once a minute). */
  touch(now = Date.now()): void {
    const last = this.settings.lastActivityAt;
    this.settings.lastActivityAt = Math.max(last, now);
    if (now - last > TOUCH_WRITE_MS) void this.#patch((current) => ({ lastActivityAt: Math.max(current.lastActivityAt, now) }));
  }

  /** True when the device has been idle longer than the idle time. */
  idle(now = Date.now()): boolean {
    return now - this.settings.lastActivityAt >= this.settings.idleMinutes * 60_000;
  }

  /** Locks when the learner has been idle longer than the setting. */
  lockIfIdle(now = Date.now()): boolean {
    if (this.locked || !this.idle(now)) return false;
    this.lock();
    return true;
  }

  /** Changes the idle time (minutes) for this device. */
  async setIdleMinutes(minutes: number): Promise<void> {
    return (await edits()).setIdleMinutes(this, this.#desk, minutes);
  }

  /** Records whether the browser agreed to keep storage persistent. */
  async notePersistence(granted: boolean): Promise<void> {
    this.settings.persistAsked = true;
    this.settings.persistGranted = granted;
    await this.#patch(() => ({ persistAsked: true, persistGranted: granted }));
  }

  /** After the first meaningful save, asks the browser not to evict our data (once per device). */
  async askPersistence(): Promise<void> {
    const storage = (globalThis.navigator as Navigator | undefined)?.storage;
    if (this.settings.persistAsked || this.#storage.mode !== 'indexeddb' || !storage?.persist) return;
    this.settings.persistAsked = true;
    const granted = await storage.persist().catch(() => false);
    await this.notePersistence(granted);
  }

  /** Removes the manager PIN an earlier build kept in settings (once it is safe in its own record). */
  async dropLegacyManagerPin(): Promise<void> {
    return (await edits()).dropLegacyManagerPin(this, this.#desk);
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  /** Read-modify-write of the settings record: only the fields `change` names are written. */
  async #patch(change: (current: Settings) => Partial<Settings>): Promise<void> {
    const saved = await this.#storage.write(() =>
      this.#storage.db.update('settings', SETTINGS_KEY, (stored) => {
        const current = { ...DEFAULT_SETTINGS, ...stored };
        return { ...current, ...change(current) };
      }),
    );
    if (saved) this.#takeSettings(saved);
  }

  /** Adopts stored settings, keeping this tab's newer activity time (touches are written lazily). */
  #takeSettings(stored: DeviceSettings): void {
    const mine = this.settings;
    // Who is open is this tab's own state (see #reload); the activity time is the newer of the two.
    this.settings = { ...withoutLegacy(stored), currentProfileId: mine.currentProfileId, lastActivityAt: Math.max(stored.lastActivityAt, mine.lastActivityAt) };
  }

  #keepProfile(profile: Profile): void {
    this.profiles = [...this.profiles.filter((p) => p.id !== profile.id), profile];
  }

  async #open(id: string): Promise<void> {
    for (const f of this.#followers) await f.open(id);
    const now = Date.now();
    this.settings.currentProfileId = id;
    this.settings.lastActivityAt = now;
    // Saved before the learner's screens open, so a reload right after signing in comes back in.
    await this.#patch(() => ({ currentProfileId: id, lastActivityAt: now }));
    this.locked = false;
    void this.#storage.write(() =>
      this.#storage.db.update('profile', profileKey(id), (current) => {
        const profile = current ?? this.profiles.find((p) => p.id === id);
        if (!profile) throw new Error(`no profile ${id}`);
        return { ...profile, lastActiveAt: Math.max(profile.lastActiveAt, now) };
      }),
    ).then((saved) => saved && this.#keepProfile(saved));
  }

  #close(): void {
    this.locked = true;
    this.settings.currentProfileId = null;
    this.#followers.forEach((f) => f.close());
  }

  /** Another tab changed a record: read it again; a learner signed out (or switched) there is closed here. */
  async #reload(key: string): Promise<void> {
    if (key.startsWith(PROFILES)) {
      const p = await this.#storage.db.read('profile', key);
      if (p) this.#keepProfile(p);
      else {
        // Removed in another tab: gone here too, and signed out if it was open.
        const id = key.slice(PROFILES.length);
        if (this.settings.currentProfileId === id && !this.locked) this.#close();
        this.profiles = this.profiles.filter((x) => x.id !== id);
      }
    } else if (key === SETTINGS_KEY) {
      const stored = await this.#storage.db.read('settings', SETTINGS_KEY);
      if (!stored) return;
      const open = this.locked ? null : this.settings.currentProfileId;
      this.#takeSettings({ ...DEFAULT_SETTINGS, ...stored });
      if (open && stored.currentProfileId !== open) this.#close();
    }
  }
}

function withoutLegacy(settings: DeviceSettings): Settings {
  const { managerPin: _legacy, ...rest } = settings;
  return rest;
}
