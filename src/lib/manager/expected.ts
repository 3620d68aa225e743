/**
 * The staff an assignment expects, as the manager types or pastes them: one name per line (or
 * separated by commas or semicolons), each checked by the same name rule as reports. Pure.
 */
import * as v from 'valibot';
import { EXPECTED_MAX, PersonNameSchema } from '../exchange/schema.ts';
import { learnerKey } from './team.ts';

/** What `parseNames` made of a text. */
export interface ParsedNames {
  /** Valid names, trimmed, first spelling kept, in the order given; at most `EXPECTED_MAX`. */
  names: string[];
  /** Pieces refused by the name rule (too long, control or bidi-override characters), as typed. */
  refused: string[];
  /** Names dropped because the list would be longer than `EXPECTED_MAX`. */
  overflow: number;
}

/**
 * Splits a typed or pasted list into names. A name already in `existing` (or earlier in the text),
 * compared as the team table compares names, is not added twice; blank pieces are skipped.
 */
export function parseNames(text: string, existing: readonly string[] = []): ParsedNames {
  const seen = new Set(existing.map(learnerKey));
  const names: string[] = [];
  const refused: string[] = [];
  let overflow = 0;
  for (const piece of text.split(/[\n\r,;]+/)) {
    if (!piece.trim()) continue;
    const parsed = v.safeParse(PersonNameSchema, piece);
    if (!parsed.success) {
      refused.push(piece.trim());
      continue;
    }
    const key = learnerKey(parsed.output);
    if (seen.has(key)) continue;
    if (existing.length + names.length >= EXPECTED_MAX) {
      overflow++;
      continue;
    }
    seen.add(key);
    names.push(parsed.output);
  }
  return { names, refused, overflow };
}
