import type { FetchFunction } from '../core/amoot/guarded-request.ts';

/** What this needs of Electron's `net`, so it is tested with a fake and imports no electron. */
export interface NetLike {
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/**
 * The app's `net.fetch`, in main and in the sync process, never following a redirect whatever
 * its caller asks: a second guard behind `GuardedRequest`, so no future caller can let a 30x
 * carry `Authorization: <token>` to another host or to plain http.
 */
export function manualRedirectFetch(net: NetLike): FetchFunction {
  return (url, init) => net.fetch(url, { ...init, redirect: 'manual' });
}
