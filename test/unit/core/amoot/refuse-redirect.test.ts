import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../../common/i18n/format-message.ts';
import { fetchContactUpdates } from '../../../../main/core/amoot/client.ts';
import type { FetchFunction } from '../../../../main/core/amoot/guarded-request.ts';

const TOKEN = 'unit-redirect-token-7a1f';

/** A fake fetch that records what it was asked and answers `answer`. */
function fakeFetch(answer: () => Response): { fetch: FetchFunction; inits: RequestInit[] } {
  const inits: RequestInit[] = [];
  return {
    inits,
    fetch: (_url, init) => {
      inits.push(init);
      return Promise.resolve(answer());
    },
  };
}

async function failureFor(answer: () => Response) {
  const fake = fakeFetch(answer);
  const result = await fetchContactUpdates({
    token: TOKEN,
    contactGroupId: '0',
    baseUrl: 'https://portal.amootsms.com/rest',
    fetch: fake.fetch,
    userAgent: 'unit',
  });
  if (result.ok) throw new Error('expected the redirect to be refused');
  return { error: result.error, inits: fake.inits };
}

const redirect = (location: string, status = 302): Response =>
  new Response(null, { status, headers: { Location: location } });

describe('redirects are refused', () => {
  it('asks fetch never to follow one', async () => {
    const { inits } = await failureFor(() => redirect('https://elsewhere.example/rest'));
    expect(inits.map((init) => init.redirect)).toEqual(['manual']);
  });

  it("Chromium's opaque redirect (no status, no Location) is refused too", async () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null };
    const { error } = await failureFor(() => opaque as unknown as Response);
    expect(error.kind).toBe('protocol');
    expect(error.message).toEqual({ key: 'error.protocol.redirect.no-host' });
    for (const language of ['en', 'fa'] as const) {
      expect(formatMessage(language, error.message.key)).toMatch(/Settings|تنظیمات/);
    }
  });

  it('names only the target host, cleaned and cut, never the path or query', async () => {
    const host = `${'a'.repeat(60)}.${'b'.repeat(60)}.example`;
    const { error } = await failureFor(() => redirect(`http://${host}/p?token=${TOKEN}`, 307));
    const shown = String(error.message.params?.['host']);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(host.startsWith(shown)).toBe(true);
    expect(JSON.stringify(error)).not.toMatch(/token=|\/p\?/);
  });

  it('a relative Location names the server it came from', async () => {
    const { error } = await failureFor(() => redirect('/login', 303));
    expect(error.message.params).toEqual({ host: 'portal.amootsms.com' });
    expect(error.httpStatus).toBe(303);
  });

  it('a 3xx without a usable Location still says what to do', async () => {
    const { error } = await failureFor(() => new Response(null, { status: 300 }));
    expect(error.message).toEqual({ key: 'error.protocol.redirect.no-host' });
  });

  it.each(['net::ERR_UNSAFE_REDIRECT', 'net::ERR_TOO_MANY_REDIRECTS'])(
    'a fetch that throws %s instead: the same refusal, not a network failure',
    async (reason) => {
      const result = await fetchContactUpdates({
        token: TOKEN,
        contactGroupId: '0',
        baseUrl: 'https://portal.amootsms.com/rest',
        fetch: () => Promise.reject(new TypeError(reason)),
        userAgent: 'unit',
      });
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'protocol', message: { key: 'error.protocol.redirect.no-host' } },
      });
    },
  );
});
