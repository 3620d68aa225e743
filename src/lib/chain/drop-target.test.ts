import { describe, expect, it } from 'vitest';
import { dropTarget, type ZoneBox } from './drop-target.ts';

// Four cards of 60 px in the chain (100..340), an aside zone below (380..460) holding one card.
const zones: ZoneBox[] = [
  { zone: 'chain', top: 100, bottom: 340, cards: [{ id: 'a', middle: 130 }, { id: 'b', middle: 190 }, { id: 'c', middle: 250 }, { id: 'd', middle: 310 }] },
  { zone: 'aside', top: 380, bottom: 460, cards: [{ id: 'x', middle: 420 }] },
];

describe('dropTarget', () => {
  it('puts the card before the first card whose middle is below the pointer', () => {
    expect(dropTarget(zones, 120, 'c')).toEqual({ zone: 'chain', index: 0, before: 'a' });
    expect(dropTarget(zones, 200, 'a')).toEqual({ zone: 'chain', index: 1, before: 'c' });
    expect(dropTarget(zones, 335, 'a')).toEqual({ zone: 'chain', index: 3, before: null });
  });

  it('does not count the dragged card itself', () => {
    expect(dropTarget(zones, 260, 'b')).toEqual({ zone: 'chain', index: 2, before: 'd' });
    expect(dropTarget(zones, 180, 'b')).toEqual({ zone: 'chain', index: 1, before: 'c' });
  });

  it('takes the nearest zone when the pointer is between or outside zones', () => {
    expect(dropTarget(zones, 20, 'b')).toEqual({ zone: 'chain', index: 0, before: 'a' });
    expect(dropTarget(zones, 355, 'b')).toEqual({ zone: 'chain', index: 3, before: null });
    expect(dropTarget(zones, 370, 'b')).toEqual({ zone: 'aside', index: 0, before: 'x' });
    expect(dropTarget(zones, 900, 'b')).toEqual({ zone: 'aside', index: 1, before: null });
  });

  it('drops into an empty zone', () => {
    const empty: ZoneBox[] = [zones[0]!, { zone: 'aside', top: 380, bottom: 460, cards: [] }];
    expect(dropTarget(empty, 400, 'a')).toEqual({ zone: 'aside', index: 0, before: null });
  });

  it('has no target without zones', () => {
    expect(dropTarget([], 100, 'a')).toBeNull();
  });
});
