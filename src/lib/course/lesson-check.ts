/**
 * The check inside a lesson: one question with immediate feedback, not graded and not stored.
 * Authored in the lesson's frontmatter (`check:`), validated by the content schema.
 */

/** One option of the check, with what to tell the learner who picks it. */
export interface LessonCheckOption {
  text: string;
  /** Exactly one option is right. */
  right?: boolean;
  /** Why this option is right or not (Russian, one or two sentences). */
  why: string;
}

/** The check as authored. */
export interface LessonCheckData {
  prompt: string;
  options: LessonCheckOption[];
}

/** What the learner sees after picking option `index`: the verdict and the reason. */
export function checkFeedback(check: LessonCheckData, index: number | null): { right: boolean; why: string } | null {
  if (index === null) return null;
  const option = check.options[index];
  return option ? { right: option.right === true, why: option.why } : null;
}
