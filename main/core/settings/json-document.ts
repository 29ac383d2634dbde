/**
 * One small JSON file (settings or history) as the core sees it, so the stores' logic runs and is
 * tested without conf or Electron; `main/adapters/conf-store/` implements it over conf or
 * electron-store. The stores read once when they open, keep the value in memory, and write the
 * whole document back on every change.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Clock } from '../ports/clock.ts';
import type { StoreRecovery } from '../ports/store-recovery.ts';

export interface JsonDocument {
  /** Where the file lives, for the log and for telling the user where a damaged file went. */
  readonly path: string;
  /**
   * What the file holds, parsed but not trusted (callers validate it); an empty object when there
   * is no file yet. A file that is not a JSON object never reaches here: opening the document
   * already moved it aside.
   */
  read(): unknown;
  /** Replaces the file's contents in one step, so a crash leaves either the old or the new file. */
  write(value: Readonly<Record<string, unknown>>): void;
  /**
   * Moves the file aside as `<path>.corrupt-<timestamp>` (made unique if that name is taken),
   * keeping its bytes, so the store can start fresh without discarding what the user had. Returns
   * the new full path. Reads afterwards see an empty document.
   */
  moveAside(atMs: number): string;
}

/**
 * What a store does with a document it cannot use as a whole: reading only, it says so and leaves
 * the file alone; otherwise it moves the file aside (its bytes kept) and returns the recovery to
 * report. Either way the store goes on with its defaults.
 */
export function setAsideUnusable(
  document: JsonDocument,
  unusable: { readonly store: StoreRecovery['store']; readonly reason: string },
  options: { readonly readOnly?: boolean | undefined; readonly clock: Pick<Clock, 'nowMs'> },
  messages: LocalizedMessage[],
): StoreRecovery | null {
  if (options.readOnly) {
    messages.push({ key: 'store.damaged', params: { path: document.path } });
    return null;
  }
  const atMs = options.clock.nowMs();
  return {
    store: unusable.store,
    movedTo: document.moveAside(atMs),
    reason: unusable.reason,
    atMs,
  };
}
