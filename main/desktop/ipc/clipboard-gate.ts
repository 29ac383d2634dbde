/**
 * The system clipboard as the window may use it. The window is untrusted (DESIGN.md, "IPC"): a
 * page that could read the clipboard whenever it liked would get whatever the user copied in any
 * app (a password, a message). So main answers a read only right after real input in the focused
 * window (Electron's `input-event`, which only the OS's input raises: a page cannot forge it), once
 * per gesture, and only with text that is a well-formed token; a write takes a contact ID only
 * (the argument parser's job). After a token is saved, a clipboard still holding exactly that
 * token is cleared, so the credential does not linger for the next app that reads it.
 */
import type { ClipboardReadResult } from '../../../common/ipc/contract.ts';
import { checkToken } from '../../../common/validation.ts';
import { MAX_TOKEN_LENGTH } from '../../../common/ipc/arg-parsers.ts';
import { describeError } from '../../core/describe-error.ts';

/**
 * How long after a click or key press a read still counts as its doing: long enough for the page's
 * click handler and one IPC round trip on a busy machine, too short for a page to save it up.
 */
export const GESTURE_MS = 1500;

/** The kinds of input a person pressing the Paste button produces (not moves, scrolls or hovers). */
const GESTURE_TYPES: ReadonlySet<string> = new Set([
  'mouseDown',
  'mouseUp',
  'pointerDown',
  'pointerUp',
  'rawKeyDown',
  'keyDown',
  'keyUp',
  'gestureTap',
  'touchEnd',
]);

/** Electron's `clipboard`, as far as the gate uses it. */
export interface SystemClipboard {
  readText(): Promise<string> | string;
  writeText(text: string): Promise<void> | void;
  clear(): Promise<void> | void;
}

/** Electron's `InputEvent`, as far as the gate reads it. */
export interface InputLike {
  readonly type: string;
  readonly modifiers?: readonly string[];
}

export interface ClipboardGateDeps {
  readonly clipboard: SystemClipboard;
  /** A monotonic clock in ms (`performance.now`), so a wall-clock change cannot stretch a gesture. */
  readonly now: () => number;
  /** Whether the app's window has the focus now. */
  readonly windowFocused: () => boolean;
  /** English lines for the log; never the clipboard's text. */
  readonly log: (line: string) => void;
}

/** What the IPC handlers use. */
export interface ClipboardAccess {
  read(): Promise<ClipboardReadResult>;
  /** `text` is already a contact ID (the argument parser refuses anything else). */
  write(text: string): Promise<void>;
  /** A token was saved: the clipboard is cleared if it still holds exactly that token. */
  tokenSaved(token: string): Promise<void>;
}

export interface ClipboardGate extends ClipboardAccess {
  /** Real input reached the focused window (wired to `webContents.on('input-event')`). */
  input(input: InputLike): void;
}

export function createClipboardGate(deps: ClipboardGateDeps): ClipboardGate {
  const { clipboard, now, log } = deps;
  /** When the last unused gesture happened; null once a read used it. */
  let gestureAt: number | null = null;

  function takeGesture(): boolean {
    const at = gestureAt;
    gestureAt = null;
    return at !== null && now() - at <= GESTURE_MS && deps.windowFocused();
  }

  return {
    input(input) {
      if (!GESTURE_TYPES.has(input.type) || input.modifiers?.includes('isautorepeat') === true) {
        return;
      }
      if (deps.windowFocused()) gestureAt = now();
    },
    async read() {
      if (!takeGesture()) {
        log('clipboard: a read without a click or key press in the focused window was refused');
        return { ok: false, refused: 'no-gesture' };
      }
      // Only a token comes back: a document or another app's secret with spaces in it does not.
      const checked = checkToken(await clipboard.readText());
      if (!checked.ok || checked.value.length > MAX_TOKEN_LENGTH) {
        return { ok: false, refused: 'no-token' };
      }
      return { ok: true, text: checked.value };
    },
    async write(text) {
      await clipboard.writeText(text);
    },
    async tokenSaved(token) {
      try {
        const saved = checkToken(token);
        if (!saved.ok) return;
        if ((await clipboard.readText()).trim() !== saved.value) return;
        await clipboard.clear();
        log('clipboard: cleared, it held the token just saved');
      } catch (error) {
        // The token is saved either way; the user can still clear the clipboard themselves.
        log(
          `clipboard: could not be cleared after the token was saved (${describeError(error, 'name')})`,
        );
      }
    },
  };
}
