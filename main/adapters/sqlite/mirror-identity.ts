import type Database from 'better-sqlite3';
import type { MirrorIdentity } from '../../core/ports/contact-mirror.ts';
import { checkText } from './mirror-input.ts';

/** Checks an identity before anything is written, naming the first bad field. */
export function checkIdentity(identity: MirrorIdentity): MirrorIdentity {
  if (identity === null || typeof identity !== 'object') {
    throw new RangeError('commit.identity must be an object');
  }
  return {
    baseUrl: checkText(identity.baseUrl, 'commit.identity.baseUrl'),
    contactGroupId: checkText(identity.contactGroupId, 'commit.identity.contactGroupId'),
    serverTimeZone: checkText(identity.serverTimeZone, 'commit.identity.serverTimeZone'),
  };
}

/**
 * The `mirror_identity` row, read and written inside the commit's transaction, so the contacts
 * and what they are contacts of always change together. `since_ms` moves only when the identity
 * does: it is when the current baseline began.
 */
export class IdentityWriter {
  readonly #read: Database.Statement<[], [string, string, string]>;
  readonly #write: Database.Statement<[string, string, string, number]>;
  readonly #clearContacts: Database.Statement<[]>;
  readonly #clearLastCommit: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.#read = db
      .prepare<[], [string, string, string]>(
        'SELECT base_url, contact_group_id, server_time_zone FROM mirror_identity WHERE only_row = 1',
      )
      .raw(true);
    this.#write = db.prepare(
      `INSERT INTO mirror_identity (only_row, base_url, contact_group_id, server_time_zone, since_ms)
       VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (only_row) DO UPDATE SET base_url = excluded.base_url,
         contact_group_id = excluded.contact_group_id,
         server_time_zone = excluded.server_time_zone, since_ms = excluded.since_ms
       WHERE (base_url, contact_group_id, server_time_zone)
         IS NOT (excluded.base_url, excluded.contact_group_id, excluded.server_time_zone)`,
    );
    this.#clearContacts = db.prepare('DELETE FROM contacts');
    this.#clearLastCommit = db.prepare('DELETE FROM last_commit');
  }

  read(): MirrorIdentity | null {
    const row = this.#read.get();
    if (row === undefined) return null;
    const [baseUrl, contactGroupId, serverTimeZone] = row;
    return { baseUrl, contactGroupId, serverTimeZone };
  }

  write(identity: MirrorIdentity, nowMs: number): void {
    this.#write.run(identity.baseUrl, identity.contactGroupId, identity.serverTimeZone, nowMs);
  }

  /** A new baseline: the old server's contacts go; the change log stays (real changes). */
  clearContacts(): void {
    this.#clearContacts.run();
    this.#clearLastCommit.run();
  }
}
