import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BadProfileIdError, checkedProfileId, isProfileId, newProfileId } from './profile-id.ts';
import { ProfileIdSchema } from './schemas.ts';

const VICTIM = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('profile ids', () => {
  it('are made in the strict format, never twice the same', () => {
    const ids = new Set(Array.from({ length: 500 }, newProfileId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(isProfileId(id), id).toBe(true);
  });

  it('accept the forms the app makes: UUIDs and LMS learner ids', () => {
    for (const id of [VICTIM, 'lms-student-42', 'lms-anna@example.org', 'lms-h0123456789abcdef', `lms-${'x'.repeat(56)}`,
      'lms-student-42~mbe1xk00', 'lms-h0123456789abcdef~mbe1xk00', `lms-${'x'.repeat(51)}~mbe1xk00`]) {
      expect(isProfileId(id), id).toBe(true);
      expect(v.safeParse(ProfileIdSchema, id).success).toBe(true);
    }
  });

  it('refuse prefix attacks, paths, case tricks and junk', () => {
    for (const id of [
      `${VICTIM}/lesson`,
      `${VICTIM}/`,
      `${VICTIM}x`,
      VICTIM.toUpperCase(),
      ` ${VICTIM}`,
      `${VICTIM}\n`,
      'lms-a/b',
      'lms-',
      `lms-${'x'.repeat(57)}`,
      'lms-Иван',
      'lms-a~',
      'lms-a~B',
      'lms-a~x/y',
      'lms-a~b~c',
      '~mbe1xk00',
      `lms-${'x'.repeat(52)}~mbe1xk00`,
      '../profile',
      'learner/x',
      '',
      'p',
      42,
      null,
      undefined,
      {},
    ]) {
      expect(isProfileId(id), JSON.stringify(id)).toBe(false);
      expect(v.safeParse(ProfileIdSchema, id).success).toBe(false);
      expect(() => checkedProfileId(id)).toThrow(BadProfileIdError);
    }
    expect(checkedProfileId(VICTIM)).toBe(VICTIM);
  });
});
