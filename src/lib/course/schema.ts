import * as v from 'valibot';

const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase latin letters, digits and dashes'),
);
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const order = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'));

/** `content/course.json`. */
export const CourseMetaSchema = v.strictObject({
  title: text,
  subtitle: text,
  objectives: v.pipe(v.array(text), v.minLength(1, 'needs at least one objective')),
  passMark: v.pipe(v.number(), v.minValue(0.5), v.maxValue(1)),
});

/** Frontmatter of `content/NN-module/module.svx`. */
export const ModuleFrontmatterSchema = v.strictObject({
  id,
  title: text,
  order,
  summary: text,
  objectives: v.pipe(v.array(text), v.minLength(1, 'needs at least one objective')),
});

/** The check inside a lesson (`check:` in its frontmatter): one question, exactly one right option. */
export const LessonCheckSchema = v.pipe(
  v.strictObject({
    prompt: text,
    options: v.pipe(
      v.array(v.strictObject({ text, right: v.optional(v.boolean()), why: text })),
      v.minLength(2, 'needs 2–4 options'),
      v.maxLength(4, 'needs 2–4 options'),
    ),
  }),
  v.forward(
    v.check((c) => c.options.filter((o) => o.right === true).length === 1, 'exactly one option must have "right: true"'),
    ['options'],
  ),
);

/** Frontmatter of a lesson `content/NN-module/NN-lesson.svx`. Reading time is computed from the words, never typed. */
export const LessonFrontmatterSchema = v.strictObject({
  id,
  title: text,
  order,
  objectives: v.pipe(v.array(text), v.minLength(1, 'needs at least one objective')),
  check: LessonCheckSchema,
});

/** A content problem, always naming the file and, where it has one, the field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(`${file}${field ? ` → ${field}` : ''}: ${problem}`);
    this.name = 'ContentError';
  }
}

/**
 * Validates `data` against `schema`, or throws a ContentError naming the file and the first bad field.
 */
export function parseContent<S extends v.GenericSchema>(schema: S, data: unknown, file: string): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue ? (v.getDotPath(issue) ?? null) : null;
  let problem = issue?.message ?? 'invalid';
  if (issue?.expected === 'never') problem = 'unknown field: remove it or check its spelling';
  else if (issue?.received === 'undefined') problem = 'required field is missing';
  else if (issue?.expected === 'string' && issue.received === 'Object') {
    problem += ' (in YAML a colon followed by a space starts a map: put the text in quotes)';
  }
  throw new ContentError(file, field, problem);
}

/**
 * The header every activity file shares (`exercise-*.json`, `quiz.json`, `final-test.json`); the
 * rest of the file belongs to the activity's own schema (quiz, chain, simulator…).
 */
export const ActivityHeaderSchema = v.looseObject({
  id: v.optional(id),
  type: v.optional(v.pipe(v.string(), v.minLength(1))),
  title: v.optional(text),
  minutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(20))),
});
