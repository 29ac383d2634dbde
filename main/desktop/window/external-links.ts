/**
 * The one way a URL leaves the app for the user's browser. `shell.openExternal` hands its argument
 * to the OS, which will just as happily run a `file:` path, a `smb:` share or a custom protocol
 * handler as open a web page, so a link the page asks for (or a script injected into it) gets
 * through only when it is an `https:` page of AmootSMS. DESIGN.md, "Security defaults".
 */
import type { Shell } from 'electron';
import type { Logger } from '../logging/logging.ts';

/** Exact host names; a subdomain not listed here is refused, as is a look-alike. */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'amootsms.com',
  'www.amootsms.com',
  'portal.amootsms.com',
]);

/**
 * Whether `url` may be opened: `https:`, an allow-listed host on the default port, and no user
 * name or password (`https://amootsms.com@evil.example/` reads as AmootSMS to a person).
 */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = URL.parse(url);
  if (parsed === null || parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return EXTERNAL_LINK_HOSTS.has(parsed.hostname);
}

export interface ExternalLinkDeps {
  readonly shell: Pick<Shell, 'openExternal'>;
  readonly log: Logger;
}

/**
 * Opens `url` in the browser when allowed; resolves to whether it did. A refusal is logged with
 * the scheme and host only: the rest of a URL can carry anything, a token included. The URL is
 * passed on in its parsed, normalised form, never as the raw text that was checked.
 */
export async function openExternalSafely(url: string, deps: ExternalLinkDeps): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    deps.log.warn(`external link refused: ${describeTarget(url)}`);
    return false;
  }
  const target = new URL(url).href;
  try {
    await deps.shell.openExternal(target);
    return true;
  } catch (error) {
    deps.log.error(`external link could not be opened: ${describeTarget(url)}: ${String(error)}`);
    return false;
  }
}

function describeTarget(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return 'not a URL';
  return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
}
