/**
 * Reading a lesson aloud, the pure part: what to read (the blocks of the text, long ones cut at
 * sentence ends so no engine truncates them) and the reader's state machine (play, pause, resume,
 * stop, an utterance ended). No DOM, no speechSynthesis here; which voice speaks Russian is
 * russian-voice.svelte.ts's.
 */

/** One utterance: the text and the block (paragraph) it belongs to. */
export interface QueueItem {
  /** Index of the block in the lesson, to highlight it while it is read. */
  block: number;
  text: string;
}

/** Some engines stop reading long utterances after ~15 s: keep each under this many characters. */
export const MAX_UTTERANCE = 220;

/** Collapses whitespace (line breaks inside a paragraph, non-breaking spaces) to single spaces. */
export function speakable(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Cuts a text into pieces of at most `max` characters, at sentence ends, else at spaces. */
export function splitText(text: string, max = MAX_UTTERANCE): string[] {
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["»”)]*\s*|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  const pieces: string[] = [];
  let current = '';
  const push = (s: string) => {
    if (s) pieces.push(s);
  };
  for (const sentence of sentences) {
    if (sentence.length > max) {
      push(current);
      current = '';
      let rest = sentence;
      while (rest.length > max) {
        const cut = rest.lastIndexOf(' ', max);
        const at = cut > 0 ? cut : max;
        push(rest.slice(0, at).trim());
        rest = rest.slice(at).trim();
      }
      current = rest;
    } else if (current && current.length + 1 + sentence.length > max) {
      push(current);
      current = sentence;
    } else {
      current = current ? `${current} ${sentence}` : sentence;
    }
  }
  push(current);
  return pieces;
}

/** The queue of utterances for the blocks of a lesson, in order; empty blocks are skipped. */
export function readingQueue(blocks: readonly string[], max = MAX_UTTERANCE): QueueItem[] {
  return blocks.flatMap((raw, block) => splitText(speakable(raw), max).map((text) => ({ block, text })));
}

/** Where the reader is. `at` is the queue index being read (or to resume from). */
export type ReaderState = { status: 'idle' } | { status: 'playing'; at: number } | { status: 'paused'; at: number } | { status: 'finished' };

export type ReaderEvent = { type: 'play' } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' } | { type: 'ended'; at: number };

/**
 * The next state. `ended` of an utterance that is not the current one (a stale event after a
 * pause or a stop) changes nothing; the last utterance ending finishes the reading.
 */
export function nextReaderState(state: ReaderState, event: ReaderEvent, length: number): ReaderState {
  switch (event.type) {
    case 'play':
      return length > 0 ? { status: 'playing', at: 0 } : { status: 'finished' };
    case 'pause':
      return state.status === 'playing' ? { status: 'paused', at: state.at } : state;
    case 'resume':
      return state.status === 'paused' ? { status: 'playing', at: state.at } : state;
    case 'stop':
      return { status: 'idle' };
    case 'ended':
      if (state.status !== 'playing' || state.at !== event.at) return state;
      return state.at + 1 < length ? { status: 'playing', at: state.at + 1 } : { status: 'finished' };
  }
}
