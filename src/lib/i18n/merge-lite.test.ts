import deepmerge from 'deepmerge';
import { describe, expect, it } from 'vitest';
import { addAllMessagesTrees } from '../../../tests/fixtures/message-trees.ts';
import mergeLite from './merge-lite.ts';

describe('the small deep merge svelte-i18n uses', () => {
  it('merges every locale’s message areas exactly as deepmerge does', () => {
    for (const trees of addAllMessagesTrees()) {
      expect(trees.length).toBeGreaterThan(3);
      expect(mergeLite.all(trees)).toEqual(deepmerge.all(trees));
    }
  });

  it('lets later trees win, merges nested ones and changes none of its inputs', () => {
    const a = { app: { title: 'A', nav: { home: 'Home' } }, quiz: 'x' };
    const b = { app: { nav: { back: 'Back' } }, quiz: { check: 'Check' } };
    const c = { app: { title: 'C' } };
    const before = JSON.stringify([a, b, c]);
    const merged = mergeLite.all([a, b, c]);
    expect(merged).toEqual(deepmerge.all([a, b, c]));
    expect(merged).toEqual({ app: { title: 'C', nav: { home: 'Home', back: 'Back' } }, quiz: { check: 'Check' } });
    expect(JSON.stringify([a, b, c])).toBe(before);
    (merged.app as { nav: { home: string } }).nav.home = 'changed';
    expect(a.app.nav.home).toBe('Home');
  });
});
