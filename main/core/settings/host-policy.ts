/**
 * Which base URLs need the user's word before the token goes there. The token travels in the
 * `Authorization` header of every sync and token check, so whoever runs the base URL's server can
 * use the account: AmootSMS's own server needs no question, any other host does, named the way
 * the URL parser spells it (punycode for an international name, so a look-alike such as
 * `pοrtal.amootsms.com` with a Greek omicron shows as `xn--…` and cannot pass for the real one).
 */
import { DEFAULT_SETTINGS } from '../../../common/settings.ts';

const OFFICIAL = new URL(DEFAULT_SETTINGS.baseUrl);

/** `portal.amootsms.com`: the host of the default base URL. */
export const OFFICIAL_HOST = OFFICIAL.host;

/** Whether a (checked, canonical) base URL is on AmootSMS's own server, over https. */
export function isOfficialBaseUrl(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === OFFICIAL.protocol && url.host === OFFICIAL.host;
}

/**
 * The host the token would newly be sent to when the base URL changes from `before` to `after`
 * (both already checked), or null when no question is needed: the official server, or the same
 * origin as now (a path changed on a server the user already chose).
 */
export function newTokenHost(before: string, after: string): string | null {
  if (isOfficialBaseUrl(after)) return null;
  const next = new URL(after);
  if (URL.canParse(before) && new URL(before).origin === next.origin) return null;
  return next.host;
}
