/**
 * The one rule for a person's name, wherever it enters: the new-learner form, a backup file, an
 * assignment or report link, an LMS. A name is trimmed and NFC-normalised; it may hold any letters,
 * digits, punctuation, symbols and spaces, but no character that hides, reorders or fakes text
 * (controls, bidi embeddings/overrides/isolates, zero-width and other format characters, lone
 * surrogates, line separators), it must show something visible, and it is at most `NAME_MAX`
 * visible characters long. `<script>` in a name is kept verbatim: names are data, rendered as text.
 * Pure; no Svelte, no valibot: the first screen checks names with it (the record schema is in
 * ./schemas.ts).
 */
/** Most visible characters (grapheme clusters) in a name. */
export const NAME_MAX = 80;
/** Hard cap in UTF-16 units (a grapheme may take several: accents, emoji). */
export const NAME_UNITS_MAX = 4 * NAME_MAX;

/**
 * Characters a name never holds: C0/C1 controls (Cc, incl. tab and newline), format characters (Cf:
 * bidi marks/embeddings/overrides/isolates U+200E–U+200F, U+202A–U+202E, U+2066–U+2069, zero-width
 * U+200B–U+200D, U+2060, U+FEFF, soft hyphen…), lone surrogates (Cs), private use (Co),
 * line/paragraph separators (Zl, Zp).
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;
/** A zero-width joiner inside an emoji sequence (👩‍🍳) is part of the picture, not a hidden character. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\p{M}*)\u200D(?=\p{Extended_Pictographic})/gu;
/** Letters that render as nothing (Hangul fillers, braille blank) do not count as something visible. */
const BLANK_LOOKING = /[\u115F\u1160\u3164\uFFA0\u2800\u034F]/gu;
/** Something a reader can see: a letter, digit, punctuation or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * True when text holds a character that hides, reorders or fakes text (the name rule's forbidden
 * set). With `lines`, `\n` and `\t` are allowed (free text such as a note).
 */
export function hasHiddenCharacter(text: string, { lines = false }: { lines?: boolean } = {}): boolean {
  const rest = text.replace(EMOJI_JOINER, '');
  return FORBIDDEN.test(lines ? rest.replace(/[\n\t]/g, ' ') : rest);
}

/** Why a name is refused, as the forms say it. */
export type NameProblem = 'empty' | 'too-long' | 'forbidden' | 'invisible';

/** The name as it is kept: trimmed and NFC. Say nothing about validity (see `nameProblem`). */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').trim();
}

let segmenter: Intl.Segmenter | undefined;
/** Visible length: grapheme clusters (an accented letter or an emoji counts once). */
export function visibleLength(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** What is wrong with a name (after cleaning), or null when it may be kept. */
export function nameProblem(raw: string): NameProblem | null {
  const name = cleanName(raw);
  if (name === '') return 'empty';
  if (name.length > NAME_UNITS_MAX || visibleLength(name) > NAME_MAX) return 'too-long';
  if (hasHiddenCharacter(name)) return 'forbidden';
  if (!VISIBLE.test(name.replace(BLANK_LOOKING, ''))) return 'invisible';
  return null;
}

/** True for a name that may be kept as it is (already clean). */
export const isCleanName = (name: string): boolean => cleanName(name) === name && nameProblem(name) === null;

/**
 * A name made fit to keep from text that is not under our control (an LMS, a profile saved by an
 * older version): forbidden characters become spaces, runs of spaces one, cut to the limit;
 * `fallback` when nothing visible is left.
 */
export function fitName(raw: string, fallback: string): string {
  // Emoji joiners (👩‍🍳) are kept: they are part of a picture, not hidden characters.
  const visible = raw
    .normalize('NFC')
    .split(EMOJI_JOINER)
    .map((part) => part.replace(new RegExp(FORBIDDEN.source, 'gu'), ' '))
    .join('\u200D');
  let name = cleanName(visible.replace(/\s+/gu, ' '));
  if (name.length > NAME_UNITS_MAX || visibleLength(name) > NAME_MAX) {
    // Whole visible characters only, within both limits (an emoji is never cut in half).
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let cut = '';
    let count = 0;
    for (const { segment } of segmenter.segment(name)) {
      if (count === NAME_MAX || cut.length + segment.length > NAME_UNITS_MAX) break;
      cut += segment;
      count++;
    }
    name = cut.trim();
  }
  return nameProblem(name) === null ? name : fallback;
}
