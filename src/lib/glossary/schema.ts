/**
 * The glossary (`content/glossary.json`): terms with a definition, an example from a shift, and
 * the word forms whose first use in each lesson links to the term. Checked by the content build.
 */
import * as v from 'valibot';
import { ContentError, parseContent } from '../course/schema.ts';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'));
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const GlossaryTermSchema = v.strictObject({
  id,
  term: text(60),
  definition: text(400),
  example: text(300),
  forms: v.pipe(v.array(text(60)), v.minLength(1, 'needs at least one word form')),
});

export const GlossarySchema = v.strictObject({
  terms: v.pipe(v.array(GlossaryTermSchema), v.minLength(1, 'needs at least one term'), v.maxLength(60, 'at most 60 terms')),
});

export type GlossaryTerm = v.InferOutput<typeof GlossaryTermSchema>;
export type Glossary = v.InferOutput<typeof GlossarySchema>;

/** Validates the glossary; throws ContentError naming the file and the field. */
export function validateGlossary(data: unknown, file: string): Glossary {
  const glossary: Glossary = parseContent(GlossarySchema, data, file);
  const seen = new Map<string, string>();
  glossary.terms.forEach((t, i) => {
    if (glossary.terms.findIndex((o) => o.id === t.id) !== i) throw new ContentError(file, `terms.${i}.id`, `term id "${t.id}" is used twice`);
    t.forms.forEach((form, j) => {
      const key = form.toLowerCase().replace(/\s+/g, ' ');
      const owner = seen.get(key);
      if (owner) throw new ContentError(file, `terms.${i}.forms.${j}`, `"${form}" is already a form of "${owner}"`);
      seen.set(key, t.id);
    });
  });
  return glossary;
}
