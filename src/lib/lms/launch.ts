/**
 * What the LMS says about this launch, read right after Initialize: is it a new attempt or a
 * resumed one (`entry`), does anything count (`lesson_mode` / `mode`, `credit`), which pass mark
 * the LMS wants (`mastery_score` / `scaled_passing_score`), and what status it holds now. Pure:
 * it is given the LMS's GetValue.
 */
import type { ScormVersion } from './package-meta.ts';

export interface LaunchData {
  /** `resume`: the learner left this attempt suspended; anything else is a new attempt (or one without suspend). */
  entry: 'ab-initio' | 'resume' | '';
  /** `browse` and `review` never change the status; `normal` is an ordinary attempt. */
  mode: 'normal' | 'browse' | 'review';
  /** False for `no-credit`: the attempt does not count, so no status or score is set. */
  credit: boolean;
  /** The LMS's pass mark, 0..100, or null when it gives none (then the course's own applies). */
  passMark: number | null;
  /** The status the LMS holds: 1.2 `lesson_status`, 2004 `completion_status`. */
  status: string;
}

/** The elements each version reads at launch. */
export const LAUNCH_ELEMENTS = {
  '1.2': { entry: 'cmi.core.entry', mode: 'cmi.core.lesson_mode', credit: 'cmi.core.credit', passMark: 'cmi.student_data.mastery_score', status: 'cmi.core.lesson_status' },
  '2004': { entry: 'cmi.entry', mode: 'cmi.mode', credit: 'cmi.credit', passMark: 'cmi.scaled_passing_score', status: 'cmi.completion_status' },
} as const;

/**
 * Reads the launch data. Missing or odd values fall back to what the specs say an LMS means by
 * silence: normal mode, credit, no pass mark of its own.
 */
export function readLaunch(version: ScormVersion, get: (element: string) => string): LaunchData {
  const e = LAUNCH_ELEMENTS[version];
  const entry = get(e.entry).trim();
  const mode = get(e.mode).trim();
  const raw = get(e.passMark).trim();
  const number = raw === '' ? NaN : Number(raw);
  let passMark: number | null = null;
  if (Number.isFinite(number)) {
    // 1.2: 0..100. 2004: −1..1, scaled; a negative pass mark is passed by any score.
    passMark = version === '1.2' ? (number >= 0 && number <= 100 ? number : null) : number >= -1 && number <= 1 ? Math.max(0, number) * 100 : null;
  }
  return {
    entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
    mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
    credit: get(e.credit).trim() !== 'no-credit',
    passMark: passMark === null ? null : Math.round(passMark * 100) / 100,
    status: get(e.status).trim(),
  };
}

/** Whether anything of this launch is reported: browse and review never change the LMS's record. */
export const reportsProgress = (launch: LaunchData) => launch.mode === 'normal';

/** Whether status and score are sent: a normal attempt for credit. */
export const setsStatus = (launch: LaunchData) => reportsProgress(launch) && launch.credit;

/** True while the LMS shows no status at all: the course sets `incomplete` at once. */
export const lmsHasNoStatus = (launch: LaunchData) => ['', 'not attempted', 'unknown'].includes(launch.status);

/** A normal launch for credit with no pass mark of the LMS's own: what a test double starts with. */
export const ORDINARY_LAUNCH: LaunchData = { entry: '', mode: 'normal', credit: true, passMark: null, status: '' };
