import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import { checkToken } from '../../../common/validation.ts';
import type { AmootError } from '../amoot/amoot-error.ts';
import { CANCELLED, type Confirm } from '../ports/confirm.ts';
import type { SecretBackend, SecretStore } from '../ports/secret-store.ts';
import { redactSecrets } from './redact.ts';
import { isSecretStoreError } from './secret-store-error.ts';
import { refusalFor } from './test-refusal.ts';
import { createSignal } from '../signal.ts';
import { describeError } from '../describe-error.ts';

/** What the rest of the app may know about the token: never the token itself. */
export interface TokenStatus {
  readonly present: boolean;
  readonly backend: SecretBackend;
  readonly persistent: boolean;
  /** Set when the store could not be read (a locked keychain): `present` is then false. */
  readonly problem?: LocalizedMessage;
}

export type TokenTestResult = { ok: true } | { ok: false; error: AmootError };

/** One real call to the API with the candidate token (the app passes `fetchContactUpdates`). */
export type TestToken = (token: string) => Promise<TokenTestResult>;

export type SetTokenResult =
  | { ok: true }
  | {
      ok: false;
      message: LocalizedMessage;
      /** The API's answer when the test call failed; absent for refusals before any call. */
      error?: AmootError;
      /** Whether offering "save without checking" (`set(input, { test: false })`) makes sense. */
      canSaveUntested: boolean;
    }
  /** The user answered no to the question `confirm` asked: nothing was saved. */
  | { ok: false; cancelled: true };

export interface SetTokenOptions {
  readonly test: boolean;
  /**
   * Asks the user before a save they may not have meant (the window is untrusted): an untested
   * token, or a tested one that would replace the saved token. The first tested token of a fresh
   * install needs no question. Without it nothing is asked (the cli's explicit commands).
   */
  readonly confirm?: Confirm;
}

export type ClearTokenResult = { ok: true } | { ok: false; message: LocalizedMessage };

export type WithTokenResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'missing' | 'unreadable'; message: LocalizedMessage };

export interface TokenService {
  status(): Promise<TokenStatus>;
  set(input: string, options: SetTokenOptions): Promise<SetTokenResult>;
  clear(): Promise<ClearTokenResult>;
  withToken<T>(use: (token: string) => Promise<T>): Promise<WithTokenResult<T>>;
  /** Fires after every successful set or clear; returns the function that unsubscribes. */
  onChange(listener: (status: TokenStatus) => void): () => void;
}

export interface TokenServiceDeps {
  readonly store: SecretStore;
  readonly testToken: TestToken;
  /** English lines for the log; the service redacts the token before writing any. */
  readonly log?: (line: string) => void;
}

/**
 * The one owner of the API token in the main process. It keeps no copy: the token is read from the
 * store each time a request needs it, so a token changed or cleared elsewhere is picked up at once
 * and a heap dump of a long-running tray app holds it only during a request. Sets and clears run
 * one at a time, so two quick edits land in the order the user made them.
 */
export function createTokenService(deps: TokenServiceDeps): TokenService {
  const { store, testToken } = deps;
  const log = deps.log ?? (() => {});
  const changed = createSignal<TokenStatus>((error) =>
    log(`token: a change listener failed: ${describeError(error, 'summary')}`),
  );
  let tail: Promise<unknown> = Promise.resolve();
  /** The save from the window (one that may ask) not yet finished, if any. */
  let askingSet: Promise<SetTokenResult> | null = null;

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  }

  function statusWith(present: boolean): TokenStatus {
    return { present, backend: store.backend, persistent: store.persistent };
  }

  /** A store failure as the user should read it; the raw detail goes to the log, redacted. */
  function storeFailure(action: string, error: unknown, secrets: string[]): LocalizedMessage {
    log(
      redactSecrets(
        `token: could not ${action} (${store.backend}): ${describeError(error, 'summary')}`,
        secrets,
      ),
    );
    if (isSecretStoreError(error)) return error.localized;
    return {
      key: store.backend === 'safe-storage' ? 'token.safe-storage.failed' : 'token.keychain.failed',
    };
  }

  return {
    async status() {
      try {
        return statusWith((await store.get()) !== null);
      } catch (error) {
        return { ...statusWith(false), problem: storeFailure('read the token', error, []) };
      }
    },

    set(input, options) {
      // One asking save at a time: calls queued behind an open question would each ask in turn
      // once it is answered, a row of dialogs a script could use to wear the user down.
      if (options.confirm && askingSet !== null) {
        log('token: a save was refused unasked, another one is waiting for an answer');
        return Promise.resolve(CANCELLED);
      }
      const run = serialized(async (): Promise<SetTokenResult> => {
        const checked = checkToken(input);
        if (!checked.ok) return { ok: false, message: checked.message, canSaveUntested: false };
        const token = checked.value;
        const { confirm } = options;
        if (!options.test && confirm && !(await confirm({ kind: 'save-untested-token' }))) {
          return CANCELLED;
        }
        if (options.test) {
          const refusal = await runTest(token);
          if (refusal) return refusal;
          // Asked after the test, so the user is never asked about a token that would be refused.
          if (
            confirm &&
            (await replacesAnother(token)) &&
            !(await confirm({ kind: 'replace-token' }))
          ) {
            return CANCELLED;
          }
        }
        try {
          await store.set(token);
        } catch (error) {
          const message = storeFailure('save the token', error, [token, input]);
          return { ok: false, message, canSaveUntested: false };
        }
        log(`token: saved (${store.backend}${options.test ? ', tested' : ', not tested'})`);
        changed.emit(statusWith(true));
        return { ok: true };
      });
      if (options.confirm) {
        askingSet = run;
        const done = (): void => {
          if (askingSet === run) askingSet = null;
        };
        void run.then(done, done);
      }
      return run;
    },

    clear() {
      return serialized(async (): Promise<ClearTokenResult> => {
        try {
          await store.delete();
        } catch (error) {
          return { ok: false, message: storeFailure('remove the token', error, []) };
        }
        log(`token: removed (${store.backend})`);
        changed.emit(statusWith(false));
        return { ok: true };
      });
    },

    async withToken(use) {
      let token: string | null;
      try {
        token = await store.get();
      } catch (error) {
        return {
          ok: false,
          reason: 'unreadable',
          message: storeFailure('read the token', error, []),
        };
      }
      if (token === null)
        return { ok: false, reason: 'missing', message: { key: 'token.missing' } };
      return { ok: true, value: await use(token) };
    },

    onChange: (listener) => changed.subscribe(listener),
  };

  /**
   * Whether saving `token` would replace another saved token (saving the same one again changes
   * nothing). A store that cannot be read may hold one, so it counts as yes.
   */
  async function replacesAnother(token: string): Promise<boolean> {
    try {
      const saved = await store.get();
      return saved !== null && saved !== token;
    } catch {
      return true;
    }
  }

  /** Runs the test call; returns the refusal, or null when the token may be kept. */
  async function runTest(token: string): Promise<SetTokenResult | null> {
    let result: TokenTestResult;
    try {
      result = await testToken(token);
    } catch (error) {
      log(redactSecrets(`token: the test call threw: ${describeError(error, 'summary')}`, [token]));
      return { ok: false, message: { key: 'token.test.inconclusive' }, canSaveUntested: true };
    }
    if (result.ok) return null;
    const error = { ...result.error, detail: redactSecrets(result.error.detail, [token]) };
    log(`token: test refused (${error.kind}): ${error.detail}`);
    return { ok: false, error, ...refusalFor(error) };
  }
}
