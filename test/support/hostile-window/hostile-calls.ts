/**
 * The worst a compromised window can send over IPC: any channel with any JSON (or structured-clone)
 * value, and shapes aimed at each hole such a window could use: a base URL pointing at the attacker in every
 * spelling (http, https, paths, credentials, IDN look-alikes, loopback aliases), tokens, huge
 * strings, prototype-pollution keys, retention cut to one, export filters carrying paths.
 */
import fc from 'fast-check';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../common/ipc/contract.ts';
import { hostile } from '../../unit/ipc/arbitraries.ts';

export interface HostileCall {
  readonly channel: InvokeChannel;
  /** What `ipcRenderer.invoke(channel, ...args)` would carry. */
  readonly args: readonly unknown[];
}

export interface HostileTargets {
  /** The attacker's port on 127.0.0.1. */
  readonly attackerPort: number;
  /** Paths a page might like written to (outside the data folder and the chosen export file). */
  readonly paths: readonly string[];
}

const HUGE = 'x'.repeat(70_000);

/** The calls that take no argument, each as the page would make it. */
const NO_ARGUMENTS = [
  'state.get',
  'sync.now',
  'sync.cancel',
  'sync.resume',
  'history.clear',
  'settings.get',
  'token.status',
  'token.test',
  'token.clear',
  'logs.open',
  'clipboard.read',
] as const satisfies readonly InvokeChannel[];

/** Every spelling of "send it to me instead" the settings' base URL might take. */
export function attackerUrls(port: number): string[] {
  const at = `127.0.0.1:${port}`;
  return [
    `http://${at}`,
    `http://${at}/rest`,
    `http://${at}/rest/../../steal?x=1`,
    `https://${at}/rest`,
    `http://localhost:${port}/rest`,
    `HTTP://LOCALHOST:${port}`,
    `http://[::1]:${port}/rest`,
    `http://127.1:${port}`,
    `http://2130706433:${port}`,
    `http://0x7f000001:${port}`,
    `http://user:pw@${at}/rest`,
    `https://portal.amootsms.com@${at}/rest`,
    `https://portal.amootsms.com.${at}/rest`,
    `http://${at}#https://portal.amootsms.com/rest`,
    `  http://${at}/rest\n`,
    `http://${at}/%2e%2e/%2e%2e/`,
    'https://portal.amootsms.com.evil.example/rest',
    'https://evil.example/portal.amootsms.com/rest',
    'https://аmootsms.com/rest',
    'https://xn--mootsms-7fg.com/rest',
    'https://portal.amootsms.com:8443/rest',
    'http://portal.amootsms.com/rest',
    'https://portal.amootsms.com/rest',
    'javascript:alert(1)',
    'file:///etc/passwd',
    `ws://${at}`,
    `http://${at}/${HUGE.slice(0, 2000)}`,
  ];
}

/** Keys that would pollute a prototype if a parser merged objects naively. */
function polluted(inner: Record<string, unknown>): unknown[] {
  const text = JSON.stringify(inner);
  return [
    JSON.parse(`{"__proto__": ${text}}`),
    JSON.parse(`{"constructor": {"prototype": ${text}}}`),
    JSON.parse(`{"prototype": ${text}}`),
    Object.assign(Object.create(inner) as object, {}),
  ];
}

function targeted(targets: HostileTargets): fc.Arbitrary<HostileCall> {
  const urls = attackerUrls(targets.attackerPort);
  const baseUrl = fc.constantFrom(...urls);
  const anyPath = fc.constantFrom(...targets.paths);
  const call = (channel: InvokeChannel, arg: fc.Arbitrary<unknown>) =>
    arg.map((value): HostileCall => ({ channel, args: [value] }));
  return fc.oneof(
    call('settings.set', fc.record({ baseUrl })),
    call('settings.set', fc.record({ baseUrl, contactGroupId: fc.constantFrom('0', '1', HUGE) })),
    call(
      'settings.set',
      fc.constantFrom(
        { changeLogMaxAgeDays: 1 },
        { changeLogMaxRows: 1 },
        { changeLogMaxAgeDays: 1, changeLogMaxRows: 1 },
        { startAtLogin: true },
        { startAtLogin: false },
        { syncIntervalMinutes: 1 },
      ),
    ),
    call(
      'settings.set',
      baseUrl.chain((url) => fc.constantFrom(...polluted({ baseUrl: url }))),
    ),
    call(
      'token.set',
      fc.record({
        token: fc.oneof(
          fc.constantFrom('attacker-chosen-token', HUGE, '', ' ', 'a\r\nX-Evil: 1', '%00'),
          fc.string({ maxLength: 80 }),
        ),
        test: fc.boolean(),
      }),
    ),
    call(
      'export.csv',
      fc.oneof(
        fc.record({ order: fc.constant('server-time'), idPrefix: anyPath }),
        fc.record({ order: fc.constant('server-time'), kinds: fc.constant([`../${'a'}`]) }),
        fc.record({ order: fc.constant('detected-time'), path: anyPath, filePath: anyPath }),
        fc.record({ order: fc.constant('server-time'), defaultPath: anyPath }),
        fc.constant({ order: 'server-time' }),
        anyPath.chain((path) => fc.constantFrom(...polluted({ filePath: path }))),
      ),
    ),
    call('clipboard.write', fc.record({ text: fc.oneof(anyPath, fc.constantFrom(HUGE, '1')) })),
    call('sync.pause', fc.constantFrom({ for: 1e300 }, { untilTomorrowAt: '99:99' }, {})),
    call('updates.page', fc.constantFrom({ order: 'server-time', limit: 1e9 }, { limit: -1 })),
    fc.constantFrom(...NO_ARGUMENTS).map((channel): HostileCall => ({ channel, args: [] })),
  );
}

/** Any channel, any value: JSON the preload would pass on, or anything structured clone carries. */
function arbitrary(): fc.Arbitrary<HostileCall> {
  return fc.record({
    channel: fc.constantFrom(...INVOKE_CHANNELS),
    args: fc.oneof(
      fc.constant([]),
      fc.tuple(fc.jsonValue()),
      fc.tuple(hostile),
      fc.array(fc.jsonValue(), { minLength: 2, maxLength: 3 }),
    ),
  });
}

/**
 * A session's worth of calls, each batch sent one after the other or all at once. Every batch ends
 * with the two calls that would carry the token out (`token.test`, `sync.now`) and a Paste.
 */
export function hostileSession(targets: HostileTargets): fc.Arbitrary<{
  readonly calls: readonly HostileCall[];
  readonly parallel: boolean;
}> {
  const send = (channel: InvokeChannel): HostileCall => ({ channel, args: [] });
  return fc.record({
    calls: fc
      .array(fc.oneof({ weight: 3, arbitrary: targeted(targets) }, arbitrary()), {
        minLength: 1,
        maxLength: 6,
      })
      .map((calls) => [...calls, send('token.test'), send('sync.now'), send('clipboard.read')]),
    parallel: fc.boolean(),
  });
}
