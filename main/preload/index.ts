/**
 * The renderer's only door to the rest of the app, and the only file that touches `ipcRenderer`.
 * It exposes `window.amoot`: one method per contract channel plus `on` for events, never
 * `ipcRenderer` itself, because a page that could send arbitrary channels would defeat the
 * sandbox. Listeners get the payload only, never Electron's event (whose `sender` leads back here).
 * Calls answer with main's envelope as plain data, never a rejection, since the contextBridge
 * would strip an error to its message; the page's `lib/api.ts` throws `IpcError` from it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createAmootApi, type IpcTransport } from './api-factory.ts';
import { readAppInfo } from './app-info.ts';

const info = readAppInfo(process.argv, process.platform);

const transport: IpcTransport = {
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('amoot', {
  ...createAmootApi(transport),
  version: info.version,
  platform: info.platform,
});
