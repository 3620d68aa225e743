import { describe, expect, it } from 'vitest';
import { ExerciseSession } from '$lib/activity/exercise-session.svelte.ts';
import { MemoryProgress } from '../../../tests/harness/memory-progress.svelte.ts';
import { twoCompanies as s } from '../../../tests/fixtures/sorting.ts';
import { SortingExerciseState } from './sorting.svelte.ts';

const KEY = `exercise:${s.id}`;
const run = (progress = new MemoryProgress()) => ({ progress, state: new SortingExerciseState(s, new ExerciseSession(progress, KEY, 0.8)) });

describe('SortingExerciseState', () => {
  it('saves every move as a draft, so a new run resumes the placement', () => {
    const { progress, state } = run();
    expect(state.place('a', 'klient')).toBe(true);
    expect(state.place('a', 'klient')).toBe(false);
    expect(run(progress).state.placement).toEqual({ a: 'klient' });
  });

  it('selects with a tap, and a move puts the selection down', () => {
    const { state } = run();
    state.select('b');
    expect(state.selected).toBe('b');
    state.select('b');
    expect(state.selected).toBeNull();
    state.select('c');
    state.place('c', 'nachalstvo');
    expect(state.selected).toBeNull();
  });

  it('scores the first complete check, records it once all is right, and starts afresh on restart', async () => {
    const { progress, state } = run();
    await state.check();
    expect(state.result?.unplaced).toHaveLength(8);
    for (const card of s.cards) state.place(card.id, card.bin);
    state.place('a', 'klient'); // one wrong
    await state.check();
    expect(state.done).toBe(false);
    expect(state.result?.wrong.map((w) => w.card.id)).toEqual(['a']);
    expect(state.result).not.toBeNull();
    state.place('a', 'nachalstvo');
    expect(state.result).toBeNull(); // a move clears the old verdict
    await state.check();
    expect(state.done).toBe(true);
    const record = progress.activity(KEY);
    expect(record?.attempts).toHaveLength(1);
    expect(record?.attempts[0]).toMatchObject({ score: 88, passed: true, mistakes: ['a'] });
    expect(state.place('b', 'nachalstvo')).toBe(false); // finished: nothing moves
    state.restart();
    expect(state.placement).toEqual({});
    expect(state.done).toBe(false);
  });

  it('ignores a damaged draft', () => {
    const progress = new MemoryProgress();
    void progress.saveDraft(KEY, { placement: { zz: 'klient' }, first: null, mistakes: [] });
    expect(run(progress).state.placement).toEqual({});
  });
});
