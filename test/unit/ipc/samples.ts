/**
 * One valid argument and one result for every channel, typed by the contract so adding a channel
 * without a sample fails the type check; shared by the round-trip and registration tests.
 */
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import { methodPath } from '../../../common/ipc/bridge.ts';
import type {
  ArgsOf,
  EventChannel,
  InvokeChannel,
  PayloadOf,
  ResultOf,
} from '../../../common/ipc/contract.ts';
import { DEFAULT_SETTINGS } from '../../../common/settings.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import type { IpcHandlers } from '../../../main/desktop/ipc/ipc-main.ts';

const run: SyncRunRecord = {
  id: 'run-1',
  trigger: 'manual',
  startedAtMs: 1_700_000_000_000,
  durationMs: 1200,
  attempts: 1,
  outcome: 'success',
  status: 'Success',
  errorKind: null,
  message: null,
  counts: { received: 3, added: 1, updated: 1, deleted: 0, restored: 0, missing: 0, unchanged: 1 },
  committed: true,
  warnings: [],
};

export const sampleArgs: { readonly [C in InvokeChannel]: ArgsOf<C> } = {
  'state.get': undefined,
  'sync.now': undefined,
  'sync.cancel': undefined,
  'sync.pause': { untilTomorrowAt: '08:00' },
  'sync.resume': undefined,
  'updates.page': {
    order: 'detected-time',
    kinds: ['added', 'deleted'],
    idPrefix: '98',
    limit: 50,
  },
  'history.page': { limit: 20, offset: 40 },
  'history.clear': undefined,
  'settings.get': undefined,
  'settings.set': { syncIntervalMinutes: 30, language: 'fa' },
  'token.status': undefined,
  'token.set': { token: 'secret-token-123', test: true },
  'token.test': undefined,
  'token.clear': undefined,
  'export.csv': { order: 'server-time', detectedSinceMs: 1_700_000_000_000 },
  'logs.open': undefined,
  'clipboard.read': undefined,
  'clipboard.write': { text: '9223372036854775807' },
};

export const sampleResults: { readonly [C in InvokeChannel]: ResultOf<C> } = {
  'state.get': {
    lastRun: run,
    nextRunAtMs: 1_700_000_900_000,
    paused: { untilResumed: false, untilMs: 1_700_003_600_000 },
    blocked: null,
    online: true,
    syncing: false,
    storeRecoveries: [
      { store: 'history', movedTo: '/tmp/history.json.corrupt-1', reason: 'bad JSON', atMs: 1 },
    ],
    token: { present: true, backend: 'keychain', persistent: true },
  },
  'sync.now': { ok: false, errorKind: 'rate-limit', retryAfterMs: 60_000 },
  'sync.cancel': undefined,
  'sync.pause': undefined,
  'sync.resume': undefined,
  'updates.page': {
    rows: [
      {
        seq: 7,
        id: '9223372036854775807',
        kind: 'added',
        updatedAtMs: 1_700_000_000_000,
        detectedAtMs: 1_700_000_001_000,
        runId: 'run-1',
      },
    ],
    total: 1,
    totalsByKind: { added: 1, updated: 0, deleted: 0, restored: 0, missing: 0 },
  },
  'history.page': { runs: [run], total: 1 },
  'history.clear': { ok: true },
  'settings.get': DEFAULT_SETTINGS,
  'settings.set': {
    ok: false,
    field: 'syncIntervalMinutes',
    message: { key: 'settings.sync-interval.invalid', params: { min: 1, max: 1440 } },
  },
  'token.status': { present: false, backend: 'memory', persistent: false },
  'token.set': { ok: false, message: { key: 'input.token.empty' }, canSaveUntested: false },
  'token.test': { ok: false, message: { key: 'error.cancelled' }, errorKind: 'auth' },
  'token.clear': { ok: true },
  'export.csv': { ok: false, cancelled: true },
  'logs.open': { ok: true },
  'clipboard.read': { ok: true, text: 'pasted-token' },
  'clipboard.write': undefined,
};

export const samplePayloads: { readonly [E in EventChannel]: PayloadOf<E> } = {
  'state.changed': sampleResults['state.get'],
  'sync.progress': { runId: 'run-1', phase: 'downloading', attempt: 1, bytesReceived: 4096 },
  'updates.changed': { runId: 'run-1' },
  'ui.navigate': { screen: 'settings-token' },
};

export interface RecordedCall {
  readonly channel: InvokeChannel;
  readonly args: unknown;
}

/** Handlers answering with `sampleResults`, writing each call into `calls`. */
export function recordingHandlers(calls: RecordedCall[]): IpcHandlers {
  const handlers: Record<string, (args: unknown) => unknown> = {};
  for (const channel of Object.keys(sampleResults) as InvokeChannel[]) {
    handlers[channel] = (args) => {
      calls.push({ channel, args });
      return sampleResults[channel];
    };
  }
  return handlers as unknown as IpcHandlers;
}

/** Calls `channel` through an API object the way a page would (`api.group.member(args)`). */
export function callChannel(
  api: AmootApi,
  channel: InvokeChannel,
  args: unknown,
): Promise<unknown> {
  const [group, member] = methodPath(channel);
  const method = (
    api as unknown as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>
  )[group]?.[member];
  if (method === undefined) throw new Error(`the API has no ${channel}`);
  return args === undefined ? method() : method(args);
}
