import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import { createKeytarSecretStore } from '../adapters/secrets/keytar-secret-store.ts';
import { isSecretStoreError } from '../core/token/secret-store-error.ts';

export type TokenLookup = { ok: true; token: string } | { ok: false; message: LocalizedMessage };

/**
 * The cli's token: `AMOOT_TOKEN` when set (scripts, CI), otherwise the one the app saved in the
 * system keychain. Never printed; the caller drops it after the run.
 */
export async function findCliToken(
  env: Readonly<Record<string, string | undefined>>,
): Promise<TokenLookup> {
  const fromEnv = env['AMOOT_TOKEN'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { ok: true, token: fromEnv };
  const keychain = createKeytarSecretStore();
  const probe = await keychain.probe();
  if (!probe.ok) return { ok: false, message: { key: 'cli.no-token' } };
  try {
    const saved = await keychain.get();
    return saved === null
      ? { ok: false, message: { key: 'cli.no-token' } }
      : { ok: true, token: saved };
  } catch (error) {
    if (isSecretStoreError(error)) return { ok: false, message: error.localized };
    throw error;
  }
}
