/**
 * The window's calls, answered by main's real handlers over real services on a temporary data
 * folder, with the token going over real HTTP: to the AmootSMS simulator the user chose, and to a
 * second simulator on another loopback port standing for a server the page would like the token
 * sent to. Main asks the user (`Confirm`); what the user answers decides where the token goes.
 */
import { systemClock } from '../../main/core/ports/clock.ts';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bilingual } from '../../common/i18n/format-message.ts';
import { DEFAULT_SETTINGS } from '../../common/settings.ts';
import { createIpcHandlers } from '../../main/desktop/ipc/ipc-handlers.ts';
import { createSecretsInUse } from '../../main/desktop/lifecycle/secrets-in-use.ts';
import { openServices, type AppServices } from '../../main/desktop/services/services.ts';
import { openStores } from '../../main/compose/open-stores.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import type { ConfirmRequest } from '../../main/core/ports/confirm.ts';
import type { IpcHandlers } from '../../main/desktop/ipc/ipc-main.ts';
import type { Logger } from '../../main/desktop/logging/logging.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { gateOverMemory, hubOverServices } from '../support/headless-main.ts';

// Scanned for by the suite's teardown in every file the tests leave behind.
const USER_TOKEN = 'confirm-handlers-token-5c1e9a';
const SECOND_TOKEN = 'confirm-handlers-second-token-81d2';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let chosen: Simulator;
let foreign: Simulator;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  chosen = await startSimulator({
    contacts: 20,
    seed: 5,
    tokens: { [USER_TOKEN]: 'valid', [SECOND_TOKEN]: 'valid' },
  });
  // Answers like AmootSMS and accepts the token too, so a sync there would succeed unnoticed.
  foreign = await startSimulator({ contacts: 20, seed: 6, tokens: { [USER_TOKEN]: 'valid' } });
});
afterAll(async () => {
  await chosen.close();
  await foreign.close();
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  foreign.requests.length = 0;
});

const tokenRequestsTo = (server: Simulator) =>
  server.requests.filter((request) => request.headers.authorization === USER_TOKEN);

interface Opened {
  readonly handlers: IpcHandlers;
  readonly services: AppServices;
  readonly dataDir: string;
  readonly asked: ConfirmRequest[];
}

async function freshDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'amoot-confirm-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** The app's handlers on a fresh folder, synced with the simulator the user chose. */
async function openApp(answer: boolean, allowLoopbackHttp = true): Promise<Opened> {
  const dataDir = await freshDir();
  const services = await openServices({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    platform: process.platform,
    appVersion: '0.0.0-test',
    // The demo's memory vault holds the user's token, and its base URL is the chosen simulator.
    demo: { baseUrl: chosen.baseUrl, token: USER_TOKEN },
    allowLoopbackHttp,
    isOnline: () => true,
    secrets: createSecretsInUse(),
    log: quiet,
  });
  cleanup.push(() => services.close());
  const hub = await hubOverServices(services, () => {});
  cleanup.push(() => hub.dispose());
  const asked: ConfirmRequest[] = [];
  const handlers = createIpcHandlers({
    services,
    hub,
    exportDeps: {
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      writeCsv: services.writeCsv,
      folder: () => dataDir,
      language: () => 'en',
      now: Date.now,
      log: quiet,
    },
    openPath: () => Promise.resolve(''),
    logsFolder: () => dataDir,
    clipboard: gateOverMemory({ text: '' }, () => undefined),
    clock: systemClock,
    confirm: (request) => {
      asked.push(request);
      return Promise.resolve(answer);
    },
    log: quiet,
  });
  return { handlers, services, dataDir, asked };
}

const settingsFile = (dataDir: string) => join(dataDir, 'settings.json');
const fileText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);

describe('a base URL the window sets', () => {
  it('sends no token to another host when the user answers no', async () => {
    const { handlers, services, dataDir, asked } = await openApp(false);
    const before = fileText(settingsFile(dataDir));

    expect(await handlers['settings.set']({ baseUrl: foreign.baseUrl })).toEqual({
      ok: false,
      cancelled: true,
    });
    expect(await handlers['token.test']()).toEqual({ ok: true });
    expect(await handlers['sync.now']()).toEqual({ ok: true });

    expect(asked).toEqual([{ kind: 'send-token-to-host', host: new URL(foreign.baseUrl).host }]);
    expect(tokenRequestsTo(foreign)).toEqual([]);
    expect(foreign.requests).toEqual([]);
    expect(services.settings.get().baseUrl).toBe(chosen.baseUrl);
    expect(fileText(settingsFile(dataDir))).toBe(before);
  });

  it('sends it there once the user answered yes', async () => {
    const { handlers, services, asked } = await openApp(true);

    expect(await handlers['settings.set']({ baseUrl: foreign.baseUrl })).toMatchObject({
      ok: true,
      settings: { baseUrl: foreign.baseUrl },
    });
    expect(await handlers['token.test']()).toEqual({ ok: true });
    expect(await handlers['sync.now']()).toEqual({ ok: true });

    expect(asked).toEqual([{ kind: 'send-token-to-host', host: new URL(foreign.baseUrl).host }]);
    expect(tokenRequestsTo(foreign).length).toBeGreaterThanOrEqual(2);
    expect(services.settings.get().baseUrl).toBe(foreign.baseUrl);
  });

  it('needs no question for the AmootSMS server, nor for another path on the chosen one', async () => {
    const { handlers, asked } = await openApp(false);
    expect(await handlers['settings.set']({ baseUrl: `${chosen.baseUrl}/v2` })).toMatchObject({
      ok: true,
    });
    expect(await handlers['settings.set']({ baseUrl: DEFAULT_SETTINGS.baseUrl })).toMatchObject({
      ok: true,
      settings: { baseUrl: DEFAULT_SETTINGS.baseUrl },
    });
    expect(asked).toEqual([]);
  });

  it('names a look-alike host in punycode, so it cannot pass for AmootSMS', async () => {
    const { handlers, asked } = await openApp(false);
    // "portal.amootsms.com" with a Cyrillic "о".
    await handlers['settings.set']({ baseUrl: 'https://p\u043Ertal.amootsms.com/rest' });
    expect(asked).toEqual([{ kind: 'send-token-to-host', host: 'xn--prtal-jye.amootsms.com' }]);
  });

  it('is refused as plain http in the installed app, without a question, in both languages', async () => {
    // No sync here: the demo's own loopback address is refused too, so the default would be synced.
    const { handlers, services, asked } = await openApp(true, false);
    const refused = await handlers['settings.set']({ baseUrl: foreign.baseUrl });
    expect(refused).toMatchObject({
      ok: false,
      field: 'baseUrl',
      message: { key: 'input.base-url.loopback-http-installed' },
    });
    if (refused.ok || 'cancelled' in refused) throw new Error('refused');
    const { en, fa } = bilingual(refused.message);
    expect(en).toMatch(/https:\/\//);
    expect(fa).toMatch(/[\u0600-\u06FF]/);
    expect(asked).toEqual([]);
    expect(services.settings.get().baseUrl).not.toBe(foreign.baseUrl);
  });
});

describe('a plain-http loopback base URL in settings.json', () => {
  it('is not used by an installed app: syncs stop with a message naming the field', async () => {
    const dataDir = await freshDir();
    await writeFile(settingsFile(dataDir), JSON.stringify({ baseUrl: foreign.baseUrl }));
    const stores = openStores({ dir: dataDir, settingsPolicy: { allowLoopbackHttp: false } });
    cleanup.push(() => stores.close());

    expect(stores.messages).toContainEqual({
      key: 'settings.stored.unusable',
      params: { fields: 'baseUrl' },
    });
    const run = await createStoresEngine(stores, {
      readToken: () => Promise.resolve(USER_TOKEN),
      fetch: (url, init) => fetch(url, init),
      userAgent: 'test',
    }).run('manual');
    expect(run).toMatchObject({ outcome: 'failed', message: { key: 'sync.settings-unusable' } });
    expect(foreign.requests).toEqual([]);
    // The value stays in the file, as the user wrote it.
    expect(fileText(settingsFile(dataDir))).toContain(foreign.baseUrl);
  });
});

describe('credential and destructive calls', () => {
  it('change nothing when the user answers no, and say so as cancelled', async () => {
    const { handlers, services, asked } = await openApp(false);
    expect(await handlers['sync.now']()).toEqual({ ok: true });
    const runs = services.history.list({ limit: 10 }).total;

    expect(await handlers['token.set']({ token: 'other-token-0f3a', test: false })).toEqual({
      ok: false,
      cancelled: true,
    });
    // Accepted by the server it is tested on, so only the question stands between it and the vault.
    expect(await handlers['token.set']({ token: SECOND_TOKEN, test: true })).toEqual({
      ok: false,
      cancelled: true,
    });
    expect(await handlers['token.clear']()).toEqual({ ok: false, cancelled: true });
    expect(await handlers['history.clear']()).toEqual({ ok: false, cancelled: true });
    expect(
      await handlers['settings.set']({
        changeLogMaxAgeDays: 1,
        changeLogMaxRows: 1000,
        startAtLogin: true,
      }),
    ).toEqual({ ok: false, cancelled: true });

    expect(asked.map((request) => request.kind)).toEqual([
      'save-untested-token',
      'replace-token',
      'remove-token',
      'clear-history',
      // The first "no" ends the change: the rest is not asked.
      'start-at-login',
    ]);
    expect(await services.tokens.withToken((token) => Promise.resolve(token))).toEqual({
      ok: true,
      value: USER_TOKEN,
    });
    expect(services.history.list({ limit: 10 }).total).toBe(runs);
    expect(services.settings.get()).toMatchObject({
      changeLogMaxAgeDays: DEFAULT_SETTINGS.changeLogMaxAgeDays,
      changeLogMaxRows: DEFAULT_SETTINGS.changeLogMaxRows,
      startAtLogin: false,
    });
  });

  it('go ahead once the user answers yes, asking what will be cut and from what', async () => {
    const { handlers, services, asked } = await openApp(true);
    expect(await handlers['sync.now']()).toEqual({ ok: true });

    expect(
      await handlers['settings.set']({ changeLogMaxAgeDays: 30, startAtLogin: true }),
    ).toMatchObject({ ok: true, settings: { changeLogMaxAgeDays: 30, startAtLogin: true } });
    expect(await handlers['history.clear']()).toEqual({ ok: true });
    expect(await handlers['token.clear']()).toEqual({ ok: true });
    // A fresh install's first tested token needs no question.
    expect(await handlers['token.set']({ token: USER_TOKEN, test: true })).toEqual({ ok: true });

    expect(asked).toEqual([
      { kind: 'start-at-login', enable: true },
      { kind: 'shorten-retention', field: 'changeLogMaxAgeDays', from: 365, to: 30 },
      { kind: 'clear-history' },
      { kind: 'remove-token' },
    ]);
    expect(services.history.list({ limit: 10 }).total).toBe(0);
  });

  it('asks nothing for a longer change log, a token refused by its test or the same token again', async () => {
    const { handlers, asked } = await openApp(true);
    expect(await handlers['token.set']({ token: USER_TOKEN, test: true })).toEqual({ ok: true });
    expect(await handlers['settings.set']({ changeLogMaxAgeDays: 400 })).toMatchObject({
      ok: true,
    });
    expect(await handlers['token.set']({ token: 'unknown-token-77aa', test: true })).toMatchObject({
      ok: false,
      canSaveUntested: false,
    });
    expect(asked).toEqual([]);
  });

  it('give the history store’s own bilingual reason when another process is writing', async () => {
    const { handlers, services, dataDir } = await openApp(true);
    expect(await handlers['sync.now']()).toEqual({ ok: true });
    const holder = openStores({ dir: dataDir });
    cleanup.push(() => holder.close());
    const release = await holder.lock.acquire(0);
    cleanup.push(() => release?.());
    expect(release).not.toBeNull();

    expect(await handlers['history.clear']()).toEqual({
      ok: false,
      message: { key: 'store.busy' },
    });
    expect(services.history.list({ limit: 10 }).total).toBe(1);
  });
});
