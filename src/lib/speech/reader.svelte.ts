/**
 * Drives the browser's speech synthesis for one lesson with the device's Russian voice
 * (russian-voice.svelte.ts): speaks the queue one utterance at a time, pauses by cancelling and
 * resumes from the start of the interrupted utterance (engines' own pause is unreliable on
 * tablets). Fetched when the learner reaches for «Слушать», not with the lesson.
 */
import { nextReaderState, readingQueue, type QueueItem, type ReaderState } from './read-aloud.ts';
import type { RussianVoice } from './russian-voice.svelte.ts';

export class LessonReader {
  #queue: QueueItem[] = [];
  state = $state<ReaderState>({ status: 'idle' });
  /** The block (paragraph index) being read, or null. */
  current = $derived(this.state.status === 'playing' || this.state.status === 'paused' ? (this.#queue[this.state.at]?.block ?? null) : null);

  readonly #russian: RussianVoice;

  constructor(russian: RussianVoice) {
    this.#russian = russian;
  }

  get #synth(): SpeechSynthesis | null {
    return this.#russian.synth;
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

  /** Leaves the lesson: silence. */
  destroy(): void {
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
    const voice = this.#russian.voice;
    utterance.lang = voice?.lang ?? 'ru-RU';
    try {
      if (voice) utterance.voice = voice;
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
