/**
 * The drafts activities save after every answer, one schema per kind of activity, each bounded: a
 * draft is checked before it is written (so nothing is saved that would later fail to load) and
 * when it is read (a draft that fails is dropped, never the attempts beside it). Pure; no Svelte.
 *
 * - quiz and final test: `QuizDraft` (quiz/types.ts): seed, position, answers, checked ids;
 * - chain exercise: phase, arrangement of cards, role marks, first checks, mistakes;
 * - simulator challenge: points spent per link, losing checks;
 * - promptness exercise: the chosen link, wrong checks.
 * Exercise drafts also carry `startedAt` (exercise-session.svelte.ts).
 */
import * as v from 'valibot';
import { DRAFT_LIST_MAX, draftInt, draftList, draftRecord, draftText, QuizDraftSchema } from '../quiz/draft.ts';
import { StoredReflectionSchema } from '../reflection/reflection.ts';
import { MomentSchema } from '../values/bounds.ts';

export { DRAFT_LIST_MAX, DRAFT_TEXT_MAX } from '../quiz/draft.ts';

const text = draftText;
const list = draftList;
const int = draftInt;
const boundedRecord = draftRecord;

const firstCheck = v.nullable(v.strictObject({ right: int(0, DRAFT_LIST_MAX), total: int(0, DRAFT_LIST_MAX) }));

/** The chain exercise's unfinished run. */
export const ChainDraftSchema = v.strictObject({
  phase: v.picklist(['order', 'roles', 'done']),
  arrangement: v.strictObject({ chain: list, aside: list }),
  marks: boundedRecord(v.picklist(['internal', 'external', 'reversed'])),
  firstOrder: firstCheck,
  firstRoles: firstCheck,
  mistakes: list,
  startedAt: MomentSchema,
});

/** The simulator challenge's unfinished run. */
export const SimulatorDraftSchema = v.strictObject({
  points: v.pipe(v.array(int(-1000, 1000)), v.maxLength(DRAFT_LIST_MAX)),
  losing: list,
  startedAt: MomentSchema,
});

/** The promptness exercise's unfinished run. */
export const PromptnessDraftSchema = v.strictObject({
  chosen: v.nullable(int(0, DRAFT_LIST_MAX)),
  wrong: list,
  startedAt: MomentSchema,
});

/** The sorting exercise's unfinished run: card → column, the first check, mistakes. */
export const SortingDraftSchema = v.strictObject({
  placement: boundedRecord(text),
  first: firstCheck,
  mistakes: list,
  startedAt: MomentSchema,
});

/** The marker that the learner has seen their certificate (journey-view.ts `CERTIFICATE_SEEN`). */
export const CertificateSeenDraftSchema = v.strictObject({ seenAt: MomentSchema });

/** Any activity's draft (the reflection «Моя цепочка» is kept as a draft too, with its own schema), the certificate-seen marker, or none. */
export const DraftSchema = v.nullable(v.union([QuizDraftSchema, ChainDraftSchema, SimulatorDraftSchema, PromptnessDraftSchema, SortingDraftSchema, StoredReflectionSchema, CertificateSeenDraftSchema]));

/** True when a draft may be written (and will load again). */
export const isValidDraft = (draft: unknown): boolean => v.safeParse(DraftSchema, draft).success;
