/**
 * Domain types of the AmootSMS `ContactListUpdates` call, shared by main and renderer so both sides
 * speak of the same records and error classes.
 */

/** What the app does next with a status title (see the spec's status table). */
export type StatusClass = 'ok' | 'auth' | 'input' | 'account' | 'server' | 'unknown';

/** Every way a call can end other than success: the status classes plus transport failures. */
export type ErrorKind =
  | Exclude<StatusClass, 'ok'>
  | 'rate-limit'
  | 'network'
  | 'timeout'
  | 'protocol'
  | 'cancelled'
  // The data folder's side (main/core/ports/store-error.ts): another writer holds the folder, the
  // disk refused a write, or a saved setting cannot be used until it is set again.
  | 'busy'
  | 'storage'
  | 'settings';

/**
 * One contact update as the app keeps it. The ID is a decimal string because IDs are 64-bit and a
 * JavaScript number is exact only to 2^53 − 1; the time is an absolute instant (epoch ms, UTC).
 */
export interface ContactUpdate {
  readonly id: string;
  readonly updatedAtMs: number;
  readonly deleted: boolean;
}
