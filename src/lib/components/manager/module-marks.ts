/** Short column names of the person × module grid: «М1», «М2»… in course order, and the final test. */
import { courseIndex } from '$lib/course/course.ts';
import { FINAL_ID } from '$lib/exchange/types.ts';

/** The module's number in the course (1-based), or null for the final test or an unknown id. */
export function moduleNumber(id: string): number | null {
  if (id === FINAL_ID) return null;
  const at = courseIndex.modules.findIndex((m) => m.id === id);
  return at >= 0 ? at + 1 : null;
}
