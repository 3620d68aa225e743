/**
 * Names a stored place (a hash route) for «Продолжить»: which step of the course it is.
 * Pure; unknown or stale places (content changed since) give null, so the button falls back.
 */
import type { CourseIndex, ModuleEntry, StepRef } from './types.ts';

/** What a hash like `#/quiz/m1?q=3` points at in this course, if anything. */
export function locate(index: CourseIndex, hash: string | null): { step: StepRef | null; module: ModuleEntry | null } | null {
  if (!hash) return null;
  const match = /^#\/(lesson|module|exercise|quiz|final)(?:\/([^/?]+))?/.exec(hash);
  if (!match) return null;
  const [, kind, rawId] = match;
  let id: string | undefined;
  try {
    id = rawId ? decodeURIComponent(rawId) : undefined;
  } catch {
    return null;
  }
  if (kind === 'module') {
    const module = index.modules.find((m) => m.id === id);
    return module ? { step: null, module } : null;
  }
  const step = index.steps.find((s) => s.kind === kind && (kind === 'final' || s.id === id));
  if (!step) return null;
  return { step, module: index.modules.find((m) => m.id === step.moduleId) ?? null };
}
