/**
 * The manager area of this device: its PIN (in its own record, `manager/pin`, so a damaged settings
 * record cannot take it), whether the area is open in this page, the assignments created here and
 * the reports imported here. It owns the `manager/…` records. The area is open for this page only:
 * it locks on «Выйти», when the learner side is entered, after the idle time, and on reload.
 */
import type { Assignment, Report } from '../exchange/types.ts';
import type { PinTry } from '../progress/pin-attempts.ts';
import { MANAGER_THROTTLE_KEY } from '../progress/pin-format.ts';
import type { PinHash } from '../progress/records.ts';
import type { Roster } from '../progress/roster.svelte.ts';
import type { StorageHealth } from '../progress/storage-health.svelte.ts';

/** PIN hashing and the throttle, fetched when the manager PIN is first set or tried. */
const pinCode = () => import('../progress/pin-code.ts');

const PIN_KEY = 'manager/pin';
const MANAGER_ASSIGNMENTS = 'manager/assignment/';
const MANAGER_REPORTS = 'manager/report/';
/** Where the store sets aside a damaged record (`damaged/<time>/<key>`, storage.ts). */
const DAMAGED = 'damaged/';
/** A manager record set aside as damaged: its PIN or data were here, so a new PIN needs the reset. */
const isDamagedManagerKey = (key: string) => /^damaged\/[^/]+\/manager\//.test(key);
/** JSON with object keys sorted, so two equal values always give the same text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
/** What a manager types to erase the manager area (Russian or English, any case). */
export const RESET_WORDS = ['УДАЛИТЬ', 'DELETE'];

export class ManagerStore {
  /** The manager PIN's hash, or null until a manager sets one on this device. */
  pin = $state<PinHash | null>(null);
  /** True while the manager area is open: this page only, never stored (a reload locks it). */
  unlocked = $state(false);
  /** Until when (ms) the next manager PIN try must wait, as last learned here (0: no wait). */
  pinWaitUntil = $state(0);
  /** Goes up whenever another tab changes an assignment or report, so open lists read again. */
  revision = $state(0);
  /** True when assignments or reports are stored here: then a missing PIN is never simply set anew. */
  hasData = $state(false);

  #storage: StorageHealth;
  #roster: Roster;
  /** The last activity in this page while the area was open (the idle lock counts from it). */
  #activeAt = 0;

  private constructor(storage: StorageHealth, roster: Roster) {
    this.#storage = storage;
    this.#roster = roster;
    storage.onRemoteChange((key) => void this.#reload(key));
  }

  /** Reads the manager PIN, moving one an earlier build kept in the device settings. */
  static async open(storage: StorageHealth, roster: Roster): Promise<ManagerStore> {
    const store = new ManagerStore(storage, roster);
    store.pin = (await storage.db.read('managerPin', PIN_KEY)) ?? null;
    store.hasData = await store.#dataStored();
    const legacy = roster.legacyManagerPin;
    if (legacy) {
      // Its own record first, then out of settings: a failure between the two loses nothing.
      const saved = await storage.write(() => storage.db.update('managerPin', PIN_KEY, (current) => current ?? legacy));
      if (saved) {
        store.pin = saved;
        await roster.dropLegacyManagerPin();
      } else store.pin ??= legacy;
    }
    return store;
  }

  /**
   * Sets the manager PIN of this device and opens the area. Refused (false) when a PIN is stored
   * already, even if this page had not seen it: a stale tab never replaces the manager's PIN.
   */
  async setPin(pin: string): Promise<boolean> {
    // Read again: another tab may have set one. A PIN lost while manager data exist (or set aside
    // as damaged) is never replaced silently: only `resetArea` goes on.
    this.pin = (await this.#storage.db.read('managerPin', PIN_KEY)) ?? null;
    if (this.pin) return false;
    if ((this.hasData = await this.#dataStored())) return false;
    const hash = await (await pinCode()).hashPin(pin);
    const saved = await this.#storage.write(() => this.#storage.db.update('managerPin', PIN_KEY, (current) => current ?? hash));
    if (!saved) return false;
    this.pin = saved;
    if (saved !== hash) return false;
    this.#open();
    return true;
  }

  /**
   * Checks the manager PIN through the throttle (after 5 wrong, 30 s, doubling; kept across reloads);
   * the right one opens the manager area for this page session. A try during the wait is not checked.
   */
  async tryPin(pin: string): Promise<PinTry> {
    const stored = this.pin;
    if (!stored) return { result: 'wrong', waitMs: 0 };
    const { tryPin, verifyPin } = await pinCode();
    const tried = await tryPin(this.#storage.db, (task) => this.#storage.write(task), MANAGER_THROTTLE_KEY, () => verifyPin(pin, stored));
    this.pinWaitUntil = tried.result === 'right' ? 0 : Date.now() + tried.waitMs;
    if (tried.result === 'right') this.#open();
    return tried;
  }

  /** Checks the manager PIN (see `tryPin`); true when it opened the area. */
  async checkPin(pin: string): Promise<boolean> {
    return (await this.tryPin(pin)).result === 'right';
  }

  /** Reads how long the next manager PIN try must wait (kept across reloads), for the form. */
  async refreshPinWait(now = Date.now()): Promise<number> {
    const wait = await (await pinCode()).pinWait(this.#storage.db, MANAGER_THROTTLE_KEY, now);
    this.pinWaitUntil = now + wait;
    return wait;
  }

  /**
   * The deliberate way out when the manager PIN is forgotten or lost: after the typed confirmation
   * (`RESET_WORDS`), erases every manager record of this device — assignments, reports, the PIN and
   * its wrong-try count — so a new PIN can be set. Learners' own progress is not touched.
   * Returns false (nothing erased) when the word is not typed exactly or storage refused.
   */
  async resetArea(typed: string): Promise<boolean> {
    if (!RESET_WORDS.includes(typed.trim().toLocaleUpperCase('ru'))) return false;
    const db = this.#storage.db;
    const done = await this.#storage.write(async () => {
      const damaged = (await db.keys(DAMAGED)).filter(isDamagedManagerKey);
      const keys = [...(await db.keys(MANAGER_ASSIGNMENTS)), ...(await db.keys(MANAGER_REPORTS)), ...damaged, PIN_KEY, MANAGER_THROTTLE_KEY];
      for (const key of keys) await db.remove(key);
      return true;
    });
    if (!done) return false;
    this.pin = null;
    this.unlocked = false;
    this.pinWaitUntil = 0;
    this.hasData = false;
    this.revision++;
    return true;
  }

  /**
   * True when manager data are stored here, or a manager record (the PIN itself, an assignment, a
   * report) was set aside as damaged: then a missing PIN was lost, and only the reset goes on.
   */
  async #dataStored(): Promise<boolean> {
    const db = this.#storage.db;
    if ((await db.keys(MANAGER_ASSIGNMENTS)).length + (await db.keys(MANAGER_REPORTS)).length > 0) return true;
    return (await db.keys(DAMAGED)).some(isDamagedManagerKey);
  }

  #open(now = Date.now()): void {
    this.unlocked = true;
    this.#activeAt = now;
  }

  /** Notes activity in this page: the manager's idle time counts from the last one. */
  touch(now = Date.now()): void {
    if (this.unlocked) this.#activeAt = Math.max(this.#activeAt, now);
  }

  /** Closes the manager area («Выйти», the learner side entered, idle). */
  lock(): void {
    this.unlocked = false;
  }

  /**
   * Closes the manager area after the idle time (the device's setting) without activity in this
   * page — wherever the app is; activity in another tab does not keep this one open.
   */
  lockIfIdle(now = Date.now()): boolean {
    if (!this.unlocked || now - this.#activeAt < this.#roster.settings.idleMinutes * 60_000) return false;
    this.lock();
    return true;
  }

  /** Keeps an assignment the manager created, so the team table knows its modules and due date. */
  async saveAssignment(assignment: Assignment): Promise<boolean> {
    const plain = $state.snapshot(assignment);
    const saved = (await this.#storage.write(() => this.#storage.db.update('managerAssignment', `${MANAGER_ASSIGNMENTS}${plain.id}`, () => plain))) !== undefined;
    if (saved) this.#changed(true);
    return saved;
  }

  /** The assignments created on this device, newest first. */
  async readAssignments(): Promise<Assignment[]> {
    const found: Assignment[] = [];
    for (const key of await this.#storage.db.keys(MANAGER_ASSIGNMENTS)) {
      const a = await this.#storage.db.read('managerAssignment', key);
      if (a) found.push(a);
    }
    return found.sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Keeps imported reports on this device; returns how many were new. A report is kept under its
   * identity (assignment + learner + moment, see identity.ts): the same report again adds nothing,
   * and a different report never replaces one that is stored, whoever made it.
   */
  async saveReports(reports: readonly Report[]): Promise<number> {
    let added = 0;
    const ok = await this.#storage.write(async () => {
      const plain = reports.map((r) => $state.snapshot(r) as Report);
      const { placeReports } = await import('../exchange/identity.ts');
      const { placements } = placeReports(plain, await this.#storedReports());
      for (const [i, placement] of placements.entries()) {
        const report = plain[i];
        if (placement.kind !== 'new' || !report) continue;
        await this.#storage.db.update('managerReport', placement.key, (current) => {
          // Another tab wrote here meanwhile: what is stored stays.
          if (current) return current;
          added++;
          return report;
        });
      }
      return true;
    });
    if (added > 0) this.#changed(true);
    return ok ? added : 0;
  }

  /** Every report imported on this device. */
  async readReports(): Promise<Report[]> {
    return (await this.#storedReports()).map((s) => s.report);
  }

  async #storedReports(): Promise<{ key: string; report: Report }[]> {
    const found: { key: string; report: Report }[] = [];
    for (const key of await this.#storage.db.keys(MANAGER_REPORTS)) {
      const report = await this.#storage.db.read('managerReport', key);
      if (report) found.push({ key, report });
    }
    return found;
  }

  /** Deletes an assignment created on this device and the reports answering it; false when storage refused. */
  async deleteAssignment(id: string): Promise<boolean> {
    const db = this.#storage.db;
    const done = await this.#storage.write(async () => {
      for (const key of await db.keys(MANAGER_REPORTS)) {
        if ((await db.read('managerReport', key))?.assignmentId === id) await db.remove(key);
      }
      await db.remove(`${MANAGER_ASSIGNMENTS}${id}`);
      return true;
    });
    if (done === true) this.#changed(false);
    return done === true;
  }

  /** Deletes imported reports from this device; false when storage refused. */
  async deleteReports(reports: readonly Report[]): Promise<boolean> {
    const db = this.#storage.db;
    // Matched by content, not by recomputing the key: a stored report may list its fields in another order.
    const gone = new Set(reports.map((r) => canonical($state.snapshot(r))));
    const done = await this.#storage.write(async () => {
      for (const key of await db.keys(MANAGER_REPORTS)) {
        const stored = await db.read('managerReport', key);
        if (stored && gone.has(canonical(stored))) await db.remove(key);
      }
      return true;
    });
    if (done === true) this.#changed(false);
    return done === true;
  }

  /**
   * This page changed assignments or reports: open lists read again (a screen opened while the
   * write was still under way, such as the team view right after «Добавить», shows it too).
   */
  #changed(added: boolean): void {
    if (added) this.hasData = true;
    this.revision++;
  }

  /** Another tab changed a manager record: take its PIN, tell open lists to read again. */
  async #reload(key: string): Promise<void> {
    if (key === PIN_KEY) {
      // Another tab set a PIN, or reset the area (the PIN is gone there too).
      this.pin = (await this.#storage.db.read('managerPin', PIN_KEY)) ?? null;
      if (!this.pin) this.unlocked = false;
    } else if (key.startsWith(MANAGER_ASSIGNMENTS) || key.startsWith(MANAGER_REPORTS)) {
      this.hasData = await this.#dataStored();
      this.revision++;
    }
  }
}
