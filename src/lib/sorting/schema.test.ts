import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activityValidators } from '../../build/activity-validators.ts';
import { ContentError } from '../course/schema.ts';
import { validateSortingScenario } from './schema.ts';

const good = () => ({
  id: 'dve-kompanii',
  type: 'sorting',
  title: 'Две компании',
  intro: 'Разложите поступки.',
  bins: [
    { id: 'nachalstvo', label: 'Думает о начальстве' },
    { id: 'klient', label: 'Думает о клиенте' },
  ],
  cards: [
    { id: 'a', text: 'A', bin: 'klient', why: 'потому что' },
    { id: 'b', text: 'B', bin: 'nachalstvo', why: 'потому что' },
    { id: 'c', text: 'C', bin: 'nachalstvo', why: 'потому что' },
    { id: 'd', text: 'D', bin: 'klient', why: 'потому что' },
  ],
});

function problem(data: unknown): [string | null, string] {
  try {
    validateSortingScenario(data, 'x.json');
  } catch (e) {
    if (e instanceof ContentError) return [e.field, e.problem];
    throw e;
  }
  return [null, 'no error'];
}

describe('validateSortingScenario', () => {
  it('accepts a well-formed file', () => {
    expect(validateSortingScenario(good(), 'x.json').cards).toHaveLength(4);
  });
  it('refuses a card that names no bin', () => {
    const d = good();
    d.cards[0]!.bin = 'nikto';
    expect(problem(d)).toEqual(['cards.0.bin', expect.stringContaining('no bin has the id "nikto"')]);
  });
  it('refuses a card id used twice', () => {
    const d = good();
    d.cards[1]!.id = 'a';
    expect(problem(d)[1]).toMatch(/used twice/);
  });
  it('refuses a bin with fewer than two cards', () => {
    const d = good();
    d.cards[2]!.bin = 'klient';
    expect(problem(d)[1]).toMatch(/bin "nachalstvo" gets 1/);
  });
  it('refuses cards grouped by bin', () => {
    const d = good();
    d.cards = [d.cards[0]!, d.cards[3]!, d.cards[1]!, d.cards[2]!];
    expect(problem(d)[1]).toMatch(/grouped by bin/);
  });
  it('refuses a missing why and an unknown field', () => {
    const d = good() as Record<string, unknown> & ReturnType<typeof good>;
    expect(problem({ ...d, cards: d.cards.map(({ why: _w, ...c }) => c) })).toEqual(['cards.0.why', 'required field is missing']);
    expect(problem({ ...d, extra: 1 })[1]).toMatch(/unknown field/);
  });
});

describe('«Две компании» of module 2', () => {
  const file = 'content/02-klient-na-pervom-meste/exercise-dve-kompanii.json';
  it('is registered for the build and valid: 8–10 behaviours, both bins used, each with its why', () => {
    expect(activityValidators.sorting).toBe(validateSortingScenario);
    const scenario = validateSortingScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(scenario.cards.length).toBeGreaterThanOrEqual(8);
    expect(scenario.cards.length).toBeLessThanOrEqual(10);
    expect(scenario.bins.map((b) => b.label)).toEqual(['Думает о начальстве', 'Думает о клиенте']);
    expect(scenario.cards.filter((c) => c.bin === 'klient').length).toBe(5);
  });
});
