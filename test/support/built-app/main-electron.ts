/** `electron` for the built main bundle: the suite's fake, as named exports. */
import { fakeElectron } from '../../unit/shell/fake-electron.ts';

export const {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  Tray,
  Menu,
  nativeImage,
  Notification,
  protocol,
  shell,
  powerMonitor,
  net,
  dialog,
  safeStorage,
  nativeTheme,
  utilityProcess,
  clipboard,
} = fakeElectron;
