/**
 * What the tests believe each channel accepts, written independently of `arg-parsers.ts`: valid
 * arguments to generate, and for every field a rule (`isValid`) and near misses (values one typo
 * or one unit away from valid). The property tests hold the parsers to these.
 */
import fc from 'fast-check';
import type { ArgsOf, InvokeChannel } from '../../../common/ipc/contract.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings.ts';
import { CHANGE_KINDS } from '../../../common/sync-types.ts';

const MONTH_MS = 31 * 24 * 60 * 60 * 1000;
const MAX_TIME_MS = 8.64e15;

/** Every kind of value, including the ones structured clone can carry but JSON cannot. */
export const hostile = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

export interface FieldRule {
  readonly required: boolean;
  readonly isValid: (value: unknown) => boolean;
  readonly nearMiss: fc.Arbitrary<unknown>;
}

/** A field's invalid values: its near misses, or anything at all that breaks its rule. */
export function invalidValue(rule: FieldRule): fc.Arbitrary<unknown> {
  return fc.oneof(
    rule.nearMiss,
    hostile.filter((value) => value !== undefined && !rule.isValid(value)),
  );
}

const isInt = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function sparse(): unknown[] {
  const list: unknown[] = [];
  list[1] = 'added';
  return list;
}

const order: FieldRule = {
  required: true,
  isValid: (v) => v === 'server-time' || v === 'detected-time',
  nearMiss: fc.constantFrom('server_time', 'Server-time', 'detected', '', 'server-time ', null),
};
const limit: FieldRule = {
  required: true,
  isValid: isInt(1, 1000),
  nearMiss: fc.constantFrom(0, 1001, -1, 1.5, '10', 10n, Number.NaN, Infinity, new Number(5)),
};
const offset: FieldRule = {
  required: false,
  isValid: isInt(0, Number.MAX_SAFE_INTEGER),
  nearMiss: fc.constantFrom(-1, 0.5, '0', 2 ** 53, Infinity, null),
};
const kinds: FieldRule = {
  required: false,
  isValid: (v) =>
    Array.isArray(v) &&
    v.length <= CHANGE_KINDS.length &&
    Object.keys(v).length === v.length &&
    v.every((k) => (CHANGE_KINDS as readonly unknown[]).includes(k)),
  nearMiss: fc.constantFrom(
    ['added', 'nope'],
    ['ADDED'],
    Array(6).fill('added'),
    [null],
    'added',
    sparse(),
    new Set(['added']),
  ),
};
const detectedSinceMs: FieldRule = {
  required: false,
  isValid: isInt(0, MAX_TIME_MS),
  nearMiss: fc.constantFrom(-1, MAX_TIME_MS + 1024, 1.5, '0', new Date(0), null),
};
const idPrefix: FieldRule = {
  required: false,
  isValid: (v) => typeof v === 'string' && /^\d{0,19}$/.test(v),
  nearMiss: fc.constantFrom('12a', '۱۲۳', '1'.repeat(20), ' 12', 12, '-1', null),
};

const filterRules = { order, kinds, detectedSinceMs, idPrefix };

const choices: Partial<Record<keyof Settings, readonly string[]>> = {
  notifications: ['off', 'errors', 'changes-and-errors'],
  language: ['system', 'fa', 'en'],
  theme: ['system', 'light', 'dark'],
};

/** A settings field's rule: the default's type, the offered words for choices, finite numbers. */
function settingsRule(key: keyof Settings): FieldRule {
  const type = typeof DEFAULT_SETTINGS[key];
  const words = choices[key];
  return {
    required: false,
    isValid: (v) =>
      typeof v === type &&
      (words === undefined || words.includes(v as string)) &&
      (typeof v !== 'number' || Number.isFinite(v)) &&
      (typeof v !== 'string' || v.length <= 2048),
    nearMiss:
      words !== undefined
        ? fc.constantFrom('FA', 'persian', '', 'Light', 'all', 0)
        : type === 'number'
          ? fc.constantFrom('15', Number.NaN, Infinity, null, true, 15n)
          : type === 'boolean'
            ? fc.constantFrom('true', 1, 0, null, new Boolean(true))
            : fc.constantFrom(12, 12n, null, 'x'.repeat(2049), ['a'], new String('a')),
  };
}

/** The rules of each object-taking channel, by field; calls that take no argument are absent. */
export const fieldRules: Partial<Record<InvokeChannel, Readonly<Record<string, FieldRule>>>> = {
  'updates.page': { ...filterRules, limit, offset },
  'history.page': { limit, offset },
  'export.csv': filterRules,
  'clipboard.write': {
    text: {
      required: true,
      isValid: (v) => typeof v === 'string' && /^[0-9]{1,20}$/.test(v),
      nearMiss: fc.constantFrom('9'.repeat(21), '', '12a', ' 12', '12\n', '۱۲', '-1', 42, null, [
        '123',
      ]),
    },
  },
  'token.set': {
    token: {
      required: true,
      isValid: (v) => typeof v === 'string' && v.length <= 4096,
      nearMiss: fc.constantFrom('x'.repeat(4097), 123, new String('abc'), null, ['tok']),
    },
    test: {
      required: true,
      isValid: (v) => typeof v === 'boolean',
      nearMiss: fc.constantFrom('true', 1, 0, null, new Boolean(true)),
    },
  },
  'settings.set': Object.fromEntries(
    (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).map((key) => [key, settingsRule(key)]),
  ),
};

/** The three shapes of a pause, each one field; the variant is chosen by which field is there. */
export const pauseRules: Readonly<Record<string, FieldRule>> = {
  for: {
    required: true,
    isValid: isInt(1, MONTH_MS),
    nearMiss: fc.constantFrom(0, -5, MONTH_MS + 1, 1.5, '60000', null),
  },
  untilTomorrowAt: {
    required: true,
    isValid: (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    nearMiss: fc.constantFrom('24:00', '8:00', '08:60', '08:00:00', ' 08:00', 800, '۰۸:۰۰'),
  },
  untilResumed: {
    required: true,
    isValid: (v) => v === true,
    nearMiss: fc.constantFrom(false, 'true', 1, null),
  },
};

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const filter = {
  order: fc.constantFrom('server-time' as const, 'detected-time' as const),
  kinds: fc.uniqueArray(fc.constantFrom(...CHANGE_KINDS), { maxLength: CHANGE_KINDS.length }),
  detectedSinceMs: fc.integer({ min: 0, max: MAX_TIME_MS }),
  idPrefix: fc.stringMatching(/^\d{0,19}$/),
};

const settingsPatch = fc.record(
  {
    contactGroupId: fc.string({ maxLength: 30 }),
    syncIntervalMinutes: fc.double({ noNaN: true, noDefaultInfinity: true }),
    baseUrl: fc.string({ maxLength: 60 }),
    serverTimeZone: fc.string({ maxLength: 30 }),
    notifications: fc.constantFrom(
      'off' as const,
      'errors' as const,
      'changes-and-errors' as const,
    ),
    startAtLogin: fc.boolean(),
    startHidden: fc.boolean(),
    language: fc.constantFrom('system' as const, 'fa' as const, 'en' as const),
    theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
    changeLogMaxAgeDays: fc.integer(),
    changeLogMaxRows: fc.integer(),
  },
  { requiredKeys: [] },
);

/** Valid arguments for every channel. */
export const validArgs: { readonly [C in InvokeChannel]: fc.Arbitrary<ArgsOf<C>> } = {
  'state.get': fc.constant(undefined),
  'sync.now': fc.constant(undefined),
  'sync.cancel': fc.constant(undefined),
  'sync.pause': fc.oneof(
    fc.record({ for: fc.integer({ min: 1, max: MONTH_MS }) }),
    fc.record({ untilTomorrowAt: hhmm }),
    fc.constant({ untilResumed: true as const }),
  ),
  'sync.resume': fc.constant(undefined),
  'updates.page': fc.record(
    { ...filter, limit: fc.integer({ min: 1, max: 1000 }), offset: fc.nat() },
    { requiredKeys: ['order', 'limit'] },
  ),
  'history.page': fc.record(
    { limit: fc.integer({ min: 1, max: 1000 }), offset: fc.nat() },
    { requiredKeys: ['limit'] },
  ),
  'history.clear': fc.constant(undefined),
  'settings.get': fc.constant(undefined),
  'settings.set': settingsPatch,
  'token.status': fc.constant(undefined),
  'token.set': fc.record({ token: fc.string({ maxLength: 200 }), test: fc.boolean() }),
  'token.test': fc.constant(undefined),
  'token.clear': fc.constant(undefined),
  'export.csv': fc.record(filter, { requiredKeys: ['order'] }),
  'logs.open': fc.constant(undefined),
  'clipboard.read': fc.constant(undefined),
  'clipboard.write': fc.record({ text: fc.stringMatching(/^[0-9]{1,20}$/) }),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether `fields` holds only these rules' keys, as plain data, each following its rule. */
function followsRules(value: unknown, rules: Readonly<Record<string, FieldRule>>): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol' || !Object.hasOwn(rules, key)) return false;
    if (!('value' in (Object.getOwnPropertyDescriptor(value, key) ?? {}))) return false;
  }
  return Object.entries(rules).every(([key, rule]) => {
    const field = value[key];
    return field === undefined ? !rule.required : rule.isValid(field);
  });
}

/** The tests' own answer to "does main have to accept this argument for this channel?". */
export function satisfiesContract(channel: InvokeChannel, value: unknown): boolean {
  if (channel === 'sync.pause') {
    if (!isPlainObject(value)) return false;
    const [key, ...rest] = Reflect.ownKeys(value);
    if (typeof key !== 'string' || rest.length > 0) return false;
    const rule = pauseRules[key];
    return rule !== undefined && followsRules(value, { [key]: rule });
  }
  const rules = fieldRules[channel];
  return rules === undefined ? value === undefined : followsRules(value, rules);
}
