/**
 * What a mirror mirrors. The mirror's rows are one server's contacts of one group, with times read
 * in one time zone; compared with another server's answer (or the same answer read in another
 * zone) every contact would look added, missing or updated. The identity is stored with the
 * mirror (`mirror_identity`, schema step 2) and a sync whose settings differ starts a new baseline
 * instead (sync-engine.ts), telling the user why.
 *
 * The token's account is not part of it, on purpose: anything derived from the token (a hash, a
 * fingerprint) in the data folder could be tested against a guessed or leaked token, and the
 * token must never leave the keychain in any form. A change of account is therefore seen only
 * when it comes with a change of server or group; a new token on the same server and group is
 * taken as the same account (a renewed token usually is), and README says so.
 */
import type { Settings } from '../../../common/settings.ts';
import type { NewBaselineReason } from '../../../common/sync-types.ts';
import type { MirrorIdentity } from '../ports/contact-mirror.ts';

/**
 * The base URL as one text per server: scheme and host in lower case, the default port left out,
 * no trailing slash. `https://Portal.AmootSMS.com:443/rest/` and `https://portal.amootsms.com/rest`
 * are one server; the path keeps its case, as servers may tell paths apart by it.
 */
export function normaliseBaseUrl(text: string): string {
  try {
    const url = new URL(text.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return text.trim();
  }
}

/** The zone's canonical name (`utc` and `Etc/UTC` are `UTC`), as Intl resolves it. */
export function normaliseTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

export function identityOf(settings: Settings): MirrorIdentity {
  return {
    baseUrl: normaliseBaseUrl(settings.baseUrl),
    contactGroupId: settings.contactGroupId,
    serverTimeZone: normaliseTimeZone(settings.serverTimeZone),
  };
}

/** Why `next` is not what `stored` mirrors (the first difference), or null when it is. */
export function identityChange(
  stored: MirrorIdentity | null,
  next: MirrorIdentity,
): NewBaselineReason | null {
  if (stored === null) return null;
  if (normaliseBaseUrl(stored.baseUrl) !== next.baseUrl) return 'server';
  if (stored.contactGroupId !== next.contactGroupId) return 'group';
  if (normaliseTimeZone(stored.serverTimeZone) !== next.serverTimeZone) return 'time-zone';
  return null;
}
