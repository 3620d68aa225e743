/**
 * The part of valibot the app uses, in a fraction of its size: the app's code keeps importing
 * `valibot` (its API and types), and the build resolves that import here (vite.config.ts,
 * `smallValibot`). A signed-in learner's records are checked with these schemas before the first
 * lesson shows, so every byte here is on that path.
 *
 * Same results as valibot 1.x for everything below: which inputs pass, the output (defaults,
 * fallbacks, transforms, unknown keys stripped or kept), and the first issue's path, expectation,
 * received value and message, which the app shows in its technical details. valibot-lite.test.ts
 * runs both libraries side by side on every function here; the whole unit suite runs on this one.
 * Left out, as the app does not use them: async schemas, global configuration and messages,
 * `abortEarly`, Standard Schema properties. A function the app starts using that is not here fails
 * the build (a missing export), not a learner.
 *
 * The build-time content checks (src/build) run in Node with valibot itself.
 */

/* The shapes below are valibot's own; `any` stands for what a schema holds, as in valibot's code. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Message = string | ((issue: Issue) => string) | undefined;
interface PathItem {
  type: string;
  origin: 'key' | 'value';
  input: unknown;
  key: unknown;
  value: unknown;
}
interface Issue {
  kind: string;
  type: string;
  input: unknown;
  expected: string | null;
  received: string;
  message: string;
  requirement?: unknown;
  path?: PathItem[];
  issues?: Issue[];
}
interface Dataset {
  value: any;
  typed?: boolean;
  issues?: Issue[];
}
interface Item {
  kind: 'schema' | 'validation' | 'transformation' | 'metadata';
  type: string;
  expects?: string | null;
  message?: Message;
  requirement?: any;
  [key: string]: any;
  '~run'(dataset: Dataset): Dataset;
}
interface IssueInfo {
  input?: unknown;
  expected?: string | null;
  received?: string;
  message?: Message;
  path?: PathItem[];
  issues?: Issue[];
  label?: string;
}

const stringify = (input: unknown): string => {
  const type = typeof input;
  if (type === 'string') return `"${input as string}"`;
  if (type === 'number' || type === 'bigint' || type === 'boolean') return `${input as number}`;
  if (type === 'object' || type === 'function') return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? 'null';
  return type;
};
const valueText = (x: unknown) => (x instanceof Date ? x.toJSON() : stringify(x));
const joinExpects = (values: (string | null | undefined)[]) => {
  const list = [...new Set(values)];
  return list.length > 1 ? `(${list.join(' | ')})` : (list[0] ?? 'never');
};
const isOptional = (s: Item) => s.type === 'exact_optional' || s.type === 'optional' || s.type === 'nullish';
const fallbackOf = (s: Item, dataset?: Dataset) => (typeof s.fallback === 'function' ? s.fallback(dataset) : s.fallback);
const defaultOf = (s: Item, dataset?: Dataset) => (typeof s.default === 'function' ? s.default(dataset) : s.default);
const isOwnKey = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key) && key !== '__proto__' && key !== 'prototype' && key !== 'constructor';

function addIssue(context: Item, label: string, dataset: Dataset, other?: IssueInfo): void {
  const input = other && 'input' in other ? other.input : dataset.value;
  const expected = other?.expected ?? context.expects ?? null;
  const received = other?.received ?? stringify(input);
  const issue: Issue = {
    kind: context.kind,
    type: context.type,
    input,
    expected,
    received,
    message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : 'R'}eceived ${received}`,
    requirement: context.requirement,
    path: other?.path,
    issues: other?.issues,
  };
  const message = other?.message ?? context.message;
  if (message !== undefined) issue.message = typeof message === 'function' ? message(issue) : message;
  if (context.kind === 'schema') dataset.typed = false;
  (dataset.issues ??= []).push(issue);
}

/** Takes a nested value's issues into the parent's, with the step to that value first in their path. */
function nest(dataset: Dataset, inner: Dataset, step: PathItem, replacePath = false): void {
  if (inner.issues) {
    for (const issue of inner.issues) {
      if (issue.path && !replacePath) issue.path.unshift(step);
      else issue.path = [step];
    }
    if (dataset.issues) dataset.issues.push(...inner.issues);
    else dataset.issues = inner.issues;
  }
  if (!inner.typed) dataset.typed = false;
}

const run = (schema: Item, value: unknown): Dataset => schema['~run']({ value });

/** Whether the input passes a schema's type test; the type issue is added when it does not. */
function ofType(context: Item, dataset: Dataset, test: (value: any) => boolean): boolean {
  if (test(dataset.value)) return true;
  addIssue(context, 'type', dataset);
  return false;
}
/** An object or an array, as valibot's object schemas take it. */
const isObject = (x: unknown) => !!x && typeof x === 'object';

/** A schema that checks its input's type and passes it on unchanged. */
function typeSchema(type: string, expects: string, test: (value: any) => boolean, message?: Message, extra?: object): Item {
  return {
    kind: 'schema',
    type,
    expects,
    message,
    ...extra,
    '~run'(dataset) {
      if (ofType(this, dataset, test)) dataset.typed = true;
      return dataset;
    },
  };
}

export const string = (message?: Message) => typeSchema('string', 'string', (x) => typeof x === 'string', message);
export const number = (message?: Message) => typeSchema('number', 'number', (x) => typeof x === 'number' && !isNaN(x), message);
export const boolean = (message?: Message) => typeSchema('boolean', 'boolean', (x) => typeof x === 'boolean', message);
export const unknown = () => typeSchema('unknown', 'unknown', () => true);
export const literal = (value: unknown, message?: Message) =>
  typeSchema('literal', stringify(value), (x) => x === value || (Number.isNaN(x) && Number.isNaN(value)), message, { literal: value });
export const picklist = (options: readonly unknown[], message?: Message) =>
  typeSchema('picklist', joinExpects(options.map(stringify)), (x) => options.includes(x), message, { options });

function objectSchema(type: string, entries: Record<string, Item>, unknownKeys: 'strip' | 'keep' | 'refuse', message?: Message): Item {
  return {
    kind: 'schema',
    type,
    expects: 'Object',
    entries,
    message,
    '~run'(dataset) {
      if (!ofType(this, dataset, isObject)) return dataset;
      const input = dataset.value;
      dataset.typed = true;
      dataset.value = {};
      for (const key in entries) {
        const schema = entries[key]!;
        if (key in input || (isOptional(schema) && schema.default !== undefined)) {
          const value = key in input ? input[key] : defaultOf(schema);
          const inner = run(schema, value);
          nest(dataset, inner, { type: 'object', origin: 'value', input, key, value });
          dataset.value[key] = inner.value;
        } else if (schema.fallback !== undefined) {
          dataset.value[key] = fallbackOf(schema);
        } else if (!isOptional(schema)) {
          addIssue(this, 'key', dataset, { input: undefined, expected: `"${key}"`, path: [{ type: 'object', origin: 'key', input, key, value: input[key] }] });
        }
      }
      if (unknownKeys === 'refuse') {
        for (const key in input) {
          if (!Object.prototype.hasOwnProperty.call(entries, key)) {
            addIssue(this, 'key', dataset, { input: key, expected: 'never', path: [{ type: 'object', origin: 'key', input, key, value: input[key] }] });
            break;
          }
        }
      } else if (unknownKeys === 'keep') {
        for (const key in input) if (isOwnKey(input, key) && !Object.prototype.hasOwnProperty.call(entries, key)) dataset.value[key] = input[key];
      }
      return dataset;
    },
  };
}

export const object = (entries: Record<string, Item>, message?: Message) => objectSchema('object', entries, 'strip', message);
export const looseObject = (entries: Record<string, Item>, message?: Message) => objectSchema('loose_object', entries, 'keep', message);
export const strictObject = (entries: Record<string, Item>, message?: Message) => objectSchema('strict_object', entries, 'refuse', message);

export function array(item: Item, message?: Message): Item {
  return {
    kind: 'schema',
    type: 'array',
    expects: 'Array',
    item,
    message,
    '~run'(dataset) {
      if (!ofType(this, dataset, Array.isArray)) return dataset;
      const input = dataset.value;
      dataset.typed = true;
      dataset.value = [];
      input.forEach((value: unknown, key: number) => {
        const inner = run(item, value);
        nest(dataset, inner, { type: 'array', origin: 'value', input, key, value });
        dataset.value.push(inner.value);
      });
      return dataset;
    },
  };
}

export function record(key: Item, value: Item, message?: Message): Item {
  return {
    kind: 'schema',
    type: 'record',
    expects: 'Object',
    key,
    value,
    message,
    '~run'(dataset) {
      if (!ofType(this, dataset, isObject)) return dataset;
      const input = dataset.value;
      dataset.typed = true;
      dataset.value = {};
      for (const entryKey in input) {
        if (!isOwnKey(input, entryKey)) continue;
        const entryValue = input[entryKey];
        const keyDataset = run(key, entryKey);
        nest(dataset, keyDataset, { type: 'object', origin: 'key', input, key: entryKey, value: entryValue }, true);
        const valueDataset = run(value, entryValue);
        nest(dataset, valueDataset, { type: 'object', origin: 'value', input, key: entryKey, value: entryValue });
        if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
      }
      return dataset;
    },
  };
}

function maybe(type: string, missing: undefined | null, wrapped: Item, default_?: unknown): Item {
  return {
    kind: 'schema',
    type,
    expects: `(${wrapped.expects} | ${String(missing)})`,
    wrapped,
    default: default_,
    '~run'(dataset) {
      if (dataset.value === missing) {
        if (this.default !== undefined) dataset.value = defaultOf(this, dataset);
        if (dataset.value === missing) {
          dataset.typed = true;
          return dataset;
        }
      }
      return wrapped['~run'](dataset);
    },
  };
}
export const optional = (wrapped: Item, default_?: unknown) => maybe('optional', undefined, wrapped, default_);
export const nullable = (wrapped: Item, default_?: unknown) => maybe('nullable', null, wrapped, default_);

const subIssues = (datasets: Dataset[]) => datasets.flatMap((d) => d.issues ?? []);

export function union(options: Item[], message?: Message): Item {
  return {
    kind: 'schema',
    type: 'union',
    expects: joinExpects(options.map((o) => o.expects)),
    options,
    message,
    '~run'(dataset) {
      const typed: Dataset[] = [];
      const untyped: Dataset[] = [];
      for (const option of options) {
        const tried = run(option, dataset.value);
        if (!tried.typed) untyped.push(tried);
        else if (tried.issues) typed.push(tried);
        else return tried;
      }
      if (typed.length) {
        if (typed.length === 1) return typed[0]!;
        addIssue(this, 'type', dataset, { issues: subIssues(typed) });
        dataset.typed = true;
      } else if (untyped.length === 1) return untyped[0]!;
      else addIssue(this, 'type', dataset, { issues: subIssues(untyped) });
      return dataset;
    },
  };
}

/**
 * Objects told apart by one key. valibot also takes nested variants and several keys; the app
 * tells its variants apart by one key, with plain object options.
 */
export function variant(key: string, options: Item[], message?: Message): Item {
  return {
    kind: 'schema',
    type: 'variant',
    expects: 'Object',
    key,
    options,
    message,
    '~run'(dataset) {
      if (!ofType(this, dataset, isObject)) return dataset;
      const input = dataset.value;
      let found: Dataset | undefined;
      const expected: (string | null | undefined)[] = [];
      for (const option of options) {
        const discriminator = option.entries[key] as Item;
        if (key in input ? run(discriminator, input[key]).issues : !isOptional(discriminator)) {
          expected.push(discriminator.expects);
          continue;
        }
        const tried = run(option, input);
        if (!found || (!found.typed && tried.typed)) found = tried;
        if (!found.issues) break;
      }
      if (found) return found;
      addIssue(this, 'type', dataset, { input: input[key], expected: joinExpects(expected), path: [{ type: 'object', origin: 'value', input, key, value: input[key] }] });
      return dataset;
    },
  };
}

export function fallback(schema: Item, value: unknown): Item {
  return {
    ...schema,
    fallback: value,
    '~run'(dataset) {
      const out = schema['~run'](dataset);
      return out.issues ? { typed: true, value: fallbackOf(this, out) } : out;
    },
  };
}

export function pipe(...items: Item[]): Item {
  return {
    ...items[0]!,
    pipe: items,
    '~run'(dataset) {
      for (const item of items) {
        if (item.kind === 'metadata') continue;
        if (dataset.issues && (item.kind === 'schema' || item.kind === 'transformation')) {
          dataset.typed = false;
          break;
        }
        dataset = item['~run'](dataset);
      }
      return dataset;
    },
  };
}

/** A check of a typed value: `fails` says whether it fails; `received` words what was found. */
function validation(type: string, label: string, expects: string | null, requirement: unknown, message: Message, fails: (value: any, requirement: any) => boolean, received?: (value: any) => string): Item {
  return {
    kind: 'validation',
    type,
    expects,
    requirement,
    message,
    '~run'(dataset) {
      if (dataset.typed && fails(dataset.value, this.requirement)) addIssue(this, label, dataset, received && { received: received(dataset.value) });
      return dataset;
    },
  };
}

const length = (n: { length: number }) => `${n.length}`;
export const check = (requirement: (value: any) => boolean, message?: Message) => validation('check', 'input', null, requirement, message, (x, r) => !r(x));
export const integer = (message?: Message) => validation('integer', 'integer', null, Number.isInteger, message, (x, r) => !r(x));
export const finite = (message?: Message) => validation('finite', 'finite', null, Number.isFinite, message, (x, r) => !r(x));
export const regex = (requirement: RegExp, message?: Message) => validation('regex', 'format', `${requirement}`, requirement, message, (x, r) => !r.test(x));
export const includes = (requirement: unknown, message?: Message) => {
  const expects = stringify(requirement);
  return validation('includes', 'content', expects, requirement, message, (x, r) => !x.includes(r), () => `!${expects}`);
};
export const minLength = (requirement: number, message?: Message) => validation('min_length', 'length', `>=${requirement}`, requirement, message, (x, r) => x.length < r, length);
export const maxLength = (requirement: number, message?: Message) => validation('max_length', 'length', `<=${requirement}`, requirement, message, (x, r) => x.length > r, length);
export const minValue = (requirement: unknown, message?: Message) => validation('min_value', 'value', `>=${valueText(requirement)}`, requirement, message, (x, r) => !(x >= r), valueText);
export const maxValue = (requirement: unknown, message?: Message) => validation('max_value', 'value', `<=${valueText(requirement)}`, requirement, message, (x, r) => !(x <= r), valueText);
export const gtValue = (requirement: unknown, message?: Message) => validation('gt_value', 'value', `>${valueText(requirement)}`, requirement, message, (x, r) => !(x > r), valueText);
export const ltValue = (requirement: unknown, message?: Message) => validation('lt_value', 'value', `<${valueText(requirement)}`, requirement, message, (x, r) => !(x < r), valueText);

interface RawContext {
  dataset: Dataset;
  addIssue: (info?: IssueInfo) => void;
  NEVER: null;
}
const raw = (context: Item, dataset: Dataset): RawContext => ({
  dataset,
  addIssue: (info) => addIssue(context, info?.label ?? 'input', dataset, info),
  NEVER: null,
});

export function rawCheck(action: (context: RawContext) => void): Item {
  return {
    kind: 'validation',
    type: 'raw_check',
    expects: null,
    '~run'(dataset) {
      action(raw(this, dataset));
      return dataset;
    },
  };
}

export function rawTransform(action: (context: RawContext) => unknown): Item {
  return {
    kind: 'transformation',
    type: 'raw_transform',
    '~run'(dataset) {
      const output = action(raw(this, dataset));
      if (dataset.issues) dataset.typed = false;
      else dataset.value = output;
      return dataset;
    },
  };
}

export function transform(operation: (value: any) => unknown): Item {
  return {
    kind: 'transformation',
    type: 'transform',
    operation,
    '~run'(dataset) {
      dataset.value = operation(dataset.value);
      return dataset;
    },
  };
}
export const trim = (): Item => ({ ...transform((x: string) => x.trim()), type: 'trim' });

/** Points the issues an action raises on the whole object at one of its fields. */
export function forward(action: Item, path: readonly PropertyKey[]): Item {
  return {
    ...action,
    '~run'(dataset) {
      const before = dataset.issues && [...dataset.issues];
      dataset = action['~run'](dataset);
      for (const issue of dataset.issues ?? []) {
        if (before?.includes(issue)) continue;
        let input = dataset.value;
        for (const key of path) {
          const value = input[key];
          (issue.path ??= []).push({ type: 'unknown', origin: 'value', input, key, value });
          if (!value) break;
          input = value;
        }
      }
      return dataset;
    },
  };
}

export function safeParse(schema: Item, input: unknown) {
  const dataset = run(schema, input);
  return { typed: dataset.typed, success: !dataset.issues, output: dataset.value, issues: dataset.issues };
}

export class ValiError extends Error {
  issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues[0]!.message);
    this.name = 'ValiError';
    this.issues = issues;
  }
}

export function parse(schema: Item, input: unknown) {
  const dataset = run(schema, input);
  if (dataset.issues) throw new ValiError(dataset.issues);
  return dataset.value;
}

export function getDotPath(issue: Issue): string | null {
  if (!issue.path) return null;
  let key = '';
  for (const item of issue.path) {
    if (typeof item.key !== 'string' && typeof item.key !== 'number') return null;
    key += key ? `.${item.key}` : item.key;
  }
  return key;
}
