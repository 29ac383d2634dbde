import { describe, expect, it, vi } from 'vitest';
import { amootError, type AmootError } from '../../../../main/core/amoot/amoot-error.ts';
import type { SecretBackend, SecretStore } from '../../../../main/core/ports/secret-store.ts';
import { SecretStoreError } from '../../../../main/core/token/secret-store-error.ts';
import {
  createTokenService,
  type TestToken,
  type TokenStatus,
} from '../../../../main/core/token/token-service.ts';

const TOKEN = 'Amoot-Token-7f3c9a2e51b04d6e';

/** A store the test can look into, change underneath the service, and make fail. */
class FakeStore implements SecretStore {
  readonly backend: SecretBackend;
  readonly persistent: boolean;
  value: string | null = null;
  reads = 0;
  writes = 0;
  failWith: Error | null = null;

  constructor(backend: SecretBackend = 'keychain', persistent = true) {
    this.backend = backend;
    this.persistent = persistent;
  }
  get(): Promise<string | null> {
    this.reads++;
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve(this.value);
  }
  set(secret: string): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.writes++;
    this.value = secret;
    return Promise.resolve();
  }
  delete(): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.value = null;
    return Promise.resolve();
  }
}

const passes: TestToken = () => Promise.resolve({ ok: true });
const failsWith =
  (error: AmootError): TestToken =>
  () =>
    Promise.resolve({ ok: false, error });

const expired = amootError('auth', { key: 'status.Token_Expired' }, 'Status Token_Expired', {
  status: 'Token_Expired',
});
const offline = amootError('network', { key: 'error.network.dns' }, 'getaddrinfo ENOTFOUND');

function setup(testToken: TestToken = passes, store = new FakeStore()) {
  const lines: string[] = [];
  const changes: TokenStatus[] = [];
  const test = vi.fn(testToken);
  const service = createTokenService({ store, testToken: test, log: (line) => lines.push(line) });
  service.onChange((status) => changes.push(status));
  return { service, store, test, lines, changes };
}

describe('token service: set', () => {
  it.each([
    ['', 'input.token.empty'],
    ['abc def', 'input.token.whitespace'],
    ['توکن', 'input.token.characters'],
  ])('refuses %j before any call and stores nothing', async (input, key) => {
    const { service, store, test, changes } = setup();
    const result = await service.set(input, { test: true });
    expect(result).toEqual({ ok: false, message: { key }, canSaveUntested: false });
    expect(test).not.toHaveBeenCalled();
    expect(store.writes).toBe(0);
    expect(changes).toEqual([]);
  });

  it('tests the pasted token (trimmed) and keeps it when AmootSMS accepts it', async () => {
    const { service, store, test, changes } = setup();
    expect(await service.set(`  ${TOKEN}\r\n`, { test: true })).toEqual({ ok: true });
    expect(test).toHaveBeenCalledWith(TOKEN);
    expect(store.value).toBe(TOKEN);
    expect(changes).toEqual([{ present: true, backend: 'keychain', persistent: true }]);
  });

  it('keeps nothing when AmootSMS rejects the token, and the old token stays', async () => {
    const { service, store, changes } = setup(failsWith(expired));
    store.value = 'the-old-token';
    const result = await service.set(TOKEN, { test: true });
    expect(result).toMatchObject({
      ok: false,
      message: { key: 'status.Token_Expired' },
      canSaveUntested: false,
      error: { kind: 'auth', status: 'Token_Expired' },
    });
    expect(store.value).toBe('the-old-token');
    expect(store.writes).toBe(0);
    expect(changes).toEqual([]);
  });

  it('refuses when the test cannot reach AmootSMS, then saves anyway without a second call', async () => {
    const { service, store, test, changes } = setup(failsWith(offline));
    const refused = await service.set(TOKEN, { test: true });
    expect(refused).toMatchObject({
      ok: false,
      message: { key: 'token.test.inconclusive' },
      canSaveUntested: true,
      error: { kind: 'network', message: { key: 'error.network.dns' } },
    });
    expect(store.value).toBeNull();

    expect(await service.set(TOKEN, { test: false })).toEqual({ ok: true });
    expect(test).toHaveBeenCalledTimes(1);
    expect(store.value).toBe(TOKEN);
    expect(changes).toHaveLength(1);
  });

  it("passes on the account's own advice when the token works but the account cannot", async () => {
    const credit = amootError('account', { key: 'status.CreditNotEnough' }, 'CreditNotEnough');
    const { service, store } = setup(failsWith(credit));
    const result = await service.set(TOKEN, { test: true });
    expect(result).toMatchObject({
      message: { key: 'status.CreditNotEnough' },
      canSaveUntested: true,
    });
    expect(store.value).toBeNull();
  });

  it('treats a test call that throws as inconclusive and logs it without the token', async () => {
    const { service, store, lines } = setup(() => Promise.reject(new Error(`bad header ${TOKEN}`)));
    const result = await service.set(TOKEN, { test: true });
    expect(result).toEqual({
      ok: false,
      message: { key: 'token.test.inconclusive' },
      canSaveUntested: true,
    });
    expect(store.value).toBeNull();
    expect(lines.join('\n')).toContain('bad header');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('removes the token from the error detail it hands back', async () => {
    const leaky = amootError('protocol', { key: 'error.protocol.html' }, `echoed ${TOKEN} back`);
    const { service } = setup(failsWith(leaky));
    const result = await service.set(TOKEN, { test: true });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("reports a keychain failure with the keychain's advice, and logs no token", async () => {
    const { service, store, lines, changes } = setup();
    store.failWith = new SecretStoreError('keychain', 'locked', `locked collection (${TOKEN})`);
    const result = await service.set(TOKEN, { test: false });
    expect(result).toEqual({
      ok: false,
      message: { key: 'token.keychain.locked' },
      canSaveUntested: false,
    });
    expect(changes).toEqual([]);
    expect(lines.join('\n')).toContain('locked collection');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('applies two quick edits in the order they were made', async () => {
    let releaseFirst = () => {};
    const slowFirst: TestToken = (token) =>
      token === 'first-token'
        ? new Promise((resolve) => (releaseFirst = () => resolve({ ok: true })))
        : Promise.resolve({ ok: true });
    const { service, store } = setup(slowFirst);
    const first = service.set('first-token', { test: true });
    const second = service.set('second-token', { test: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    releaseFirst();
    await Promise.all([first, second]);
    expect(store.value).toBe('second-token');
  });
});

describe('token service: clear and status', () => {
  it('clears the token and tells listeners it is gone', async () => {
    const { service, store, changes } = setup();
    await service.set(TOKEN, { test: false });
    expect(await service.clear()).toEqual({ ok: true });
    expect(store.value).toBeNull();
    expect(await service.status()).toEqual({
      present: false,
      backend: 'keychain',
      persistent: true,
    });
    expect(changes.at(-1)).toEqual({ present: false, backend: 'keychain', persistent: true });
  });

  it('says whether a token is present, where, and whether it survives a restart — never the token', async () => {
    const { service } = setup(passes, new FakeStore('memory', false));
    await service.set(TOKEN, { test: true });
    const status = await service.status();
    expect(status).toEqual({ present: true, backend: 'memory', persistent: false });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
  });

  it('gives listeners the status only, never the token', async () => {
    const { service, changes } = setup();
    const seen: unknown[] = [];
    service.onChange((...args) => seen.push(args));
    await service.set(TOKEN, { test: true });
    await service.clear();
    expect(changes.map((s) => s.present)).toEqual([true, false]);
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
  });

  it('stops calling a listener once unsubscribed, and survives one that throws', async () => {
    const { service, store } = setup();
    const calls: boolean[] = [];
    service.onChange(() => {
      throw new Error('listener bug');
    });
    const off = service.onChange((status) => calls.push(status.present));
    await service.set(TOKEN, { test: false });
    off();
    await service.clear();
    expect(calls).toEqual([true]);
    expect(store.value).toBeNull();
  });

  it('reports a locked keychain in the status instead of throwing', async () => {
    const { service, store } = setup();
    store.failWith = new SecretStoreError(
      'keychain',
      'locked',
      'Cannot create an item in a locked collection',
    );
    expect(await service.status()).toEqual({
      present: false,
      backend: 'keychain',
      persistent: true,
      problem: { key: 'token.keychain.locked' },
    });
  });
});

describe('token service: withToken', () => {
  it('reads the token from the store for every request, so a change underneath is used at once', async () => {
    const { service, store } = setup();
    store.value = 'token-one';
    const first = await service.withToken((token) => Promise.resolve(token));
    store.value = 'token-two';
    const second = await service.withToken((token) => Promise.resolve(token));
    expect(first).toEqual({ ok: true, value: 'token-one' });
    expect(second).toEqual({ ok: true, value: 'token-two' });
    expect(store.reads).toBe(2);
  });

  it('does not run the request when no token is saved', async () => {
    const { service } = setup();
    const use = vi.fn(() => Promise.resolve('sent'));
    expect(await service.withToken(use)).toEqual({
      ok: false,
      reason: 'missing',
      message: { key: 'token.missing' },
    });
    expect(use).not.toHaveBeenCalled();
  });

  it('says why the token could not be read', async () => {
    const { service, store } = setup();
    store.failWith = new SecretStoreError('safe-storage', 'unreadable', 'decryption failed');
    const use = vi.fn(() => Promise.resolve('sent'));
    expect(await service.withToken(use)).toEqual({
      ok: false,
      reason: 'unreadable',
      message: { key: 'token.safe-storage.unreadable' },
    });
    expect(use).not.toHaveBeenCalled();
  });
});

describe('token service: saves the window asked for', () => {
  const OTHER_TOKEN = 'Amoot-Other-Token-2b7e61c0';

  it('asks before replacing a saved token, after the test passed, and a no keeps the old one', async () => {
    const store = new FakeStore();
    store.value = TOKEN;
    const { service, test } = setup(passes, store);
    const asked: string[] = [];
    const confirm = vi.fn((request: { kind: string }) => {
      // The token was tested before the question.
      expect(test).toHaveBeenCalledTimes(1);
      asked.push(request.kind);
      return Promise.resolve(false);
    });
    expect(await service.set(OTHER_TOKEN, { test: true, confirm })).toEqual({
      ok: false,
      cancelled: true,
    });
    expect(asked).toEqual(['replace-token']);
    expect(store.value).toBe(TOKEN);
    expect(store.writes).toBe(0);
  });

  it('asks nothing for the first token of a fresh install, nor for one the test refused', async () => {
    const confirm = vi.fn(() => Promise.resolve(false));
    const refused = setup(failsWith(expired));
    expect(await refused.service.set(TOKEN, { test: true, confirm })).toMatchObject({ ok: false });
    const fresh = setup();
    expect(await fresh.service.set(TOKEN, { test: true, confirm })).toEqual({ ok: true });
    expect(confirm).not.toHaveBeenCalled();
  });

  it('refuses, unasked, a save while another one waits for the user', async () => {
    const store = new FakeStore();
    store.value = TOKEN;
    const { service } = setup(passes, store);
    let answer: (yes: boolean) => void = () => {};
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));

    const first = service.set(OTHER_TOKEN, { test: false, confirm });
    expect(await service.set(OTHER_TOKEN, { test: false, confirm })).toEqual({
      ok: false,
      cancelled: true,
    });
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    answer(true);
    expect(await first).toEqual({ ok: true });
    expect(store.value).toBe(OTHER_TOKEN);

    // Answered: the next save asks again.
    const next = service.set(TOKEN, { test: false, confirm });
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(2));
    answer(false);
    expect(await next).toEqual({ ok: false, cancelled: true });
  });
});
