/**
 * Dragging a sorting card with any pointer (finger, pen, mouse): the card follows the pointer, the
 * bin under it is worked out by `binAt` from the measured boxes, and nothing moves until the card
 * is let go. Escape or a cancelled pointer puts it back. A press without a move stays a tap.
 */
import { binAt, type BinBox } from '$lib/sorting/sorting.ts';

/** A drag only starts past this distance, so a tap on a card stays a tap. */
const THRESHOLD = 8;
/** Near the window's edge the page scrolls, so a bin below the fold can be reached. */
const EDGE = 48;

export class SortDrag {
  /** The card being dragged, once the pointer has moved past the threshold. */
  id = $state<string | null>(null);
  dx = $state(0);
  dy = $state(0);
  /** The bin (or the pile, as null) the card would land in; undefined over nothing. */
  target = $state<string | null | undefined>(undefined);

  #pending: { id: string; pointerId: number; x: number; y: number; scrollY: number } | null = null;
  /** Set when a drag ends, so the click that follows the pointerup is not taken for a tap. */
  #dragged = false;
  readonly #measure: () => BinBox[];
  readonly #drop: (id: string, bin: string | null) => void;

  constructor(measure: () => BinBox[], drop: (id: string, bin: string | null) => void) {
    this.#measure = measure;
    this.#drop = drop;
  }

  down(event: PointerEvent, id: string): void {
    if (!event.isPrimary || event.button !== 0 || this.#pending) return;
    this.#dragged = false;
    this.#pending = { id, pointerId: event.pointerId, x: event.clientX, y: event.clientY, scrollY: window.scrollY };
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
  }

  move(event: PointerEvent): void {
    const p = this.#pending;
    if (!p || event.pointerId !== p.pointerId) return;
    const dx = event.clientX - p.x;
    const dy = event.clientY - p.y + (window.scrollY - p.scrollY);
    if (!this.id && Math.hypot(dx, dy) < THRESHOLD) return;
    event.preventDefault();
    this.id = p.id;
    this.dx = dx;
    this.dy = dy;
    this.target = binAt(this.#measure(), event.clientX, event.clientY)?.bin;
    if (event.clientY < EDGE) window.scrollBy(0, -12);
    else if (event.clientY > window.innerHeight - EDGE) window.scrollBy(0, 12);
  }

  up(event: PointerEvent): void {
    if (!this.#pending || event.pointerId !== this.#pending.pointerId) return;
    const { id, target } = this;
    this.#dragged = id !== null;
    this.cancel();
    if (id && target !== undefined) this.#drop(id, target);
  }

  /** Ends the drag without moving anything. */
  cancel(): void {
    this.#pending = null;
    this.id = null;
    this.target = undefined;
    this.dx = 0;
    this.dy = 0;
  }

  /** True once for the click that ends a drag: that click is not a tap. */
  consumeDrag(): boolean {
    const was = this.#dragged;
    this.#dragged = false;
    return was;
  }
}
