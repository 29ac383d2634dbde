import { describe, expect, it } from 'vitest';
import {
  createKeytarSecretStore,
  KEYTAR_ACCOUNT,
  KEYTAR_PROBE_ACCOUNT,
  KEYTAR_SERVICE,
  type KeytarApi,
} from '../../../../main/adapters/secrets/keytar-secret-store.ts';
import { classifyKeychainError } from '../../../../main/adapters/secrets/classify-keychain-error.ts';
import { TimeLimitError } from '../../../../main/adapters/secrets/time-limit.ts';
import { SecretStoreError } from '../../../../main/core/token/secret-store-error.ts';

const TOKEN = 'Amoot-Token-0c4b7e19';

/** An in-memory keychain keyed like the real one, recording which entries were touched. */
function fakeKeytar(overrides: Partial<KeytarApi> = {}) {
  const entries = new Map<string, string>();
  const touched: string[] = [];
  const api: KeytarApi = {
    getPassword(service, account) {
      touched.push(`get ${service}/${account}`);
      return Promise.resolve(entries.get(`${service}/${account}`) ?? null);
    },
    setPassword(service, account, password) {
      touched.push(`set ${service}/${account}`);
      entries.set(`${service}/${account}`, password);
      return Promise.resolve();
    },
    deletePassword(service, account) {
      touched.push(`delete ${service}/${account}`);
      return Promise.resolve(entries.delete(`${service}/${account}`));
    },
    ...overrides,
  };
  return { api, entries, touched };
}

const never = new Promise<never>(() => {});

describe('keytar secret store', () => {
  it('keeps the token under the app service and the api-token account', async () => {
    const { api, entries } = fakeKeytar();
    const store = createKeytarSecretStore({ load: () => Promise.resolve(api) });
    expect(store).toMatchObject({ backend: 'keychain', persistent: true });
    await store.set(TOKEN);
    expect([...entries]).toEqual([[`${KEYTAR_SERVICE}/${KEYTAR_ACCOUNT}`, TOKEN]]);
    expect(await store.get()).toBe(TOKEN);
    await store.delete();
    expect(await store.get()).toBeNull();
  });

  it('probes an entry that is never written, so the token is not read and no prompt appears', async () => {
    const { api, touched } = fakeKeytar();
    const store = createKeytarSecretStore({ load: () => Promise.resolve(api) });
    expect(await store.probe()).toEqual({ ok: true });
    expect(touched).toEqual([`get ${KEYTAR_SERVICE}/${KEYTAR_PROBE_ACCOUNT}`]);
  });

  it('answers the probe with false, not a crash, when the native module does not load', async () => {
    const store = createKeytarSecretStore({
      load: () =>
        Promise.reject(new Error('The module was compiled against NODE_MODULE_VERSION 127')),
    });
    expect(await store.probe()).toEqual({
      ok: false,
      detail: expect.stringContaining('NODE_MODULE_VERSION') as unknown as string,
    });
    await expect(store.get()).rejects.toMatchObject({
      kind: 'unavailable',
      localized: { key: 'token.keychain.unavailable' },
    });
  });

  it('gives up on a keychain that never answers, within the probe limit', async () => {
    const { api } = fakeKeytar({ getPassword: () => never });
    const store = createKeytarSecretStore({ load: () => Promise.resolve(api), probeTimeoutMs: 50 });
    const started = performance.now();
    const probe = await store.probe();
    expect(probe).toMatchObject({ ok: false, detail: expect.stringMatching(/within 50 ms/) });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('turns a hung read into a time-out the user can act on', async () => {
    const { api } = fakeKeytar({ getPassword: () => never });
    const store = createKeytarSecretStore({
      load: () => Promise.resolve(api),
      operationTimeoutMs: 50,
    });
    await expect(store.get()).rejects.toMatchObject({
      kind: 'timeout',
      localized: { key: 'token.keychain.timeout' },
    });
  });

  it('classifies a locked collection and keeps the token out of the error', async () => {
    const { api } = fakeKeytar({
      setPassword: (_service, _account, password) =>
        Promise.reject(new Error(`Cannot create an item in a locked collection (${password})`)),
    });
    const store = createKeytarSecretStore({ load: () => Promise.resolve(api) });
    const error = await store.set(TOKEN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error).toMatchObject({ kind: 'locked', localized: { key: 'token.keychain.locked' } });
    expect((error as Error).message).toContain('locked collection');
    expect(
      JSON.stringify({ ...(error as object), message: (error as Error).message }),
    ).not.toContain(TOKEN);
  });
});

describe('classifyKeychainError', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    [
      'A specified logon session does not exist. It may already have been terminated.',
      'unavailable',
    ],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['Prompt dismissed', 'denied'],
    ['The user name or passphrase you entered is not correct.', 'denied'],
    ['User canceled the operation.', 'denied'],
    ['Access is denied.', 'denied'],
    ['The stub received bad data.', 'failed'],
  ])('%s → %s', (text, kind) => {
    expect(classifyKeychainError(new Error(text), 'read', [])).toMatchObject({
      backend: 'keychain',
      kind,
      localized: { key: `token.keychain.${kind}` },
    });
  });

  it('classifies a time limit as a time-out', () => {
    expect(classifyKeychainError(new TimeLimitError('read', 5), 'read', [])).toMatchObject({
      kind: 'timeout',
    });
  });
});
