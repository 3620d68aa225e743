/**
 * Node-only: the build-time validators of quiz content, registered in
 * `src/build/activity-validators.ts` as 'quiz' and 'final'. They read the lessons from disk to
 * know which lesson ids and paragraphs a question may link back to («Перечитать»).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { lessonParagraphs, sourceId } from './fidelity.ts';
import { readCorrectedSource } from './rehype-paragraph-ids.js';
import { parseFinalTestFile, parseQuizFile, type LessonParagraphs } from '../lib/quiz/schema.ts';

/** The project root: two folders up from this file (src/build). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The source paragraphs of every lesson, by lesson id, with their stable ids. `lessonParagraphs`
 * returns the paragraphs and headings outside authored components; those that are source paragraphs
 * get the same ids `s1`, `s2`… as rehype-paragraph-ids gives them on the page.
 * Read afresh on each call so the dev server sees edited lessons; a handful of small files.
 */
export function readLessonParagraphs(root: string = ROOT): LessonParagraphs {
  const contentDir = join(root, 'content');
  const source = readCorrectedSource(root);
  const lessons = new Map<string, Map<string, string>>();
  for (const folder of readdirSync(contentDir, { withFileTypes: true })) {
    if (!folder.isDirectory() || !/^\d\d-/.test(folder.name)) continue;
    for (const name of readdirSync(join(contentDir, folder.name))) {
      if (!name.endsWith('.svx') || name === 'module.svx') continue;
      const text = readFileSync(join(contentDir, folder.name, name), 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
      // A lesson without valid frontmatter is reported by the course index, not here.
      const meta: unknown = front === undefined ? null : parseYaml(front);
      const id = typeof meta === 'object' && meta !== null && 'id' in meta && typeof meta.id === 'string' ? meta.id : null;
      if (!id) continue;
      const shown = new Map<string, string>();
      for (const p of lessonParagraphs(text)) {
        const i = source.indexOf(p);
        if (i !== -1) shown.set(sourceId(i), p);
      }
      lessons.set(id, shown);
    }
  }
  return lessons;
}

/** Validator of `content/NN-module/quiz.json`. */
export function validateQuizContent(data: unknown, file: string): void {
  parseQuizFile(data, file, readLessonParagraphs());
}

/** Validator of `content/final-test.json`. */
export function validateFinalTestContent(data: unknown, file: string): void {
  parseFinalTestFile(data, file, readLessonParagraphs());
}
