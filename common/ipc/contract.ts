/**
 * The IPC contract: every call the window can make to main and every event main sends back, with
 * their types, in one place (after GitHub Desktop's `ipc-shared.ts`). Main's handlers, the preload's
 * `window.amoot` and the renderer all take their types from here, so they cannot drift apart; the
 * runtime argument parsers in `arg-parsers.ts` are typed against it too.
 */
import type { ErrorKind } from '../amoot-types.ts';
import type { LocalizedMessage } from '../i18n/format-message.ts';
import type { Settings } from '../settings.ts';
import type { SyncProgress } from '../sync-types.ts';
import type { AppState, PauseRequest, SyncNowResult, UpdatesChanged } from './app-state.ts';
import type {
  HistoryPage,
  HistoryQuery,
  TokenStatus,
  UpdatesFilter,
  UpdatesPage,
  UpdatesQuery,
} from './view-types.ts';

/**
 * The user answered no to a question main asked in its own dialog (or closed it): nothing
 * changed, and the window says nothing about it, since the user just said so themselves.
 */
export interface Cancelled {
  readonly ok: false;
  readonly cancelled: true;
}

export type SettingsSetResult =
  | { readonly ok: true; readonly settings: Settings }
  | Cancelled
  | {
      readonly ok: false;
      /** The refused field; null when the patch as a whole was refused. */
      readonly field: keyof Settings | null;
      readonly message: LocalizedMessage;
    };

export type TokenSetResult =
  | { readonly ok: true }
  | Cancelled
  | {
      readonly ok: false;
      readonly message: LocalizedMessage;
      /** Present when the test call reached the API (or failed to) rather than being refused before. */
      readonly errorKind?: ErrorKind;
      /** Whether offering "save without checking" makes sense (not for a malformed token). */
      readonly canSaveUntested: boolean;
    };

export type TokenTestResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: LocalizedMessage; readonly errorKind?: ErrorKind };

/** Success, or a message saying what went wrong and what to do. */
export type ActionResult =
  { readonly ok: true } | { readonly ok: false; readonly message: LocalizedMessage };

/** An action main asks the user to confirm first. */
export type ConfirmedActionResult = ActionResult | Cancelled;

export type ExportCsvResult =
  | { readonly ok: true; readonly path: string }
  | Cancelled
  | { readonly ok: false; readonly message: LocalizedMessage };

/**
 * The token field's Paste: the clipboard's text when it is a token and the user just pressed Paste
 * in the focused window; otherwise why not (`no-gesture`: press Paste again; `no-token`: copy the
 * token first). Main never hands the page anything else on the clipboard.
 */
export type ClipboardReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly refused: 'no-gesture' | 'no-token' };

/**
 * Calls from the window to main. `args: void` means the call takes none; results are what main
 * sends back (main is trusted, so results are typed, not parsed).
 */
export interface IpcContract {
  'state.get': { args: void; result: AppState };
  /** Resolves when the run it started (or joined) has ended. */
  'sync.now': { args: void; result: SyncNowResult };
  'sync.cancel': { args: void; result: void };
  'sync.pause': { args: PauseRequest; result: void };
  'sync.resume': { args: void; result: void };
  'updates.page': { args: UpdatesQuery; result: UpdatesPage };
  'history.page': { args: HistoryQuery; result: HistoryPage };
  /** Asks the user in main's own dialog first. */
  'history.clear': { args: void; result: ConfirmedActionResult };
  'settings.get': { args: void; result: Settings };
  /** A new host for the token, a shorter change log or start at sign-in: main asks first. */
  'settings.set': { args: Partial<Settings>; result: SettingsSetResult };
  'token.status': { args: void; result: TokenStatus };
  /**
   * `test: false` saves without calling the API (the user chose "save without checking"). Main
   * asks first for an untested token, and for a tested one that replaces the saved token.
   */
  'token.set': { args: { readonly token: string; readonly test: boolean }; result: TokenSetResult };
  /** Tests the saved token with one real call. */
  'token.test': { args: void; result: TokenTestResult };
  /** Asks the user in main's own dialog first. */
  'token.clear': { args: void; result: ConfirmedActionResult };
  /** Exports the changes matching the filter the Updates view shows, after a save dialog. */
  'export.csv': { args: UpdatesFilter; result: ExportCsvResult };
  /** Opens the folder holding the log files in the system's file manager. */
  'logs.open': { args: void; result: ActionResult };
  /**
   * The clipboard's token, for the token field's Paste button: the page itself may not read the
   * clipboard (every permission request is denied), so main reads it right after the user's click.
   */
  'clipboard.read': { args: void; result: ClipboardReadResult };
  /** Puts a contact ID (digits only) on the clipboard, for the same reason. */
  'clipboard.write': { args: { readonly text: string }; result: void };
}

/** Events main pushes to the window; the window never polls. */
export interface IpcEvents {
  'state.changed': AppState;
  'sync.progress': SyncProgress;
  'updates.changed': UpdatesChanged;
  /** Show this screen: a notification the user clicked points at it. */
  'ui.navigate': NavigateTo;
}

/** The screens a notification can open. */
export type NoticeScreen = 'updates' | 'history' | 'settings-token';
export interface NavigateTo {
  readonly screen: NoticeScreen;
}

export type InvokeChannel = keyof IpcContract;
export type EventChannel = keyof IpcEvents;
export type ArgsOf<C extends InvokeChannel> = IpcContract[C]['args'];
export type ResultOf<C extends InvokeChannel> = IpcContract[C]['result'];
export type PayloadOf<E extends EventChannel> = IpcEvents[E];

// Records rather than arrays, so the compiler insists that the runtime lists hold every channel.
const invokeChannels: Readonly<Record<InvokeChannel, true>> = {
  'state.get': true,
  'sync.now': true,
  'sync.cancel': true,
  'sync.pause': true,
  'sync.resume': true,
  'updates.page': true,
  'history.page': true,
  'history.clear': true,
  'settings.get': true,
  'settings.set': true,
  'token.status': true,
  'token.set': true,
  'token.test': true,
  'token.clear': true,
  'export.csv': true,
  'logs.open': true,
  'clipboard.read': true,
  'clipboard.write': true,
};
const eventChannels: Readonly<Record<EventChannel, true>> = {
  'state.changed': true,
  'sync.progress': true,
  'updates.changed': true,
  'ui.navigate': true,
};

export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.freeze(
  Object.keys(invokeChannels) as InvokeChannel[],
);
export const EVENT_CHANNELS: readonly EventChannel[] = Object.freeze(
  Object.keys(eventChannels) as EventChannel[],
);

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}
