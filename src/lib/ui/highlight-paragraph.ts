/**
 * Svelte action: when a lesson is opened from a quiz's «Перечитать» link (`?p=p3`), scroll to that
 * paragraph, move focus there for screen readers, and mark it so sighted learners see it.
 */
export function highlightParagraph(node: HTMLElement, id: string | null): { update(id: string | null): void } {
  const show = (target: string | null) => {
    node.querySelectorAll('.is-target').forEach((el) => el.classList.remove('is-target'));
    if (!target) return;
    const el = node.querySelector<HTMLElement>(`#${CSS.escape(target)}`);
    if (!el) return;
    el.classList.add('is-target');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  };
  show(id);
  return { update: show };
}
