/**
 * A copy run from the sources (`npm start`, `npm run dev`: `app.isPackaged` false) keeps its data
 * folder and keychain entry apart from the installed app's: a developer trying a change, or a
 * half-finished migration, must never rewrite the settings, history and mirror the installed app
 * syncs into, nor replace the token it uses. Its data folder is `<appData>/<name> Dev`, chosen
 * before the single-instance lock (which lives in the data folder), so both can run side by side.
 * Demo mode (`demo-mode.ts`) moves the folder on its own and keeps its token in memory.
 */
import { join } from 'node:path';
import { loadKeytar, type KeytarApi } from '../../adapters/secrets/keytar-secret-store.ts';
import type { DataFolderApp } from './demo-mode.ts';

export const DEV_SUFFIX = ' Dev';

export function useDevDataFolder(app: DataFolderApp): string {
  const folder = join(app.getPath('appData'), `${app.getName()}${DEV_SUFFIX}`);
  app.setPath('userData', folder);
  return folder;
}

/**
 * keytar with every entry under `<service> Dev`: what Keychain Access or Seahorse shows as the
 * development copy's token, next to the installed app's.
 */
export function devKeytar(load: () => Promise<KeytarApi> = loadKeytar): () => Promise<KeytarApi> {
  return async () => {
    const keytar = await load();
    const dev = (service: string): string => `${service}${DEV_SUFFIX}`;
    return {
      getPassword: (service, account) => keytar.getPassword(dev(service), account),
      setPassword: (service, account, password) =>
        keytar.setPassword(dev(service), account, password),
      deletePassword: (service, account) => keytar.deletePassword(dev(service), account),
    };
  };
}
