/**
 * How a next step is shown: its link and the words that name it (message keys of `home.next`).
 * Pure, so home, the module screens and the ends of lessons, exercises and quizzes word it alike.
 */
import type { CourseIndex } from '../course/types.ts';
import { links } from '../routing/routing.ts';
import type { NextStep } from './next-step.ts';

const href = {
  lesson: (id: string) => links.lesson(id),
  exercise: (id: string) => links.exercise(id),
  quiz: (id: string) => links.quiz(id),
  final: () => links.final,
  certificate: () => links.certificate,
  review: (moduleId: string) => links.review(moduleId),
};

/** A next step ready to draw. */
export interface ShownStep {
  href: string;
  /** `home.next.go.<go>`: the verb on the button. */
  go: 'lesson' | 'exercise' | 'quiz' | 'final' | 'certificate' | 'review';
  /** `home.next.<what>` with `values`: the step named in words. */
  what: 'lesson' | 'exercise' | 'quiz' | 'final' | 'certificate' | 'review';
  values: { title: string };
  /** The module the step belongs to (1-based number and title), if any. */
  module: { n: number; title: string } | null;
}

/**
 * Describes a next step. `resume` is the stored place (a hash); when it points inside the same
 * step (a quiz at question 3), the link goes back there instead of the step's start.
 */
export function describeNext(index: CourseIndex, next: NextStep, resume: string | null = null): ShownStep {
  if (next.kind === 'certificate') return { href: href.certificate(), go: 'certificate', what: 'certificate', values: { title: '' }, module: null };
  if (next.kind === 'review') {
    const module = index.modules.find((m) => m.id === next.moduleId);
    return { href: href.review(next.moduleId), go: 'review', what: 'review', values: { title: module?.title ?? '' }, module: module ? { n: module.index, title: module.title } : null };
  }
  const { step } = next;
  const module = index.modules.find((m) => m.id === step.moduleId) ?? null;
  const start = href[step.kind](step.id);
  const here = resume && (resume === start || resume.startsWith(`${start}?`)) ? resume : start;
  return { href: here, go: step.kind, what: step.kind, values: { title: step.title }, module: module ? { n: module.index, title: module.title } : null };
}
