import { describe, expect, it } from 'vitest';
import { nextReaderState, readingQueue, speakable, splitText, type ReaderState } from './read-aloud.ts';
import { pickRussianVoice } from './russian-voice.svelte.ts';

describe('speakable', () => {
  it('collapses line breaks and non-breaking spaces', () => {
    expect(speakable('  Повар,\n в\u00a0свою очередь ')).toBe('Повар, в свою очередь');
  });
});

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('Одно. Два.', 50)).toEqual(['Одно. Два.']);
  });
  it('cuts at sentence ends, joining sentences up to the limit', () => {
    expect(splitText('Первое предложение. Второе предложение! Третье?', 40)).toEqual(['Первое предложение. Второе предложение!', 'Третье?']);
  });
  it('cuts an over-long sentence at spaces, never inside a word', () => {
    const pieces = splitText('слово '.repeat(20).trim(), 30);
    expect(pieces.every((p) => p.length <= 30)).toBe(true);
    expect(pieces.join(' ')).toBe('слово '.repeat(20).trim());
  });
  it('gives nothing for an empty text', () => {
    expect(splitText('')).toEqual([]);
  });
});

describe('readingQueue', () => {
  it('numbers utterances by their block and skips empty blocks', () => {
    expect(readingQueue(['Склад.', '  ', 'Повар. Официант.'], 10)).toEqual([
      { block: 0, text: 'Склад.' },
      { block: 2, text: 'Повар.' },
      { block: 2, text: 'Официант.' },
    ]);
  });
});

describe('pickRussianVoice', () => {
  const v = (lang: string, name: string, localService = true) => ({ lang, name, localService });
  it('prefers an on-device ru-RU voice', () => {
    expect(pickRussianVoice([v('en-US', 'A'), v('ru-RU', 'Net', false), v('ru', 'Short'), v('ru-RU', 'Local')])?.name).toBe('Local');
    expect(pickRussianVoice([v('en-US', 'A'), v('ru_RU', 'Underscore')])?.name).toBe('Underscore');
  });
  it('is null without a Russian voice (the button stays hidden)', () => {
    expect(pickRussianVoice([v('en-US', 'A'), v('uk-UA', 'B'), v('rue', 'C')])).toBeNull();
    expect(pickRussianVoice([])).toBeNull();
  });
});

describe('nextReaderState', () => {
  const idle: ReaderState = { status: 'idle' };
  it('plays from the start and walks the queue to the end', () => {
    let s = nextReaderState(idle, { type: 'play' }, 2);
    expect(s).toEqual({ status: 'playing', at: 0 });
    s = nextReaderState(s, { type: 'ended', at: 0 }, 2);
    expect(s).toEqual({ status: 'playing', at: 1 });
    s = nextReaderState(s, { type: 'ended', at: 1 }, 2);
    expect(s).toEqual({ status: 'finished' });
  });
  it('pauses and resumes at the same utterance', () => {
    const paused = nextReaderState({ status: 'playing', at: 3 }, { type: 'pause' }, 5);
    expect(paused).toEqual({ status: 'paused', at: 3 });
    expect(nextReaderState(paused, { type: 'resume' }, 5)).toEqual({ status: 'playing', at: 3 });
  });
  it('ignores a stale end (after a pause, or of another utterance)', () => {
    const paused: ReaderState = { status: 'paused', at: 1 };
    expect(nextReaderState(paused, { type: 'ended', at: 1 }, 5)).toBe(paused);
    const playing: ReaderState = { status: 'playing', at: 2 };
    expect(nextReaderState(playing, { type: 'ended', at: 1 }, 5)).toBe(playing);
  });
  it('stops from anywhere, and an empty queue finishes at once', () => {
    expect(nextReaderState({ status: 'paused', at: 1 }, { type: 'stop' }, 5)).toEqual(idle);
    expect(nextReaderState(idle, { type: 'play' }, 0)).toEqual({ status: 'finished' });
    expect(nextReaderState(idle, { type: 'pause' }, 3)).toBe(idle);
    expect(nextReaderState(idle, { type: 'resume' }, 3)).toBe(idle);
  });
});
