/** Names of module ids as the manager area shows them (the course's titles, the final test, or an unknown id). */
import { courseIndex } from '$lib/course/course.ts';
import { FINAL_ID } from '$lib/exchange/types.ts';

/**
 * The title of a module id: the course module's title, `finalLabel` for the final test, or null
 * for an id this version of the course does not have.
 */
export function moduleTitle(id: string, finalLabel: string): string | null {
  if (id === FINAL_ID) return finalLabel;
  return courseIndex.modules.find((m) => m.id === id)?.title ?? null;
}

/** Module ids in course order (the final test last), for sorting the team table. */
export const MODULE_ORDER: readonly string[] = [...courseIndex.modules.map((m) => m.id), FINAL_ID];

/** The module's number in the course (1-based) for the grid's short column names, or null for the final test or an unknown id. */
export function moduleNumber(id: string): number | null {
  if (id === FINAL_ID) return null;
  const at = courseIndex.modules.findIndex((m) => m.id === id);
  return at >= 0 ? at + 1 : null;
}
