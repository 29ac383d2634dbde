export type { SecretBackend } from '../../../common/ipc/view-types.ts';
import type { SecretBackend } from '../../../common/ipc/view-types.ts';

/**
 * One secret (the API token). Implementations never log it and never write it anywhere but their
 * own protected storage.
 */
export interface SecretStore {
  readonly backend: SecretBackend;
  /** False when the secret is lost at exit (memory only). */
  readonly persistent: boolean;
  get(): Promise<string | null>;
  set(secret: string): Promise<void>;
  delete(): Promise<void>;
}
