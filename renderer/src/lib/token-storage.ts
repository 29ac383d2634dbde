/**
 * Where the token is kept, named as the user knows the place on their system: the keychain has a
 * different name on each OS, and "memory only" must read as the warning it is.
 */
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import type { SecretBackend } from '../../../common/ipc/view-types.ts';

export function tokenStorageKey(backend: SecretBackend, platform: string): MessageKey {
  switch (backend) {
    case 'safe-storage':
      return 'ui.token.where.safe-storage';
    case 'memory':
      return 'ui.token.where.memory';
    case 'keychain':
      return keychainKey(platform);
  }
}

function keychainKey(platform: string): MessageKey {
  switch (platform) {
    case 'win32':
      return 'ui.token.where.keychain.win32';
    case 'darwin':
      return 'ui.token.where.keychain.darwin';
    case 'linux':
      return 'ui.token.where.keychain.linux';
    default:
      return 'ui.token.where.keychain.other';
  }
}

/** The paste fallback names the shortcut of the user's keyboard. */
export function pasteFailedKey(platform: string): MessageKey {
  return platform === 'darwin' ? 'ui.token.paste-failed.mac' : 'ui.token.paste-failed';
}
