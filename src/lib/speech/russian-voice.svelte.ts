/**
 * Whether this device speaks Russian: the best Russian voice of the browser's speech synthesis,
 * looked for again as voices arrive (engines list them late). Light, so the lesson screen offers
 * «Слушать» at once; the reader itself (reader.svelte.ts) is fetched when the learner reaches for
 * the button.
 */

/** What the reader needs to know of a voice (a subset of SpeechSynthesisVoice). */
export interface VoiceInfo {
  lang: string;
  name: string;
  localService?: boolean;
  default?: boolean;
}

/** The best Russian voice: ru-RU before other ru-*, on-device before network ones; null when none. */
export function pickRussianVoice<V extends VoiceInfo>(voices: readonly V[]): V | null {
  const russian = voices.filter((v) => /^ru(?:[-_]|$)/i.test(v.lang));
  const rank = (v: V) => (/^ru[-_]ru$/i.test(v.lang) ? 0 : 2) + (v.localService === false ? 1 : 0);
  return [...russian].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** The device's Russian voice, kept up to date while a lesson is open. */
export class RussianVoice {
  /** The voice to read with; null when the device has none (then «Слушать» is not offered). */
  voice = $state.raw<SpeechSynthesisVoice | null>(null);
  /** The browser's speech synthesis, or null where there is none. */
  readonly synth: SpeechSynthesis | null;
  readonly #onVoices = () => this.#find();

  constructor(scope: Partial<Pick<Window, 'speechSynthesis'>> = typeof window === 'undefined' ? {} : window) {
    this.synth = scope.speechSynthesis ?? null;
    this.synth?.addEventListener?.('voiceschanged', this.#onVoices);
    this.#find();
  }

  #find(): void {
    this.voice = this.synth ? pickRussianVoice(this.synth.getVoices()) : null;
  }

  /** Stops listening for voices (the lesson was left). */
  destroy(): void {
    this.synth?.removeEventListener?.('voiceschanged', this.#onVoices);
  }
}
