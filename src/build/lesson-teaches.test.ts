import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCourseIndex } from './build-index.ts';
import { checkLessonTeaches, readFrontmatter } from './load-content.ts';
import { ContentError } from '../lib/course/schema.ts';

const fixture = (name: string) => `tests/fixtures/lessons/${name}.svx`;
function errorOf(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('broken lesson fixtures', () => {
  it('refuses a reading time typed in the frontmatter', () => {
    const path = 'content/01-a/typed-minutes.svx';
    const text = readFileSync(fixture('typed-minutes'), 'utf8');
    const course = { path: 'content/course.json', data: { title: 'К', subtitle: 'О', objectives: ['Ц'], passMark: 0.8 } };
    const files = [
      { path: 'content/01-a/module.svx', frontmatter: { id: 'a', title: 'М', order: 1, summary: 'К', objectives: ['Ц'] } },
      { path, frontmatter: readFrontmatter(text, path), body: text },
    ];
    expect(errorOf(() => buildCourseIndex({ course, files }))).toMatchObject({ file: path, field: 'minutes', problem: expect.stringMatching(/computed from its words/) });
  });

  it('refuses a lesson with a role twice, a role missing, or its check not on the page', () => {
    const text = readFileSync(fixture('two-waiters-no-check'), 'utf8');
    expect(errorOf(() => checkLessonTeaches(text, 'x.svx')).problem).toBe('needs exactly one <RoleScenario role="waiter" title="…">, found 2');
    const oneWaiter = text.replace('role="waiter" title="Второй"', 'role="cashier" title="Второй"');
    expect(errorOf(() => checkLessonTeaches(oneWaiter, 'x.svx'))).toMatchObject({ field: 'check', problem: expect.stringMatching(/add <LessonCheck \{\.\.\.check\} \/>/) });
    expect(() => checkLessonTeaches(`${oneWaiter}\n<LessonCheck {...check} />\n`, 'x.svx')).not.toThrow();
    expect(errorOf(() => checkLessonTeaches('Текст.', 'x.svx')).problem).toMatch(/needs a <RoleScenarios> block/);
  });
});
