/**
 * Builds the app's services on one data folder: the stores, the token's vault and service, the
 * sync engine and the scheduler, connected the way the app needs them and nothing else. Electron
 * comes in as parameters (`net.fetch`, `safeStorage`, electron-store's class), so this runs under
 * plain Node in tests with Node's fetch and conf.
 */
import { join } from 'node:path';
import { bilingual } from '../../../common/i18n/format-message.ts';
import type { SyncProgress, SyncRunRecord } from '../../../common/sync-types.ts';
import type { ConfConstructor } from '../../adapters/conf-store/conf-document.ts';
import {
  chooseSecretStore,
  type SecretStoreChoice,
} from '../../adapters/secrets/choose-secret-store.ts';
import type { KeytarStoreOptions } from '../../adapters/secrets/keytar-secret-store.ts';
import type { SafeStorageApi } from '../../adapters/secrets/safe-storage-secret-store.ts';
import { openStores } from '../../compose/open-stores.ts';
import { createStoresEngine } from '../../compose/stores-engine.ts';
import { fetchContactUpdates, userAgentFor } from '../../core/amoot/client.ts';
import type { FetchFunction } from '../../core/amoot/guarded-request.ts';
import { systemClock, systemTimers, type Clock, type Timers } from '../../core/ports/clock.ts';
import type { ContactMirror } from '../../core/ports/contact-mirror.ts';
import type { HistoryStore } from '../../core/ports/history-store.ts';
import type { SettingsStore } from '../../core/ports/settings-store.ts';
import type { StoreRecovery } from '../../core/ports/store-recovery.ts';
import type { SyncScheduler } from '../../core/scheduler/scheduler-types.ts';
import { createSyncScheduler } from '../../core/scheduler/sync-scheduler.ts';
import { recoverInterruptedRuns, type SyncEngine } from '../../core/sync/sync-engine.ts';
import {
  createTokenService,
  type TestToken,
  type TokenService,
} from '../../core/token/token-service.ts';
import type { Logger } from '../logging/logging.ts';
import { describeError } from '../../core/describe-error.ts';
import { applyDemoSettings, createDemoSecretStore, type DemoMode } from '../lifecycle/demo-mode.ts';
import { createRunTokenLease, type SecretsInUse } from '../lifecycle/secrets-in-use.ts';
import { createSignal, type Signal } from '../../core/signal.ts';
import { toSyncResult } from './sync-result.ts';
import type { LaunchWorker } from '../../sync-worker/protocol.ts';
import {
  exportInProcess,
  exportInWorker,
  type WriteUpdatesCsvFile,
} from '../../sync-worker/worker-export.ts';
import { processTransport } from '../../sync-worker/process-transport.ts';
import { TOKEN_FILE } from '../../core/ports/data-folder.ts';

export interface ServicesDeps {
  /** `app.getPath('userData')`. */
  readonly dataDir: string;
  /** electron-store's class in the app. */
  readonly Store?: ConfConstructor;
  /** `net.fetch` in the app: system proxy, PAC and certificate store. */
  readonly fetch: FetchFunction;
  /** Electron's `safeStorage`, passed only once the app is ready. */
  readonly safeStorage?: SafeStorageApi;
  readonly platform: NodeJS.Platform;
  readonly appVersion: string;
  readonly demo: DemoMode | null;
  /**
   * Whether the base URL may be plain http to loopback (the simulator): only in a copy run from
   * the sources or in the demo (`loopbackHttpAllowed`). Required, so no caller can forget it.
   */
  readonly allowLoopbackHttp: boolean;
  /** `net.isOnline`: the scheduler skips automatic runs while it is false. */
  readonly isOnline: () => boolean;
  readonly secrets: SecretsInUse;
  readonly log: Logger;
  readonly clock?: Clock;
  readonly timers?: Timers;
  /**
   * Starts a sync process (a utility process in the app). Given, every sync and export runs in
   * one, so main never blocks on a large account; absent (tests, tools), they run in this process.
   */
  readonly launchWorker?: LaunchWorker;
  /** How the keychain is reached; a copy run from the sources keeps its own entry (`dev-copy.ts`). */
  readonly keytar?: KeytarStoreOptions;
}

export interface AppServices {
  readonly settings: SettingsStore;
  readonly history: HistoryStore;
  readonly mirror: ContactMirror;
  /** Store files moved aside while opening: the window shows them until the app restarts. */
  readonly recoveries: readonly StoreRecovery[];
  readonly secretStore: SecretStoreChoice;
  readonly tokens: TokenService;
  /** One real call with `token` and the current settings; never throws. */
  readonly testToken: TestToken;
  readonly engine: SyncEngine;
  /** Writes the changes a filter matches to a CSV file ("Export CSV"). */
  readonly writeCsv: WriteUpdatesCsvFile;
  readonly scheduler: SyncScheduler;
  readonly progress: Signal<SyncProgress>;
  readonly runFinished: Signal<SyncRunRecord>;
  /** Cancels a running sync, stops the scheduler, waits for it and closes the stores. */
  close(): Promise<void>;
}

export async function openServices(deps: ServicesDeps): Promise<AppServices> {
  const { log, secrets } = deps;
  const clock = deps.clock ?? systemClock;
  const timers = deps.timers ?? systemTimers;
  const reportError = (error: unknown) => log.error(describeError(error));
  const stores = openStores({
    dir: deps.dataDir,
    Store: deps.Store,
    clock,
    settingsPolicy: { allowLoopbackHttp: deps.allowLoopbackHttp },
  });
  try {
    for (const recovery of stores.recoveries) {
      log.warn(`${recovery.store} store moved aside to ${recovery.movedTo}: ${recovery.reason}`);
    }
    for (const message of stores.messages) log.warn(bilingual(message).en);
    if (deps.demo !== null) {
      const refused = applyDemoSettings(stores.settings, deps.demo);
      log.info(refused ?? `demo mode: syncing the simulator at ${deps.demo.baseUrl}`);
    }

    const secretStore: SecretStoreChoice =
      deps.demo === null
        ? await chooseSecretStore({
            ...(deps.safeStorage === undefined ? {} : { safeStorage: deps.safeStorage }),
            safeStorageFile: join(deps.dataDir, TOKEN_FILE),
            platform: deps.platform,
            ...(deps.keytar === undefined ? {} : { keytar: deps.keytar }),
          })
        : {
            store: await createDemoSecretStore(deps.demo),
            reason: { key: 'token.backend.memory' },
            detail: 'demo: memory, holding the demo token',
          };
    log.info(`token store: ${secretStore.store.backend} (${secretStore.detail})`);

    const userAgent = userAgentFor(deps.appVersion, deps.platform);
    const testToken: TestToken = async (token) => {
      const release = secrets.hold(token);
      try {
        const settings = stores.settings.get();
        const result = await fetchContactUpdates({
          token,
          contactGroupId: settings.contactGroupId,
          baseUrl: settings.baseUrl,
          serverTimeZone: settings.serverTimeZone,
          fetch: deps.fetch,
          userAgent,
        });
        return result.ok ? { ok: true } : { ok: false, error: result.error };
      } finally {
        release();
      }
    };
    const tokens = createTokenService({
      store: secretStore.store,
      testToken,
      log: (line) => log.info(line),
    });

    const progress = createSignal<SyncProgress>(reportError);
    const runFinished = createSignal<SyncRunRecord>(reportError);
    // The engine reads the token afresh for every run; the log knows it until the run ended and
    // every sync process has exited (`createRunTokenLease` in lifecycle/secrets-in-use.ts).
    const lease = createRunTokenLease(secrets);
    const launchWorker =
      deps.launchWorker === undefined ? undefined : lease.counting(deps.launchWorker);
    const readToken = async (): Promise<string | null> => {
      const read = await tokens.withToken((token) => Promise.resolve(token));
      if (!read.ok) {
        if (read.reason === 'missing') return null;
        // The engine shows the vault's own message (locked keychain, unreadable file) for the run.
        throw Object.assign(
          new Error(`the token could not be read: ${bilingual(read.message).en}`),
          {
            localized: read.message,
          },
        );
      }
      lease.hold(read.value);
      return read.value;
    };
    const onRunFinished = (run: SyncRunRecord): void => {
      lease.runFinished();
      runFinished.emit(run);
    };
    const onProgress = (value: SyncProgress): void => progress.emit(value);
    // Given a launcher, each run's steps happen in a sync process of their own (the app), so
    // main never blocks on a large account; otherwise in this process (tests, tools).
    const engine: SyncEngine = createStoresEngine(stores, {
      readToken,
      fetch: deps.fetch,
      userAgent,
      clock,
      timers,
      onProgress,
      onRunFinished,
      log: (line, level = 'info') => log[level](line),
      ...(launchWorker === undefined
        ? {}
        : {
            transport: processTransport({
              launch: launchWorker,
              dataDir: deps.dataDir,
              history: stores.history,
              mirror: stores.mirror,
              userAgent,
              clock,
            }),
          }),
    });
    const writeCsv =
      launchWorker === undefined
        ? exportInProcess(stores.mirror, deps.dataDir)
        : exportInWorker(launchWorker, deps.dataDir);
    for (const run of recoverInterruptedRuns(stores.history, stores.mirror)) {
      log.warn(`sync ${run.id} was interrupted by the last exit (committed: ${run.committed})`);
    }

    const scheduler = createSyncScheduler({
      clock,
      timers,
      random: Math.random,
      runSync: async (trigger) => toSyncResult(await engine.run(trigger)),
      intervalMinutes: () => stores.settings.get().syncIntervalMinutes,
      isOnline: deps.isOnline,
      onError: reportError,
    });
    const unsubscribe = [
      stores.settings.onChange((_settings, changed) => scheduler.settingsChanged(changed)),
      tokens.onChange(() => scheduler.tokenChanged()),
    ];

    let closing: Promise<void> | null = null;
    return {
      settings: stores.settings,
      history: stores.history,
      mirror: stores.mirror,
      recoveries: stores.recoveries,
      secretStore,
      tokens,
      testToken,
      engine,
      writeCsv,
      scheduler,
      progress,
      runFinished,
      close() {
        closing ??= (async () => {
          for (const stop of unsubscribe) stop();
          engine.cancel();
          await scheduler.stop();
          stores.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    stores.close();
    throw error;
  }
}
