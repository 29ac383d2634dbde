/**
 * A store file that could not be read was moved aside and a fresh one started. Nothing is silently
 * discarded: the UI tells the user, naming where the old file went.
 */
export interface StoreRecovery {
  readonly store: 'settings' | 'history' | 'mirror';
  /** Full path of the file as moved aside (`<name>.corrupt-<timestamp>`). */
  readonly movedTo: string;
  /** Why it could not be read, in English, for the log. */
  readonly reason: string;
  readonly atMs: number;
}
