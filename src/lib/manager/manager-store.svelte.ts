/**
 * The manager area of this device: its PIN (in its own record, `manager/pin`, so a damaged settings
 * record cannot take it), whether the area is open in this page, the assignments created here and
 * the reports imported here. It owns the `manager/…` records. The area is open for this page only:
 * it locks on «Выйти», when the learner side is entered, after the idle time, and on reload.
 */
import { crc32Hex } from '$lib/encoding/checksum.ts';
import type { Assignment, Report } from '../exchange/types.ts';
import { hashPin, verifyPin } from '../progress/pin.ts';
import type { PinHash } from '../progress/records.ts';
import type { Roster } from '../progress/roster.svelte.ts';
import type { StorageHealth } from '../progress/storage-health.svelte.ts';

const PIN_KEY = 'manager/pin';
const MANAGER_ASSIGNMENTS = 'manager/assignment/';
const MANAGER_REPORTS = 'manager/report/';
/** JSON with object keys sorted, so two equal values always give the same text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
/** Identical reports (but for when they were made) share one key, so importing twice adds nothing. */
const reportKey = (r: Report) => `${MANAGER_REPORTS}${crc32Hex(JSON.stringify({ ...r, createdAt: 0 }))}`;

export class ManagerStore {
  /** The manager PIN's hash, or null until a manager sets one on this device. */
  pin = $state<PinHash | null>(null);
  /** True while the manager area is open: this page only, never stored (a reload locks it). */
  unlocked = $state(false);
  /** Goes up whenever another tab changes an assignment or report, so open lists read again. */
  revision = $state(0);

  #storage: StorageHealth;
  #roster: Roster;

  private constructor(storage: StorageHealth, roster: Roster) {
    this.#storage = storage;
    this.#roster = roster;
    storage.onRemoteChange((key) => void this.#reload(key));
  }

  /** Reads the manager PIN, moving one an earlier build kept in the device settings. */
  static async open(storage: StorageHealth, roster: Roster): Promise<ManagerStore> {
    const store = new ManagerStore(storage, roster);
    store.pin = (await storage.db.read('managerPin', PIN_KEY)) ?? null;
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
    const hash = await hashPin(pin);
    const saved = await this.#storage.write(() => this.#storage.db.update('managerPin', PIN_KEY, (current) => current ?? hash));
    if (!saved) return false;
    this.pin = saved;
    if (saved !== hash) return false;
    this.unlocked = true;
    return true;
  }

  /** Checks the manager PIN; the right one opens the manager area for this page session. */
  async checkPin(pin: string): Promise<boolean> {
    const stored = this.pin;
    const ok = !!stored && (await verifyPin(pin, stored));
    if (ok) this.unlocked = true;
    return ok;
  }

  /** Closes the manager area («Выйти», the learner side entered, idle). */
  lock(): void {
    this.unlocked = false;
  }

  /** Closes the manager area when the device has been idle longer than the idle-lock setting. */
  lockIfIdle(now = Date.now()): boolean {
    if (!this.unlocked || !this.#roster.idle(now)) return false;
    this.lock();
    return true;
  }

  /** Keeps an assignment the manager created, so the team table knows its modules and due date. */
  async saveAssignment(assignment: Assignment): Promise<boolean> {
    const plain = $state.snapshot(assignment);
    return (await this.#storage.write(() => this.#storage.db.update('managerAssignment', `${MANAGER_ASSIGNMENTS}${plain.id}`, () => plain))) !== undefined;
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

  /** Keeps imported reports on this device; returns how many were new (a re-import adds nothing). */
  async saveReports(reports: readonly Report[]): Promise<number> {
    let added = 0;
    const ok = await this.#storage.write(async () => {
      for (const report of reports) {
        const plain = $state.snapshot(report) as Report;
        await this.#storage.db.update('managerReport', reportKey(plain), (current) => {
          if (!current) added++;
          return !current || plain.createdAt >= current.createdAt ? plain : current;
        });
      }
      return true;
    });
    return ok ? added : 0;
  }

  /** Every report imported on this device. */
  async readReports(): Promise<Report[]> {
    const found: Report[] = [];
    for (const key of await this.#storage.db.keys(MANAGER_REPORTS)) {
      const r = await this.#storage.db.read('managerReport', key);
      if (r) found.push(r);
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
    return done === true;
  }

  /** Another tab changed a manager record: take its PIN, tell open lists to read again. */
  async #reload(key: string): Promise<void> {
    if (key === PIN_KEY) {
      const pin = await this.#storage.db.read('managerPin', PIN_KEY);
      if (pin) this.pin = pin;
    } else if (key.startsWith(MANAGER_ASSIGNMENTS) || key.startsWith(MANAGER_REPORTS)) this.revision++;
  }
}
