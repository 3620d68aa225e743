/**
 * The roster's changes that only the profile, settings, manager and import screens make: renaming
 * or removing a learner, their PIN, the idle time, a whole profile from elsewhere, the legacy
 * manager PIN. The roster (roster.svelte.ts) offers them as its own methods and fetches this module
 * with the first of them, so a learner's lesson never loads it. Same rules as the roster: a shared
 * record is changed field by field under its lock, never by writing back this tab's copy.
 */
import { cleanName, nameProblem } from '../values/name.ts';
import { DEFAULT_SETTINGS, type Profile } from './records.ts';
import { pinCode, profileKey, SETTINGS_KEY, type ProfileChange, type Roster, type RosterDesk } from './roster.svelte.ts';

/** Saves a whole profile record (an import, the LMS learner), keeping the roster in step. */
export async function saveProfile(desk: RosterDesk, profile: Profile): Promise<boolean> {
  const plain = $state.snapshot(profile);
  const saved = await desk.storage.write(() => desk.storage.db.update('profile', profileKey(plain.id), () => plain));
  // Only a profile that really landed joins the roster; a refused write must not show a ghost.
  if (saved) desk.keep(saved);
  return !!saved;
}

/** Adds a learner made elsewhere (a backup's) unless the device has them already: what is stored is never replaced. */
export async function addProfile(desk: RosterDesk, profile: Profile): Promise<'added' | 'exists' | 'failed'> {
  const plain = $state.snapshot(profile);
  let existed = false;
  const saved = await desk.storage.write(() =>
    desk.storage.db.update('profile', profileKey(plain.id), (current) => {
      existed = !!current;
      return current ?? plain;
    }),
  );
  if (!saved) return 'failed';
  desk.keep(saved);
  return existed ? 'exists' : 'added';
}

/** Checks a learner's own PIN, when they have one (renaming or removing a profile asks it again). */
async function ownPin(profile: Profile, pin: string | undefined): Promise<ProfileChange | null> {
  if (!profile.pin) return null;
  if (!pin) return 'pin-required';
  return (await (await pinCode()).verifyPin(pin, profile.pin)) ? null : 'wrong-pin';
}

/** Changes some fields of a stored profile (as stored now, not as this tab last saw it). */
async function change(desk: RosterDesk, profile: Profile, fields: Partial<Profile>): Promise<ProfileChange> {
  const saved = await desk.storage.write(() =>
    desk.storage.db.update('profile', profileKey(profile.id), (current) => ({ ...(current ?? $state.snapshot(profile)), ...fields })),
  );
  if (!saved) return 'failed';
  desk.keep(saved);
  return 'ok';
}

/** A learner renames their own profile (their PIN asked when they have one); the one name rule applies. */
export async function renameProfile(roster: Roster, desk: RosterDesk, id: string, name: string, pin?: string): Promise<ProfileChange> {
  const profile = roster.profiles.find((p) => p.id === id);
  if (!profile) return 'unknown';
  const problem = nameProblem(name);
  if (problem === 'empty' || problem === 'too-long') return 'bad-name';
  if (problem) return 'name-forbidden';
  return (await ownPin(profile, pin)) ?? change(desk, profile, { name: cleanName(name) });
}

/** A learner removes their own profile and everything stored for them here; signed out first when current. */
export async function removeProfile(roster: Roster, desk: RosterDesk, id: string, pin?: string): Promise<ProfileChange> {
  const profile = roster.profiles.find((p) => p.id === id);
  if (!profile) return 'unknown';
  const refused = await ownPin(profile, pin);
  if (refused) return refused;
  if (roster.settings.currentProfileId === id) roster.lock();
  const { db } = desk.storage;
  const done = await desk.storage.write(async () => {
    for (const key of await db.keys(`learner/${id}/`)) await db.remove(key);
    await db.remove(profileKey(id));
    return true;
  });
  if (!done) return 'failed';
  roster.profiles = roster.profiles.filter((p) => p.id !== id);
  return 'ok';
}

/** Clears a learner's forgotten PIN (the manager's doing: the caller checks the manager area is open). */
export async function resetPin(roster: Roster, desk: RosterDesk, id: string): Promise<ProfileChange> {
  const profile = roster.profiles.find((p) => p.id === id);
  return profile ? change(desk, profile, { pin: null }) : 'unknown';
}

/** A learner sets (or, with null, clears) their own PIN while signed in. */
export async function setOwnPin(roster: Roster, desk: RosterDesk, id: string, pin: string | null): Promise<ProfileChange> {
  const profile = roster.profiles.find((p) => p.id === id);
  if (!profile || roster.learner?.id !== id) return 'unknown';
  return change(desk, profile, { pin: pin ? await (await pinCode()).hashPin(pin) : null });
}

/** Changes the idle time (minutes) for this device: 1 to 240. */
export async function setIdleMinutes(roster: Roster, desk: RosterDesk, minutes: number): Promise<void> {
  const idleMinutes = Math.min(240, Math.max(1, Math.round(minutes)));
  roster.settings.idleMinutes = idleMinutes;
  await desk.patch(() => ({ idleMinutes }));
}

/** Removes the manager PIN an earlier build kept in settings (once it is safe in its own record). */
export async function dropLegacyManagerPin(roster: Roster, desk: RosterDesk): Promise<void> {
  await desk.storage.write(() => desk.storage.db.update('settings', SETTINGS_KEY, (current) => ({ ...DEFAULT_SETTINGS, ...current, managerPin: null })));
  roster.legacyManagerPin = null;
}
