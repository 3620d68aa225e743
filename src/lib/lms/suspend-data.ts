/**
 * The learner's progress packed into SCORM `suspend_data`, which SCORM 1.2 caps at 4096 characters.
 * Pure. The format is binary, then base64url, behind the prefix `sz1:`:
 *
 *   fingerprint  4 bytes: FNV-1a of the course path, so a package with other steps ignores it
 *   base         varint: the earliest minute written (minutes since 2020-01-01 UTC)
 *   meta         varint 0 (none) or 1 + step index of the location; then the query (varint length,
 *                UTF-8, at most 120 bytes, else dropped) and updatedAt (varint minutes after base)
 *   lessons      varint count; each: step index, flags (1 = finished), first visit, last visit − first,
 *                [finished − first]  — minutes, varints
 *   activities   varint count; each: step index, updatedAt, varint n, then n attempts:
 *                id (0 + 16 bytes of a UUID, or 1 + varint length + UTF-8), finishedAt (minutes after
 *                base), duration (seconds), one byte score 0..100 with 0x80 set when passed
 *
 * Ids become indexes of `courseIndex.steps`; times become minutes. Not every attempt is kept: per
 * activity the best (earliest of the best) and the first that passed — what status, score,
 * «пройден» and the certificate date need — and, room permitting, the latest five. Attempt ids
 * are kept so that, in a browser that already has the attempts, merging recognises them instead
 * of counting them twice. Mistakes and unfinished drafts are not kept: they stay in the browser
 * where they were made.
 */
import type { StepRef } from '$lib/course/types.ts';
import { toBase64url, fromBase64url } from '$lib/encoding/base64url.ts';
import { withAttempt, type ActivityRecord, type AttemptRecord } from '$lib/progress/api.ts';
import type { LearnerMeta, LessonRecord } from '$lib/progress/records.ts';
import { activityKey } from '$lib/progress/status.ts';
import { isMoment, TIME_MIN } from '$lib/values/bounds.ts';

/** What is carried: the same shape the store reads and merges. */
export interface ProgressData {
  lessons: LessonRecord[];
  activities: ActivityRecord[];
  meta: LearnerMeta | null;
}

/** SCORM 1.2 `cmi.suspend_data` is a CMIString4096. */
export const SUSPEND_LIMIT_12 = 4096;
/**
 * SCORM 2004 `cmi.suspend_data` holds 64000 characters since the 3rd Edition, but 4000 in the 2nd,
 * and some LMSs still cut it there: the course keeps to 4000.
 */
export const SUSPEND_LIMIT_2004 = 4000;

const PREFIX = 'sz1:';
const EPOCH_MINUTE = Date.UTC(2020, 0, 1) / 60_000;
const MAX_QUERY = 120;
/** A record's id holds 64 UTF-16 units: at most 192 bytes of UTF-8. */
const MAX_ID_BYTES = 192;
const MAX_ID_UNITS = 64;
const MAX_DURATION_S = 2 ** 28;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** FNV-1a (32 bit) of the course path: which steps, in which order. */
export function stepsFingerprint(steps: StepRef[]): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(steps.map((s) => `${s.kind}:${s.id}`).join('\n'))) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h >>> 0;
}

/** The storage key of the activity at a step, or null for a lesson. */
const keyOfStep = (step: StepRef) => (step.kind === 'lesson' ? null : activityKey(step.kind, step.id));
const minute = (ms: number) => Math.max(0, Math.floor(ms / 60_000) - EPOCH_MINUTE);
const msOf = (m: number) => (EPOCH_MINUTE + m) * 60_000;

class Writer {
  bytes: number[] = [];
  varint(n: number): void {
    let v = Math.max(0, Math.floor(n));
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  raw(bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.bytes.push(bytes[i]!);
  }
  text(value: string): void {
    const utf8 = new TextEncoder().encode(value);
    this.varint(utf8.length);
    this.raw(utf8);
  }
}

class Reader {
  at = 0;
  bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  byte(): number {
    if (this.at >= this.bytes.length) throw new RangeError('truncated');
    return this.bytes[this.at++]!;
  }
  varint(): number {
    let n = 0;
    for (let shift = 1; ; shift *= 0x80) {
      const b = this.byte();
      n += (b & 0x7f) * shift;
      if (b < 0x80) return n;
      if (shift > 2 ** 42) throw new RangeError('varint too long');
    }
  }
  raw(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new RangeError('truncated');
    return this.bytes.subarray(this.at, (this.at += length));
  }
  text(max: number): string {
    const length = this.varint();
    if (length > max) throw new RangeError('text too long');
    return new TextDecoder('utf-8', { fatal: true }).decode(this.raw(length));
  }
}

/** How many of the latest attempts travel when there is room (most learners never try more). */
export const LATEST_KEPT = 5;

/**
 * The attempts worth carrying: always the earliest best and the first pass (status, score,
 * «пройден» and the certificate date need them); with room, the latest few too — level 0 the
 * latest LATEST_KEPT, level 1 the latest one, level 2 none.
 */
export function keptAttempts(record: ActivityRecord, level: number): AttemptRecord[] {
  const attempts = [...record.attempts].sort((a, b) => a.finishedAt - b.finishedAt);
  if (attempts.length === 0) return [];
  const best = attempts.reduce((m, a) => (a.score > m.score ? a : m));
  const pass = attempts.find((a) => a.passed);
  const latestCount = [LATEST_KEPT, 1][level] ?? 0;
  const picked = [best, pass, ...(latestCount ? attempts.slice(-latestCount) : [])];
  return [...new Set(picked.filter((a): a is AttemptRecord => !!a))].sort((a, b) => a.finishedAt - b.finishedAt);
}

function encodeAt(steps: StepRef[], data: ProgressData, level: number): string {
  const lessonStep = new Map<string, number>();
  const activityStep = new Map<string, number>();
  steps.forEach((step, i) => {
    const key = keyOfStep(step);
    if (key === null) lessonStep.set(step.id, i);
    else activityStep.set(key, i);
  });
  const lessons = data.lessons.filter((l) => lessonStep.has(l.lessonId));
  const activities = data.activities
    .filter((a) => activityStep.has(a.key))
    .map((a) => ({ record: a, attempts: keptAttempts(a, level) }))
    .filter((a) => a.attempts.length > 0);

  let location: { step: number; query: string } | null = null;
  const match = data.meta?.location ? /^#\/(lesson|exercise|quiz)\/([^/?]+)(?:\?(.*))?$|^#\/final(?:\?(.*))?$/.exec(data.meta.location) : null;
  if (match) {
    const kind = match[1] ?? 'final';
    let id = 'final';
    try {
      id = match[2] !== undefined ? decodeURIComponent(match[2]) : 'final';
    } catch {
      id = '';
    }
    const step = steps.findIndex((s) => s.kind === kind && s.id === id);
    const query = match[3] ?? match[4] ?? '';
    if (step >= 0) location = { step, query: new TextEncoder().encode(query).length <= MAX_QUERY && level < 3 ? query : '' };
  }

  const times = [
    ...lessons.flatMap((l) => [l.firstVisitedAt]),
    ...activities.flatMap((a) => [a.record.updatedAt, ...a.attempts.map((t) => t.finishedAt)]),
    ...(location && data.meta ? [data.meta.updatedAt] : []),
  ];
  const base = times.length ? Math.min(...times.map(minute)) : 0;
  const rel = (ms: number) => minute(ms) - base;

  const w = new Writer();
  const fp = stepsFingerprint(steps);
  w.raw([fp >>> 24, (fp >>> 16) & 0xff, (fp >>> 8) & 0xff, fp & 0xff]);
  w.varint(base);
  if (location && data.meta) {
    w.varint(1 + location.step);
    w.text(location.query);
    w.varint(rel(data.meta.updatedAt));
  } else {
    w.varint(0);
  }
  w.varint(lessons.length);
  for (const l of lessons) {
    w.varint(lessonStep.get(l.lessonId)!);
    w.varint(l.finishedAt !== null ? 1 : 0);
    w.varint(rel(l.firstVisitedAt));
    w.varint(minute(l.lastVisitedAt) - minute(l.firstVisitedAt));
    if (l.finishedAt !== null) w.varint(minute(l.finishedAt) - minute(l.firstVisitedAt));
  }
  w.varint(activities.length);
  for (const { record, attempts } of activities) {
    w.varint(activityStep.get(record.key)!);
    w.varint(rel(record.updatedAt));
    w.varint(attempts.length);
    for (const a of attempts) {
      if (UUID.test(a.id)) {
        w.varint(0);
        const hex = a.id.replace(/-/g, '');
        for (let i = 0; i < 32; i += 2) w.bytes.push(parseInt(hex.slice(i, i + 2), 16));
      } else {
        w.varint(1);
        w.text(a.id);
      }
      w.varint(rel(a.finishedAt));
      w.varint(Math.min(MAX_DURATION_S, Math.round(Math.max(0, a.finishedAt - a.startedAt) / 1000)));
      w.bytes.push(Math.min(100, Math.max(0, Math.round(a.score))) | (a.passed ? 0x80 : 0));
    }
  }
  return PREFIX + toBase64url(new Uint8Array(w.bytes));
}

/**
 * Packs progress into at most `limit` characters: every lesson, the location, and per activity the
 * best, the first pass and the latest attempts; should that not fit, fewer of the latest, then
 * none, then the location's query goes. Longer than `limit` only for a course far larger than
 * this one (the caller checks).
 */
export function encodeSuspendData(steps: StepRef[], data: ProgressData, limit = SUSPEND_LIMIT_12): string {
  let text = '';
  for (let level = 0; level <= 3; level++) {
    text = encodeAt(steps, data, level);
    if (text.length <= limit) return text;
  }
  return text;
}

/**
 * Unpacks what `encodeSuspendData` wrote for the same course path. Null for anything else: empty,
 * foreign, damaged, or written by a package whose course has other steps.
 */
export function decodeSuspendData(steps: StepRef[], text: string): ProgressData | null {
  if (!text.startsWith(PREFIX)) return null;
  const bytes = fromBase64url(text.slice(PREFIX.length));
  if (!bytes) return null;
  try {
    const r = new Reader(bytes);
    const fp = ((r.byte() << 24) | (r.byte() << 16) | (r.byte() << 8) | r.byte()) >>> 0;
    if (fp !== stepsFingerprint(steps)) return null;
    const base = r.varint();
    // Every moment between 2020 and a day after now (values/bounds.ts): anything else is damaged or forged.
    const at = (m: number) => {
      const ms = msOf(base + m);
      if (!isMoment(ms)) throw new RangeError('a moment out of bounds');
      return ms;
    };
    const after = (first: number, minutes: number) => at(minute(first) - base + minutes);
    const step = (kind: 'lesson' | 'activity') => {
      const s = steps[r.varint()];
      if (!s || (kind === 'lesson') !== (s.kind === 'lesson')) throw new RangeError('not a step of this course');
      return s;
    };

    let meta: LearnerMeta | null = null;
    const loc = r.varint();
    if (loc > 0) {
      const s = steps[loc - 1];
      if (!s) throw new RangeError('location is not a step');
      const query = r.text(MAX_QUERY);
      const path = s.kind === 'final' ? '#/final' : `#/${s.kind}/${encodeURIComponent(s.id)}`;
      meta = { location: query ? `${path}?${query}` : path, updatedAt: at(r.varint()) };
    }

    const lessons: LessonRecord[] = [];
    for (let n = r.varint(); n > 0; n--) {
      const lessonId = step('lesson').id;
      const finished = r.varint() === 1;
      const first = at(r.varint());
      const last = after(first, r.varint());
      lessons.push({ lessonId, firstVisitedAt: first, lastVisitedAt: last, finishedAt: finished ? after(first, r.varint()) : null });
    }

    const activities: ActivityRecord[] = [];
    for (let n = r.varint(); n > 0; n--) {
      const s = step('activity');
      const key = keyOfStep(s)!;
      const updatedAt = at(r.varint());
      let record: ActivityRecord | undefined;
      for (let k = r.varint(); k > 0; k--) {
        let id: string;
        if (r.varint() === 0) {
          const hex = [...r.raw(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
          id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        } else {
          id = r.text(MAX_ID_BYTES);
          if (id.length > MAX_ID_UNITS) throw new RangeError('attempt id too long');
        }
        const finishedAt = at(r.varint());
        const duration = r.varint() * 1000;
        const scored = r.byte();
        const score = scored & 0x7f;
        if (score > 100) throw new RangeError('score over 100');
        record = withAttempt(record, key, { id, startedAt: Math.max(TIME_MIN, finishedAt - duration), finishedAt, score, passed: scored >= 0x80, mistakes: [] });
      }
      if (record) activities.push({ ...record, updatedAt: Math.max(updatedAt, record.updatedAt) });
    }
    if (r.at !== bytes.length) return null;
    return { lessons, activities, meta };
  } catch {
    return null;
  }
}
