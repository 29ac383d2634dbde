import { describe, expect, it } from 'vitest';
import { manualRedirectFetch } from '../../../main/compose/manual-redirect-fetch.ts';

describe("the app's net.fetch wrapper", () => {
  it('hands net.fetch everything the caller gave, but never a redirect mode that follows', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const net = {
      fetch: (url: string, init?: RequestInit) => {
        seen.push({ url, init });
        return Promise.resolve(new Response('{}'));
      },
    };
    const signal = new AbortController().signal;
    const fetch = manualRedirectFetch(net);
    await fetch('https://portal.amootsms.com/rest/ContactListUpdates', {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: 'ContactGroupID=0',
      redirect: 'follow',
      signal,
    });
    expect(seen).toEqual([
      {
        url: 'https://portal.amootsms.com/rest/ContactListUpdates',
        init: {
          method: 'POST',
          headers: { Accept: 'application/json' },
          body: 'ContactGroupID=0',
          redirect: 'manual',
          signal,
        },
      },
    ]);
  });
});
