/**
 * The renderer's only door to the rest of the app. It exposes plain data under `window.amoot`
 * and never `ipcRenderer` itself: a page that could send arbitrary channels would defeat the
 * sandbox. The typed IPC API joins this object once the contract in `common/` exists.
 */
import { contextBridge } from 'electron';
import { readAppInfo } from './app-info.ts';

const info = readAppInfo(process.argv, process.platform);

contextBridge.exposeInMainWorld('amoot', {
  version: info.version,
  platform: info.platform,
});
