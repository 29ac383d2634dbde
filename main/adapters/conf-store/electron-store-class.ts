import ElectronStore from 'electron-store';
import { acceptsElectronStore } from './conf-document.ts';

/**
 * electron-store's class, for the app's composition root to hand to `openDataDir`: the stores are
 * the same files as under conf (the cli and tests), only located by Electron. Kept here so the
 * import stays in `main/adapters/`, the only folder that touches store libraries.
 */
export const ElectronStoreClass = acceptsElectronStore(ElectronStore);
