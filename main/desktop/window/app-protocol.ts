/**
 * The `app://` protocol that serves the built renderer. Loading the page over `file://` gave it
 * the opaque `null` origin shared with every file on disk, needed the
 * `grantFileProtocolExtraPrivileges` fuse for its module scripts, and allowed no response headers.
 * A privileged standard scheme gives the page a real origin of its own (`app://bundle`), lets the
 * CSP arrive as a header (where `frame-ancestors` counts, unlike in a meta element), and puts
 * every file the page can load behind one path check here.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import type { Logger } from '../logging/logging.ts';

export const APP_SCHEME = 'app';
/** A standard scheme needs a host; this one names the bundle, the only thing the scheme serves. */
export const APP_HOST = 'bundle';
/** What the window loads when it is not running against the dev server. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The page's policy, sent with every response. The meta element in `renderer/index.html` repeats
 * it minus `frame-ancestors` so the page stays locked down even when served by something else.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Chromium refuses module scripts served with a non-JavaScript type, and `nosniff` (sent below)
 * makes it trust these types rather than guess, so each file type Vite emits is named here.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The type a file is served with; unknown types as opaque bytes, which the page cannot run. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Makes `app:` a standard, secure scheme that `fetch` may use. Electron accepts this only before
 * the app is ready, so it runs when main is first evaluated. `corsEnabled` is left off on purpose:
 * it would let other origins read the bundle; the page itself is same-origin and needs no CORS.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves `folder` (the built renderer) at `app://bundle/`; call once the app is ready. */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  folder: string,
  log: Logger,
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(folder, log));
}

/** The part of a request the handler reads; Electron passes a full `Request`. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * Answers one `app://` request from `folder`. Anything that does not resolve to a file inside
 * the folder is a 404, whatever the reason, so a probing page learns nothing about the disk. That
 * holds after symbolic links are followed too: a link planted in the bundle (by a broken update,
 * another program, a hand-made copy) would otherwise hand the page any file it points at.
 */
export function createAppRequestHandler(
  folder: string,
  log: Logger,
): (request: AppRequest) => Promise<Response> {
  const root = resolve(folder);
  // The bundle itself may sit behind a link (an install path, a dev checkout): compared resolved.
  let realRoot: Promise<string> | null = null;
  const refused = (request: AppRequest): Response => {
    // Only the renderer's own code can ask, so a refused path means a bug or an injected script.
    log.warn(`app protocol: refused ${JSON.stringify(request.url.slice(0, 200))}`);
    return answer(404, 'text/plain; charset=utf-8', null);
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'text/plain; charset=utf-8', null);
    }
    const named = resolveAppFile(root, request.url);
    if (named === null) return refused(request);
    let body: Uint8Array;
    let file = named;
    try {
      realRoot ??= realpath(root);
      file = await realpath(named);
      if (!isInside(await realRoot, file)) return refused(request);
      body = new Uint8Array(await readFile(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Chromium asks for /favicon.ico by itself: a missing file is routine, not worth a log line.
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') {
        log.error(`app protocol: could not read ${file}: ${String(error)}`);
        return answer(500, 'text/plain; charset=utf-8', null);
      }
      return answer(404, 'text/plain; charset=utf-8', null);
    }
    return answer(200, mimeTypeFor(file), request.method === 'HEAD' ? null : body);
  };
}

function answer(status: number, type: string, body: Uint8Array | null): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * The file an `app://bundle/…` URL names inside `root`, or null. Each path segment is decoded
 * once and must then be a plain name: no `.`/`..`, no empty segment, no separator of either
 * platform (so `%2f` and `%5c` cannot split a segment later), no drive colon, no control
 * character. The resolved path is checked to lie inside `root` as well, so a rule missed above
 * still cannot reach a file outside it.
 */
export function resolveAppFile(root: string, url: string): string | null {
  const parsed = URL.parse(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:`) return null;
  if (parsed.hostname.toLowerCase() !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const path = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  if (!path.startsWith('/')) return null;
  const names: string[] = [];
  for (const segment of path.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (name === '' || name === '.' || name === '..' || UNSAFE_IN_NAME.test(name)) return null;
    names.push(name);
  }
  const base = resolve(root);
  const file = resolve(base, ...names);
  return isInside(base, file) ? file : null;
}

/** True when `file` lies strictly inside the folder `base` (both absolute, already resolved). */
function isInside(base: string, file: string): boolean {
  const inside = relative(base, file);
  return !(inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside));
}

// Separators of both platforms, the drive/stream colon, and C0 controls including NUL.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[/\\:\u0000-\u001f]/;
