/**
 * Names a stored place (a hash route) for «Продолжить»: which step of the course it is.
 * Pure; unknown or stale places (content changed since) give null, so the button falls back.
 */
import { parsePlace } from '../routing/routing.ts';
import type { CourseIndex, ModuleEntry, StepRef } from './types.ts';

/** What a hash like `#/quiz/m1?q=3` points at in this course, if anything. */
export function locate(index: CourseIndex, hash: string | null): { step: StepRef | null; module: ModuleEntry | null } | null {
  const place = parsePlace(hash);
  if (!place) return null;
  const { kind, id } = place;
  if (kind === 'module') {
    const module = index.modules.find((m) => m.id === id);
    return module ? { step: null, module } : null;
  }
  const step = index.steps.find((s) => s.kind === kind && (kind === 'final' || s.id === id));
  if (!step) return null;
  return { step, module: index.modules.find((m) => m.id === step.moduleId) ?? null };
}
