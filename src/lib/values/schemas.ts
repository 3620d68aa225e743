/**
 * The valibot schemas of a person's name and a profile id, for records, files and links. Kept apart
 * from the rules themselves (./name.ts, ./profile-id.ts) so the first screen, which only checks a
 * typed name and makes an id, does not fetch valibot. Pure; no Svelte.
 */
import * as v from 'valibot';
import { cleanName, NAME_MAX, NAME_UNITS_MAX, nameProblem, type NameProblem } from './name.ts';
import { isProfileId } from './profile-id.ts';

const MESSAGES: Record<NameProblem, string> = {
  empty: 'must not be empty',
  'too-long': `must be at most ${NAME_MAX} characters`,
  forbidden: 'must not contain control, bidi-override or invisible format characters',
  invisible: 'must contain a visible letter, digit or sign',
};

/** The name schema every record, file and link uses: cleans, then checks. */
export const PersonNameSchema = v.pipe(
  v.string(),
  v.maxLength(NAME_UNITS_MAX * 2, `must be at most ${NAME_MAX} characters`),
  v.transform(cleanName),
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = nameProblem(dataset.value);
    if (problem) addIssue({ message: MESSAGES[problem] });
  }),
);

/** The schema of a profile id in a record, a file or a report. */
export const ProfileIdSchema = v.pipe(v.string(), v.check((id: string) => isProfileId(id), 'must be a profile id made by the course'));
