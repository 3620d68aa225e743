import { describe, expect, it } from 'vitest';
import { canonicalJson, isAccepted, matchAssignment, placeReport, placeReports, reportIdentity, reportKeyStem, REPORTS_PREFIX, sameContent } from './identity.ts';
import { crc32Hex } from '../encoding/checksum.ts';
import { passed, sampleAssignment, sampleReport, T0 } from '../../../tests/fixtures/manager.ts';
import type { Report } from './types.ts';

const ANNA = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const IVAN = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('canonical content', () => {
  it('ignores key order and undefined fields, nothing else', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameContent({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameContent([1, 2], [2, 1])).toBe(false);
  });
});

describe('report identity', () => {
  it('is assignment + learner id + moment', () => {
    const r = sampleReport({ learnerId: ANNA });
    expect(reportIdentity(r)).toBe(`k7m2q9x4ab|id:${ANNA}|${r.createdAt}`);
    expect(reportKeyStem(r)).toBe(`${REPORTS_PREFIX}k7m2q9x4ab/id-${ANNA}/${r.createdAt}`);
    expect(reportKeyStem(sampleReport({ assignmentId: null, learnerId: ANNA }))).toContain('/-/');
  });

  it('tells learners, assignments and moments apart', () => {
    const base = sampleReport({ learnerId: ANNA });
    const others: Report[] = [sampleReport({ learnerId: IVAN }), sampleReport({ learnerId: ANNA, createdAt: base.createdAt + 1 }), sampleReport({ learnerId: ANNA, assignmentId: 'zzzzzz0000' }), sampleReport({ learnerId: ANNA, assignmentId: null })];
    const stems = new Set([base, ...others].map(reportKeyStem));
    expect(stems.size).toBe(5);
  });

  it('falls back to the normalised name for reports made before they carried an id', () => {
    const old = sampleReport();
    expect(reportIdentity(old)).toContain('|name:иван смирнов|');
    expect(reportKeyStem(sampleReport({ learner: ' ИВАН  Смирнов ' }))).toBe(reportKeyStem(old));
    expect(reportKeyStem(sampleReport({ learner: 'Иван/../../profile' }))).toMatch(/^manager\/report\/k7m2q9x4ab\/name-[0-9a-f]{16}\/\d+$/);
  });
});

describe('placing an imported report', () => {
  const real = sampleReport({ learnerId: ANNA });
  const stored = [{ key: reportKeyStem(real), report: real }];

  it('a new report goes under its stem', () => {
    expect(placeReport(real, [])).toEqual({ kind: 'new', key: reportKeyStem(real) });
  });

  it('the same report again is a duplicate and changes nothing, whatever its key order', () => {
    const reordered = Object.fromEntries(Object.entries(real).reverse()) as Report;
    expect(placeReport(reordered, stored)).toEqual({ kind: 'duplicate', key: reportKeyStem(real) });
  });

  it('a forged report with the same identity but other content never replaces the real one', () => {
    const forged = { ...real, modules: [passed(real.modules[0]!.id, 100)] };
    const placed = placeReport(forged, stored);
    expect(placed.kind).toBe('new');
    expect(placed.key).not.toBe(reportKeyStem(real));
    const twice = placeReport({ ...forged, modules: [passed(real.modules[0]!.id, 99)] }, [...stored, { key: placed.key, report: forged }]);
    expect(new Set([reportKeyStem(real), placed.key, twice.key]).size).toBe(3);
  });

  it('a report colliding with another learner\'s under the old CRC-32 key still gets its own place', () => {
    // Today's key scheme: CRC-32 of the report without its moment. These two names were found by a
    // birthday search over random names (about 120 000 tries, seed 7); the old store let one replace the other.
    const oldKey = (r: Report) => crc32Hex(JSON.stringify({ ...r, createdAt: 0 }));
    const a = sampleReport({ learner: 'JzQmqOqYijZw' });
    const b = sampleReport({ learner: 'qVJJIDGpPAtO' });
    expect(oldKey(a)).toBe(oldKey(b));
    const first = placeReport(a, []);
    const second = placeReport(b, [{ key: first.key, report: a }]);
    expect(second.kind).toBe('new');
    expect(second.key).not.toBe(first.key);
  });

  it('counts a batch: new ones, and duplicates inside the batch or already stored', () => {
    const other = sampleReport({ learnerId: IVAN });
    const { tally, placements } = placeReports([real, other, other], stored);
    expect(tally).toEqual({ added: 1, duplicates: 2 });
    expect(placements.map((p) => p.kind)).toEqual(['duplicate', 'new', 'duplicate']);
  });
});

describe('assignments are recognised by id and content', () => {
  const real = sampleAssignment();
  it('the same assignment is the same; another one under its id is a conflict', () => {
    expect(matchAssignment(undefined, real)).toBe('new');
    expect(matchAssignment(real, JSON.parse(JSON.stringify(real)))).toBe('same');
    expect(matchAssignment(real, { ...real, note: 'Подделка' })).toBe('conflict');
    expect(matchAssignment(real, { ...real, createdAt: T0 + 1 })).toBe('conflict');
  });

  it('a forged assignment reusing a real id does not show as accepted', () => {
    const accepted = { [real.id]: { assignment: real } };
    expect(isAccepted(accepted, real)).toBe(true);
    expect(isAccepted(accepted, { ...real, modules: ['slaboe-zveno'] })).toBe(false);
    expect(isAccepted({}, real)).toBe(false);
  });
});
