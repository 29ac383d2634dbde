/**
 * A stand-in for the parts of Electron the shell uses. There is no Electron binary under plain
 * Node, so the shell tests swap `electron` for this (`vi.mock('electron', …)`) and inspect what
 * main asked for: window options, the handlers it installed, and what those handlers decide.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FakeContextBridge, FakeIpcMain, FakeIpcRenderer } from '../ipc/fake-ipc.ts';
import { FakeNet, FakePowerMonitor, FakeProtocol, FakeShell } from './fake-electron-lifecycle.ts';
import { FakeUtilityProcess } from './fake-utility-process.ts';

type Listener = (...args: never[]) => unknown;

/** Just enough of Node's EventEmitter to register listeners and fire them from a test. */
class FakeEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = (...args: never[]): unknown => {
      this.#listeners.set(
        event,
        (this.#listeners.get(event) ?? []).filter((l) => l !== wrapper),
      );
      return listener(...args);
    };
    return this.on(event, wrapper);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      (listener as (...a: unknown[]) => unknown)(...args);
    }
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  removeAllListeners(): void {
    this.#listeners.clear();
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

export class FakeSession extends FakeEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends FakeEmitter {
  readonly session = new FakeSession();
  url = '';
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  /** Every `send` main made, as the page received it (cloned). */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** The page's `ipcRenderer`, once a test attached one (see FakeIpcRenderer.attach). */
  renderer: FakeIpcRenderer | null = null;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Main → page. Arguments are structured-cloned as Electron does, so uncloneable ones throw. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const copies = structuredClone(args);
    this.sent.push({ channel, args: copies });
    this.renderer?.deliver(channel, ...copies);
  }

  getURL(): string {
    return this.url;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Fires an event Electron lets listeners cancel; true when one called preventDefault(). */
  #cancellable(event: string, details: object): boolean {
    let prevented = false;
    this.emit(event, {
      ...details,
      preventDefault: () => {
        prevented = true;
      },
    });
    return prevented;
  }

  /** What happens when the page tries to go to `url`: true when main blocked it. */
  navigate(url: string): boolean {
    return this.#cancellable('will-navigate', { url, isMainFrame: true, isSameDocument: false });
  }

  /** A page trying to embed `<webview>`: true when main blocked it. */
  attachWebview(): boolean {
    return this.#cancellable('will-attach-webview', {});
  }

  /** A server redirecting the page's navigation to `url`: true when main blocked it. */
  redirect(url: string): boolean {
    return this.#cancellable('will-redirect', { url, isMainFrame: true, isSameDocument: false });
  }

  /** Whether the page has the keyboard focus; the window's focus() gives it. */
  focused = false;

  isFocused(): boolean {
    return this.focused;
  }

  /**
   * The OS delivering real input to the page (`input-event`), as a click (mouseDown, mouseUp) or a
   * key press does; only Electron raises it, so a page's own script never reaches this.
   */
  userInput(...types: string[]): void {
    for (const type of types)
      this.emit('input-event', { preventDefault: () => undefined }, { type });
  }
}

export interface FakeWindowOptions {
  show?: boolean;
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  webPreferences?: Record<string, unknown>;
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created.filter((w) => !w.destroyed);
  }

  readonly options: FakeWindowOptions;
  readonly webContents = new FakeWebContents();
  visible: boolean;
  minimized = false;
  focused = false;
  destroyed = false;
  /** Set by a test to make the next window's load fail, as a missing file or dead server would. */
  static nextLoadError: Error | null = null;

  loaded: { kind: 'url' | 'file'; target: string } | null = null;
  readonly #loadError: Error | null;

  constructor(options: FakeWindowOptions) {
    super();
    this.options = options;
    this.visible = options.show ?? true;
    this.#loadError = FakeBrowserWindow.nextLoadError;
    FakeBrowserWindow.nextLoadError = null;
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loaded = { kind: 'url', target: url };
    this.webContents.url = url;
    return this.#loadError === null ? Promise.resolve() : Promise.reject(this.#loadError);
  }

  loadFile(path: string): Promise<void> {
    this.loaded = { kind: 'file', target: path };
    this.webContents.url = pathToFileURL(path).href;
    return this.#loadError === null ? Promise.resolve() : Promise.reject(this.#loadError);
  }

  show(): void {
    this.visible = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
    this.webContents.focused = true;
  }

  isFocused(): boolean {
    return this.focused;
  }

  /** The user switching to another app. */
  blur(): void {
    this.focused = false;
    this.webContents.focused = false;
  }

  /** The user closing the window. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeApp extends FakeEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  appUserModelId: string | null = null;
  /** The login item as main last set it, and what getLoginItemSettings reports about this launch. */
  loginItem: { openAtLogin: boolean; args?: string[] } = { openAtLogin: false };
  wasOpenedAtLogin = false;
  /** What `getPreferredSystemLanguages()` answers, most preferred first. */
  systemLanguages: string[] = ['en-US'];
  /** Folders set with `setPath`; others are made on first use under one temporary folder. */
  readonly paths = new Map<string, string>();
  #pathRoot: string | null = null;
  #ready = deferred();

  /** Back to a freshly started, not yet ready app with no listeners. */
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.hasSingleInstanceLock = true;
    this.sandboxEnabled = false;
    this.quitCalls = 0;
    this.appUserModelId = null;
    this.loginItem = { openAtLogin: false };
    this.wasOpenedAtLogin = false;
    this.systemLanguages = ['en-US'];
    this.paths.clear();
    this.#pathRoot = null;
    this.#ready = deferred();
  }

  /**
   * `userData`, `logs`, `documents`…: a folder of its own for each name, created inside a fresh
   * temporary folder per reset, so no test writes where the real app keeps its data.
   */
  getPath(name: string): string {
    const set = this.paths.get(name);
    if (set !== undefined) return set;
    this.#pathRoot ??= mkdtempSync(join(tmpdir(), 'amoot-fake-app-'));
    const path = join(this.#pathRoot, name);
    this.paths.set(name, path);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getName(): string {
    return 'Amoot Contact Sync';
  }

  getAppPath(): string {
    return process.cwd();
  }

  getPreferredSystemLanguages(): string[] {
    return [...this.systemLanguages];
  }

  getLocale(): string {
    return this.systemLanguages[0] ?? 'en-US';
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }

  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void {
    this.loginItem = { ...settings };
  }

  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean; status: string } {
    const { openAtLogin } = this.loginItem;
    return {
      openAtLogin,
      wasOpenedAtLogin: this.wasOpenedAtLogin,
      status: openAtLogin ? 'enabled' : 'not-registered',
    };
  }

  getVersion(): string {
    return '1.2.3';
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }

  quit(): void {
    this.quitCalls += 1;
  }

  whenReady(): Promise<void> {
    return this.#ready.promise;
  }

  /** Electron finishing its start-up; resolves after main's ready handlers have run. */
  async becomeReady(): Promise<void> {
    this.#ready.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A promise and the function that resolves it (Promise.withResolvers is past the ES2023 lib). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** An image as main asked for it: the file and whether it was marked a macOS template. */
export class FakeNativeImage {
  /** Paths a test declares unreadable: images made from them are empty, as Electron's would be. */
  static missingPaths = new Set<string>();
  readonly path: string;
  template = false;

  constructor(path: string) {
    this.path = path;
  }

  setTemplateImage(option: boolean): void {
    this.template = option;
  }

  isTemplateImage(): boolean {
    return this.template;
  }

  isEmpty(): boolean {
    return FakeNativeImage.missingPaths.has(this.path);
  }
}

export interface FakeMenuItemOptions {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  enabled?: boolean;
  checked?: boolean;
  click?: (item: FakeMenuItem, window: undefined, event: object) => void;
  submenu?: FakeMenuItemOptions[];
}

export class FakeMenuItem {
  readonly label: string;
  readonly type: NonNullable<FakeMenuItemOptions['type']>;
  readonly enabled: boolean;
  checked: boolean;
  readonly submenu: FakeMenu | null;
  readonly #click: FakeMenuItemOptions['click'];

  constructor(options: FakeMenuItemOptions) {
    this.label = options.label ?? '';
    this.type = options.type ?? (options.submenu === undefined ? 'normal' : 'submenu');
    this.enabled = options.enabled ?? true;
    this.checked = options.checked ?? false;
    this.submenu =
      options.submenu === undefined ? null : FakeMenu.buildFromTemplate(options.submenu);
    this.#click = options.click;
  }

  /** The user choosing the item: nothing for a disabled one; a checkbox flips first, as in Electron. */
  click(): void {
    if (!this.enabled) return;
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.#click?.(this, undefined, {});
  }
}

export class FakeMenu {
  /** What main last passed to `Menu.setApplicationMenu`; undefined until it did. */
  static applicationMenu: FakeMenu | null | undefined = undefined;
  readonly items: FakeMenuItem[];

  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu;
  }

  constructor(items: FakeMenuItem[]) {
    this.items = items;
  }

  static buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    return new FakeMenu(template.map((options) => new FakeMenuItem(options)));
  }

  /** The first item with this label, searching submenus too; throws when there is none. */
  find(label: string): FakeMenuItem {
    const item = this.findOrNull(label);
    if (item === null) throw new Error(`No menu item labelled ${JSON.stringify(label)}`);
    return item;
  }

  findOrNull(label: string): FakeMenuItem | null {
    for (const item of this.items) {
      if (item.label === label) return item;
      const inner = item.submenu?.findOrNull(label) ?? null;
      if (inner !== null) return inner;
    }
    return null;
  }
}

export class FakeTray extends FakeEmitter {
  static created: FakeTray[] = [];
  image: FakeNativeImage;
  toolTip = '';
  contextMenu: FakeMenu | null = null;
  /** How many times main replaced the menu, to tell a rebuild from a no-op. */
  menuSets = 0;
  destroyed = false;

  constructor(image: FakeNativeImage) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }

  setImage(image: FakeNativeImage): void {
    this.image = image;
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
    this.menuSets += 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** The user clicking the icon with the left button. */
  click(): void {
    this.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 0, y: 0 });
  }
}

export interface FakeNotificationOptions {
  title?: string;
  body?: string;
}

export class FakeNotification extends FakeEmitter {
  /** What `Notification.isSupported()` answers; a test sets false for a desktop without a server. */
  static supported = true;
  static created: FakeNotification[] = [];
  readonly options: FakeNotificationOptions;
  shown = false;

  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  constructor(options: FakeNotificationOptions) {
    super();
    this.options = options;
    FakeNotification.created.push(this);
  }

  show(): void {
    this.shown = true;
  }

  /** The user clicking the notification. */
  click(): void {
    this.emit('click', {});
  }

  /** The user or the system dismissing it. */
  close(): void {
    this.emit('close', {});
  }
}

/** `shell`, with `openPath` besides `openExternal`: folders main asked the file manager to show. */
export class FakeShellWithPaths extends FakeShell {
  readonly openedPaths: string[] = [];
  /** What `openPath` answers: '' for success, otherwise the error text Electron would give. */
  openPathError = '';

  openPath(path: string): Promise<string> {
    this.openedPaths.push(path);
    return Promise.resolve(this.openPathError);
  }

  override reset(): void {
    super.reset();
    this.openedPaths.length = 0;
    this.openPathError = '';
  }
}

/** `net` with `fetch`: Node's own fetch, so the app's requests reach a local simulator for real. */
export class FakeNetWithFetch extends FakeNet {
  readonly fetched: string[] = [];

  fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    this.fetched.push(typeof input === 'string' ? input : input.url);
    return globalThis.fetch(input, init);
  }

  override reset(): void {
    super.reset();
    this.fetched.length = 0;
  }
}

/** What `showMessageBox` was given: the window it is modal on (if any) and its options. */
export interface ShownMessageBox {
  readonly parent: unknown;
  readonly options: {
    readonly title?: string;
    readonly message: string;
    readonly detail?: string;
    readonly buttons?: readonly string[];
    readonly defaultId?: number;
    readonly cancelId?: number;
  };
}

/**
 * `dialog`: the save dialog answers what a test set; message boxes answer with the button a test
 * chose (the first, the action, unless told otherwise, as a user who agrees would); error boxes
 * and message boxes are recorded.
 */
export class FakeDialog {
  saveAnswer: { canceled: boolean; filePath?: string } = { canceled: true };
  readonly saveRequests: { defaultPath?: string; title?: string }[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  /** The index of the button the user clicks in the next message boxes. */
  messageBoxResponse = 0;
  readonly messageBoxes: ShownMessageBox[] = [];

  showMessageBox(
    windowOrOptions: unknown,
    maybeOptions?: ShownMessageBox['options'],
  ): Promise<{ response: number; checkboxChecked: boolean }> {
    const parent = maybeOptions === undefined ? null : windowOrOptions;
    const options = maybeOptions ?? (windowOrOptions as ShownMessageBox['options']);
    this.messageBoxes.push({ parent, options: { ...options } });
    return Promise.resolve({ response: this.messageBoxResponse, checkboxChecked: false });
  }

  showSaveDialog(
    windowOrOptions: unknown,
    maybeOptions?: { defaultPath?: string; title?: string },
  ): Promise<{ canceled: boolean; filePath: string }> {
    const options =
      maybeOptions ?? (windowOrOptions as { defaultPath?: string; title?: string } | undefined);
    this.saveRequests.push({ ...options });
    return Promise.resolve({
      canceled: this.saveAnswer.canceled,
      filePath: this.saveAnswer.filePath ?? '',
    });
  }

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }

  reset(): void {
    this.saveAnswer = { canceled: true };
    this.saveRequests.length = 0;
    this.errorBoxes.length = 0;
    this.messageBoxResponse = 0;
    this.messageBoxes.length = 0;
  }
}

/**
 * `safeStorage`, unusable by default (as on a Linux desktop without a keyring); a test can make it
 * available with a real backend name.
 */
export class FakeSafeStorage {
  available = false;
  backend = 'basic_text';

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  getSelectedStorageBackend(): string {
    return this.backend;
  }

  encryptString(text: string): Buffer {
    return Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a));
  }

  decryptString(data: Buffer): string {
    return Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8');
  }

  reset(): void {
    this.available = false;
    this.backend = 'basic_text';
  }
}

/** `nativeTheme`: what the OS reports, and the theme source main chose. */
export class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  shouldUseDarkColorsForSystemIntegratedUI = true;
  themeSource: 'system' | 'light' | 'dark' = 'system';

  reset(): void {
    this.removeAllListeners();
    this.shouldUseDarkColors = false;
    this.shouldUseDarkColorsForSystemIntegratedUI = true;
    this.themeSource = 'system';
  }
}

/** The system clipboard, as Electron's asynchronous `clipboard` module gives it. */
export class FakeClipboard {
  text = '';
  /** How many times main cleared it. */
  clears = 0;

  clear(): void {
    this.text = '';
    this.clears += 1;
  }

  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }

  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
}

/** The fake module's exports. */
export const fakeElectron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: new FakeIpcMain(),
  ipcRenderer: new FakeIpcRenderer(),
  contextBridge: new FakeContextBridge(),
  Tray: FakeTray,
  Menu: FakeMenu,
  nativeImage: { createFromPath: (path: string) => new FakeNativeImage(path) },
  Notification: FakeNotification,
  protocol: new FakeProtocol(),
  shell: new FakeShellWithPaths(),
  powerMonitor: new FakePowerMonitor(),
  net: new FakeNetWithFetch(),
  dialog: new FakeDialog(),
  safeStorage: new FakeSafeStorage(),
  nativeTheme: new FakeNativeTheme(),
  utilityProcess: new FakeUtilityProcess(),
  clipboard: new FakeClipboard(),
};

/**
 * Gives the next test a fresh app, no windows, trays or notifications, and no IPC handlers,
 * listeners or exposed APIs.
 */
export function resetFakeElectron(): void {
  fakeElectron.app.reset();
  FakeBrowserWindow.created = [];
  FakeBrowserWindow.nextLoadError = null;
  fakeElectron.ipcMain.reset();
  fakeElectron.ipcRenderer.reset();
  fakeElectron.contextBridge.reset();
  FakeTray.created = [];
  FakeNotification.created = [];
  FakeNotification.supported = true;
  FakeNativeImage.missingPaths.clear();
  fakeElectron.protocol.reset();
  fakeElectron.shell.reset();
  fakeElectron.powerMonitor.reset();
  fakeElectron.net.reset();
  fakeElectron.dialog.reset();
  fakeElectron.safeStorage.reset();
  fakeElectron.nativeTheme.reset();
  fakeElectron.utilityProcess.reset();
  fakeElectron.clipboard.text = '';
  fakeElectron.clipboard.clears = 0;
  FakeMenu.applicationMenu = undefined;
}
