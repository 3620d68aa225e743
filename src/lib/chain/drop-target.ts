/**
 * Where a dragged card would land, from the pointer's position and the boxes of the zones and
 * cards as measured on screen. Pure, so the drag component keeps only coordinates and ids.
 */
import type { Zone } from './types.ts';

/** A zone as laid out on screen: its vertical extent and the vertical middles of its cards. */
export interface ZoneBox {
  zone: Zone;
  top: number;
  bottom: number;
  cards: { id: string; middle: number }[];
}

/** Where a drop would put the card: zone and index counted without the dragged card. */
export interface DropTarget {
  zone: Zone;
  index: number;
  /** The card the dragged one would be placed before, or null for the zone's end. */
  before: string | null;
}

/** The zone under the pointer, or the nearest one above or below it. */
function zoneAt(zones: readonly ZoneBox[], y: number): ZoneBox | undefined {
  let best: ZoneBox | undefined;
  let bestDistance = Infinity;
  for (const box of zones) {
    const distance = y < box.top ? box.top - y : y > box.bottom ? y - box.bottom : 0;
    if (distance < bestDistance) {
      best = box;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The drop target for a pointer at vertical position `y` while `dragged` is being moved: the
 * card goes before the first other card whose middle lies below the pointer.
 */
export function dropTarget(zones: readonly ZoneBox[], y: number, dragged: string): DropTarget | null {
  const box = zoneAt(zones, y);
  if (!box) return null;
  const others = box.cards.filter((c) => c.id !== dragged);
  const index = others.findIndex((c) => c.middle > y);
  return index === -1 ? { zone: box.zone, index: others.length, before: null } : { zone: box.zone, index, before: others[index]!.id };
}
