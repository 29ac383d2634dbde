/**
 * Small parsers from `unknown` (after Signal Desktop: every value from IPC is parsed at the edge).
 * A parser returns the typed value or the path of the first field that failed and what it should
 * have been. Parsers never throw on any input and never return the input object itself: objects
 * are rebuilt from their known fields, so nothing unlisted (or a prototype trick) rides along.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly path: string; readonly expected: string };

/** `path` is where `input` sits in the whole argument; `$` for the argument itself. */
export type Parser<T> = (input: unknown, path?: string) => Parsed<T>;

export type ParsedType<P> = P extends Parser<infer T> ? T : never;

const ROOT = '$';
const MAX_KEY_ECHO = 40;

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refuse(path: string, expected: string): Parsed<never> {
  return { ok: false, path, expected };
}

/** `$.limit` for a plain name, `$["a b"]` otherwise; long keys are cut so a path stays short. */
export function fieldPath(path: string, key: string | symbol): string {
  if (typeof key === 'symbol') return `${path}[symbol]`;
  if (/^[A-Za-z_$][\w$]{0,39}$/.test(key)) return `${path}.${key}`;
  const shown = key.length > MAX_KEY_ECHO ? `${key.slice(0, MAX_KEY_ECHO)}…` : key;
  return `${path}[${JSON.stringify(shown)}]`;
}

/** The argument of a call that takes none: only `undefined`. */
export const nothing: Parser<void> = (input, path = ROOT) =>
  input === undefined ? accept(undefined) : refuse(path, 'no argument');

export const boolean: Parser<boolean> = (input, path = ROOT) =>
  typeof input === 'boolean' ? accept(input) : refuse(path, 'true or false');

/** A primitive string no longer than `maxLength` (and matching `pattern`, when given). */
export function string(options: {
  readonly maxLength: number;
  readonly pattern?: RegExp;
  readonly describe?: string;
}): Parser<string> {
  const expected = options.describe ?? `a string of at most ${options.maxLength} characters`;
  return (input, path = ROOT) => {
    if (typeof input !== 'string' || input.length > options.maxLength)
      return refuse(path, expected);
    if (options.pattern !== undefined && !options.pattern.test(input))
      return refuse(path, expected);
    return accept(input);
  };
}

/** A whole number (a primitive `number`, not a bigint or a numeric string) within the bounds. */
export function integer(options: { readonly min: number; readonly max: number }): Parser<number> {
  const expected = `an integer from ${options.min} to ${options.max}`;
  return (input, path = ROOT) =>
    typeof input === 'number' &&
    Number.isInteger(input) &&
    input >= options.min &&
    input <= options.max
      ? accept(input)
      : refuse(path, expected);
}

/** Exactly one of the given strings (or other primitives). */
export function oneOf<const T extends readonly (string | number | boolean)[]>(
  values: T,
): Parser<T[number]> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return (input, path = ROOT) =>
    values.some((v) => v === input) ? accept(input as T[number]) : refuse(path, expected);
}

/** A dense array of at most `maxLength` items, each parsed by `item`. */
export function arrayOf<T>(item: Parser<T>, options: { readonly maxLength: number }): Parser<T[]> {
  return (input, path = ROOT) => {
    if (!Array.isArray(input) || input.length > options.maxLength) {
      return refuse(path, `a list of at most ${options.maxLength} items`);
    }
    const out: T[] = [];
    for (let index = 0; index < input.length; index += 1) {
      const itemPath = `${path}[${index}]`;
      const descriptor = Object.getOwnPropertyDescriptor(input, index);
      if (descriptor === undefined || !('value' in descriptor)) return refuse(itemPath, 'an item');
      const parsed = item(descriptor.value, itemPath);
      if (!parsed.ok) return parsed;
      out.push(parsed.value);
    }
    return accept(out);
  };
}

/** True for objects as JSON and structured clone make them; arrays, Maps, Dates… are not. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

type Shape = Readonly<Record<string, Parser<unknown>>>;

export type ObjectOf<R extends Shape, O extends Shape> = {
  readonly [K in keyof R]: ParsedType<R[K]>;
} & { readonly [K in keyof O]?: ParsedType<O[K]> };

/**
 * A plain object with exactly these fields: every `required` one, any of the `optional` ones
 * (an optional field sent as `undefined` counts as absent), and nothing else. An unknown field is
 * refused rather than dropped, so a caller's mistake shows up instead of being silently ignored.
 */
export function object<R extends Shape, O extends Shape = Record<never, never>>(
  required: R,
  optional?: O,
): Parser<ObjectOf<R, O>> {
  const optionalShape: Shape = optional ?? {};
  return (input, path = ROOT) => {
    if (!isPlainObject(input)) return refuse(path, 'an object');
    const fields = ownDataFields(
      input,
      path,
      (key) => Object.hasOwn(required, key) || Object.hasOwn(optionalShape, key),
    );
    if (!fields.ok) return fields;
    const out: Record<string, unknown> = {};
    for (const [key, parse] of Object.entries(required)) {
      const keyPath = fieldPath(path, key);
      if (!fields.value.has(key) || fields.value.get(key) === undefined) {
        return refuse(keyPath, 'a value (the field is required)');
      }
      const parsed = parse(fields.value.get(key), keyPath);
      if (!parsed.ok) return parsed;
      out[key] = parsed.value;
    }
    for (const [key, parse] of Object.entries(optionalShape)) {
      const value = fields.value.get(key);
      if (value === undefined) continue;
      const parsed = parse(value, fieldPath(path, key));
      if (!parsed.ok) return parsed;
      out[key] = parsed.value;
    }
    return accept(out as ObjectOf<R, O>);
  };
}

/**
 * The own fields of a plain object, each read once as a data value. A getter or a key outside
 * `isKnown` is refused by path; symbol keys are refused too (IPC never carries them).
 */
export function ownDataFields(
  input: object,
  path: string,
  isKnown: (key: string) => boolean,
): Parsed<Map<string, unknown>> {
  const fields = new Map<string, unknown>();
  for (const key of Reflect.ownKeys(input)) {
    const keyPath = fieldPath(path, key);
    if (typeof key === 'symbol' || !isKnown(key)) return refuse(keyPath, 'no such field');
    const descriptor = Object.getOwnPropertyDescriptor(input, key);
    if (descriptor === undefined || !('value' in descriptor))
      return refuse(keyPath, 'a plain value');
    fields.set(key, descriptor.value);
  }
  return accept(fields);
}

/**
 * A union told apart by which field is present (`{ for }`, `{ untilTomorrowAt }`, …): the first
 * variant whose key the object has is the one it must satisfy in full.
 */
export function variantByKey<T>(
  variants: Readonly<Record<string, Parser<T>>>,
  expected: string,
): Parser<T> {
  return (input, path = ROOT) => {
    if (!isPlainObject(input)) return refuse(path, expected);
    for (const [key, parse] of Object.entries(variants)) {
      if (Object.hasOwn(input, key)) return parse(input, path);
    }
    return refuse(path, expected);
  };
}
