/**
 * Drives the browser's speech synthesis for one lesson: finds a Russian voice (and keeps looking
 * as voices arrive), speaks the queue one utterance at a time, pauses by cancelling and resumes
 * from the start of the interrupted utterance (engines' own pause is unreliable on tablets).
 */
import { nextReaderState, pickRussianVoice, readingQueue, type QueueItem, type ReaderState } from './read-aloud.ts';

export class LessonReader {
  #queue: QueueItem[] = [];
  /** True when this device can speak Russian: otherwise «Слушать» is not offered. */
  available = $state(false);
  state = $state<ReaderState>({ status: 'idle' });
  /** The block (paragraph index) being read, or null. */
  current = $derived(this.state.status === 'playing' || this.state.status === 'paused' ? (this.#queue[this.state.at]?.block ?? null) : null);

  #voice: SpeechSynthesisVoice | null = null;
  readonly #synth: SpeechSynthesis | null;
  readonly #onVoices = () => this.#findVoice();

  constructor() {
    this.#synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
    this.#synth?.addEventListener?.('voiceschanged', this.#onVoices);
    this.#findVoice();
  }

  #findVoice(): void {
    this.#voice = this.#synth ? pickRussianVoice(this.#synth.getVoices()) : null;
    this.available = this.#voice !== null;
  }

  /** Starts reading the given blocks (paragraph texts) from the first. */
  play(blocks: readonly string[]): void {
    this.#synth?.cancel();
    this.#queue = readingQueue(blocks);
    this.#go({ type: 'play' });
  }

  pause(): void {
    this.#go({ type: 'pause' });
  }

  resume(): void {
    this.#go({ type: 'resume' });
  }

  stop(): void {
    this.#go({ type: 'stop' });
  }

  /** Leaves the lesson: silence, and no more listening for voices. */
  destroy(): void {
    this.#synth?.removeEventListener?.('voiceschanged', this.#onVoices);
    this.#synth?.cancel();
  }

  #go(event: Parameters<typeof nextReaderState>[1]): void {
    const before = this.state;
    const after = nextReaderState(before, event, this.#queue.length);
    if (after === before) return;
    this.state = after;
    if (after.status === 'playing') this.#speak(after.at);
    else this.#synth?.cancel();
  }

  #speak(at: number): void {
    const item = this.#queue[at];
    if (!this.#synth || !item) return;
    this.#synth.cancel();
    const utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = this.#voice?.lang ?? 'ru-RU';
    try {
      if (this.#voice) utterance.voice = this.#voice;
    } catch {
      // Some engines refuse a voice object they did not make: the language alone then picks one.
    }
    // An end after a pause, a stop or a newer utterance is stale: the state machine ignores it.
    utterance.onend = () => this.#go({ type: 'ended', at });
    utterance.onerror = (e) => {
      if (e.error !== 'interrupted' && e.error !== 'canceled') this.#go({ type: 'ended', at });
    };
    this.#synth.speak(utterance);
  }
}
