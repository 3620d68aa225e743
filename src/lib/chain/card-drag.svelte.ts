/**
 * Dragging a card with any pointer (finger, pen, mouse) through Pointer Events: the card follows
 * the pointer, the drop target is worked out from the measured boxes, and nothing moves in the
 * list until the card is let go. Escape or a cancelled pointer puts it back. A finger drags from
 * the grip at once, or from anywhere on the card after a long press; a plain swipe over a card
 * scrolls the page.
 */
import { dropTarget, type DropTarget, type ZoneBox } from '$lib/chain/drop-target.ts';

/** A drag only starts past this distance, so a tap on a card stays a tap. */
const THRESHOLD = 6;
/** Near the window's edge the page scrolls, so a long chain at 200 % zoom can still be dragged. */
const EDGE = 48;
/** A finger held this long on a card (not on its grip) picks it up. */
export const LONG_PRESS = 450;

export class CardDrag {
  /** The card being dragged, once the pointer has moved past the threshold. */
  id = $state<string | null>(null);
  dx = $state(0);
  dy = $state(0);
  target = $state<DropTarget | null>(null);

  /** The card a finger has held long enough (or by its grip): the page must not scroll now. */
  heldId = $state<string | null>(null);
  #pending: { id: string; pointerId: number; x: number; y: number; scrollY: number; element: Element } | null = null;
  #armed = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #measure: () => ZoneBox[];
  readonly #drop: (id: string, target: DropTarget) => void;

  /**
   * @param measure the zones and cards as laid out now (client coordinates)
   * @param drop called when a card is let go over a target
   */
  constructor(measure: () => ZoneBox[], drop: (id: string, target: DropTarget) => void) {
    this.#measure = measure;
    this.#drop = drop;
  }

  /**
   * A pointer went down on a card.
   * @param fromGrip true when it landed on the grip, which a finger may drag at once
   */
  down(event: PointerEvent, id: string, fromGrip = false): void {
    if (!event.isPrimary || event.button !== 0 || this.#pending) return;
    const element = event.currentTarget as Element;
    this.#pending = { id, pointerId: event.pointerId, x: event.clientX, y: event.clientY, scrollY: window.scrollY, element };
    if (event.pointerType !== 'touch' || fromGrip) this.#arm();
    else this.#timer = setTimeout(() => this.#arm(), LONG_PRESS);
  }

  #arm(): void {
    const p = this.#pending;
    if (!p) return;
    this.#armed = true;
    this.heldId = p.id;
    p.element.setPointerCapture?.(p.pointerId);
  }

  move(event: PointerEvent): void {
    const p = this.#pending;
    if (!p || event.pointerId !== p.pointerId) return;
    const dx = event.clientX - p.x;
    const dy = event.clientY - p.y + (window.scrollY - p.scrollY);
    if (!this.#armed) {
      // A finger that moves before the long press is over is scrolling, not dragging.
      if (Math.hypot(dx, dy) >= THRESHOLD) this.cancel();
      return;
    }
    if (!this.id && Math.hypot(dx, dy) < THRESHOLD) return;
    event.preventDefault();
    this.id = p.id;
    this.dx = dx;
    this.dy = dy;
    this.target = dropTarget(this.#measure(), event.clientY, p.id);
    if (event.clientY < EDGE) window.scrollBy(0, -12);
    else if (event.clientY > window.innerHeight - EDGE) window.scrollBy(0, 12);
  }

  up(event: PointerEvent): void {
    if (!this.#pending || event.pointerId !== this.#pending.pointerId) return;
    const { id, target } = this;
    this.cancel();
    if (id && target) this.#drop(id, target);
  }

  /** Ends the drag without moving anything. */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#armed = false;
    this.heldId = null;
    this.#pending = null;
    this.id = null;
    this.target = null;
    this.dx = 0;
    this.dy = 0;
  }

  /** True while a pointer is down on a card (before or during the drag). */
  get active(): boolean {
    return this.#pending !== null;
  }
}
