/**
 * Dragging a sorting card with any pointer (finger, pen, mouse): the card follows the pointer, the
 * bin under it is worked out by `binAt` from the measured boxes, and nothing moves until the card
 * is let go. Escape or a cancelled pointer puts it back. A press without a move stays a tap.
 * Held still near the window's edge, the card scrolls the page frame by frame (a finger sends no
 * moves while it rests), so a bin below the fold is reached whatever the number of cards.
 */
import { binAt, edgeScroll, type BinBox } from '$lib/sorting/sorting.ts';

/** A drag only starts past this distance, so a tap on a card stays a tap. */
const THRESHOLD = 8;

export class SortDrag {
  /** The card being dragged, once the pointer has moved past the threshold. */
  id = $state<string | null>(null);
  dx = $state(0);
  dy = $state(0);
  /** The bin (or the pile, as null) the card would land in; undefined over nothing. */
  target = $state<string | null | undefined>(undefined);

  #pending: { id: string; pointerId: number; x: number; y: number; scrollY: number } | null = null;
  /** Where the pointer is now, in the window. */
  #x = 0;
  #y = 0;
  /** The pending edge-scroll frame, or 0. */
  #frame = 0;
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
    this.#x = event.clientX;
    this.#y = event.clientY;
    this.#follow();
    if (!this.#frame && edgeScroll(this.#y, window.innerHeight) !== 0) this.#frame = requestAnimationFrame(this.#scroll);
  }

  /** Puts the card under the pointer (the page may have scrolled) and finds the bin there. */
  #follow(): void {
    const p = this.#pending;
    if (!p) return;
    this.dx = this.#x - p.x;
    this.dy = this.#y - p.y + (window.scrollY - p.scrollY);
    this.target = binAt(this.#measure(), this.#x, this.#y)?.bin;
  }

  /** One edge-scroll step; repeats every frame while the pointer stays at the edge and the page can move. */
  #scroll = (): void => {
    this.#frame = 0;
    if (!this.#pending || !this.id) return;
    const step = edgeScroll(this.#y, window.innerHeight);
    if (step === 0) return;
    const before = window.scrollY;
    window.scrollBy(0, step);
    if (window.scrollY === before) return;
    this.#follow();
    this.#frame = requestAnimationFrame(this.#scroll);
  };

  up(event: PointerEvent): void {
    if (!this.#pending || event.pointerId !== this.#pending.pointerId) return;
    const id = this.id;
    // The card lands where it is let go, not where the last move happened to be.
    const target = id ? binAt(this.#measure(), event.clientX, event.clientY)?.bin : undefined;
    this.#dragged = id !== null;
    this.cancel();
    if (id && target !== undefined) this.#drop(id, target);
  }

  /** Ends the drag without moving anything. */
  cancel(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
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
