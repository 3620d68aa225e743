/**
 * The steps of loading a backup into this device: read the file, check it, show what will change,
 * and merge only when the learner confirms. Any refused file ends in an error and changes nothing.
 * Talks to the stores only through their public methods.
 */
import { MAX_BACKUP_BYTES, parseBackup, previewImport, profileFromBackup, type Backup, type BackupError, type ImportPreview } from '$lib/progress/backup.ts';
import type { LearnerProgress } from '$lib/progress/learner.svelte.ts';
import { hashPin, isValidPin } from '$lib/progress/pin.ts';
import type { Roster } from '$lib/progress/roster.svelte.ts';
import type { StorageHealth } from '$lib/progress/storage-health.svelte.ts';

/** Where the import stands. */
export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'error'; error: BackupError | 'unreadable'; detail: string }
  /** The backup belongs to a PIN-protected learner here who is not the one signed in. */
  | { kind: 'pin-required'; name: string }
  | { kind: 'preview'; backup: Backup; preview: ImportPreview; sameName: boolean }
  | { kind: 'importing'; name: string }
  | { kind: 'done'; name: string; isNew: boolean }
  | { kind: 'save-failed' };

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('ru') === b.trim().toLocaleLowerCase('ru');

export class BackupImport {
  /** The current step; the panel draws it. Raw: the backup inside goes to storage as it is, not as a proxy. */
  phase = $state.raw<ImportPhase>({ kind: 'idle' });
  #roster: Roster;
  #progress: LearnerProgress;
  #storage: StorageHealth;

  constructor(stores: { roster: Roster; progress: LearnerProgress; storage: StorageHealth }) {
    this.#roster = stores.roster;
    this.#progress = stores.progress;
    this.#storage = stores.storage;
  }

  /** Reads and checks a chosen file, then shows the preview (or why it cannot be loaded). */
  async choose(file: File | null | undefined): Promise<void> {
    if (!file) return;
    // Refused before reading: a huge file is not read into memory at all.
    if (file.size > MAX_BACKUP_BYTES) {
      this.phase = { kind: 'error', error: 'too-large', detail: `${file.size} bytes` };
      return;
    }
    this.phase = { kind: 'reading' };
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.phase = { kind: 'error', error: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
      return;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      this.phase = { kind: 'error', error: parsed.error, detail: parsed.detail };
      return;
    }
    await this.#preview(parsed.backup);
  }

  /**
   * Merges the previewed backup: creates the learner if new (with `pin`, a new PIN chosen here, when
   * they had one on the other device: the file carries none), then keeps the best of both.
   */
  async confirm(pin: string | null = null): Promise<void> {
    if (this.phase.kind !== 'preview') return;
    const { backup, preview } = this.phase;
    if (preview.needsNewPin && (!pin || !isValidPin(pin))) return;
    // Checked again: another tab may have added or protected this learner since the preview.
    const here = this.#target(backup);
    if (here === 'pin-required') return;
    this.phase = { kind: 'importing', name: backup.profile.name };
    if (!here) {
      // The PIN chosen here protects the restored learner (the file carries none).
      const hash = preview.needsNewPin && pin ? await hashPin(pin) : null;
      const added = await this.#roster.addProfile(profileFromBackup(backup, Date.now(), hash));
      if (this.#failed()) return;
      if (added === 'failed') return void (this.phase = { kind: 'save-failed' });
      // Another tab added them meanwhile: theirs stays, and a protected one needs their PIN.
      if (added === 'exists' && this.#target(backup) === 'pin-required') return;
    }
    await this.#progress.mergeInto(backup.profile.id, { lessons: backup.lessons, activities: backup.activities, meta: backup.meta });
    if (this.#failed()) return;
    this.phase = { kind: 'done', name: here?.name ?? backup.profile.name, isNew: !here };
  }

  /** Drops the preview or message; nothing is changed. */
  reset(): void {
    this.phase = { kind: 'idle' };
  }

  async #preview(backup: Backup): Promise<void> {
    const here = this.#target(backup);
    if (here === 'pin-required') return;
    const existing = here ? await this.#progress.readLearner(here.id) : { lessons: [], activities: [] };
    this.phase = {
      kind: 'preview',
      backup,
      preview: previewImport(backup, { profile: here, lessons: existing.lessons, activities: existing.activities }),
      sameName: !here && this.#roster.profiles.some((p) => sameName(p.name, backup.profile.name)),
    };
  }

  /** The learner here who receives the backup; a PIN-protected one must be the one signed in. */
  #target(backup: Backup) {
    const here = this.#roster.profiles.find((p) => p.id === backup.profile.id);
    if (here?.pin && this.#roster.learner?.id !== here.id) {
      this.phase = { kind: 'pin-required', name: here.name };
      return 'pin-required' as const;
    }
    return here;
  }

  /** True (and says so) when the store could not write; a memory-only store is not a failure. */
  #failed(): boolean {
    if (this.#storage.problem !== 'quota' && this.#storage.problem !== 'write-failed') return false;
    this.phase = { kind: 'save-failed' };
    return true;
  }
}
