/**
 * The e2e harness end to end: the built renderer in real Chromium, served with the app's CSP,
 * talking to the real handlers and services through `window.amoot` (the preload's own factory
 * over fetch and server-sent events) while the services sync the local simulator.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { AppState } from '../../common/ipc/app-state.ts';
import type { PreloadBridge } from '../../common/ipc/bridge.ts';
import { valueOf } from '../../common/ipc/page-api.ts';
import type { E2eApp } from './harness/app-server.ts';
import {
  e2eSkipReason,
  startE2eSession,
  type E2eSession,
  openAppPage,
  screenshot,
  severeAxeViolations,
} from './harness/page-tools.ts';

/** The simulator accepts this one; the vault starts with a token it has never heard of. */
const VALID_TOKEN = 'e2e-valid-token-5f0c2a71';
const STALE_TOKEN = 'e2e-unknown-token-93be4d10';

/** `window` inside `page.evaluate` callbacks (the tests compile without the DOM library). */
type PageWindow = typeof globalThis & {
  amoot: PreloadBridge;
  e2eEvents: { channel: string; payload: unknown }[];
};

const skipReason = e2eSkipReason();

describe.skipIf(skipReason !== null)('the renderer in Chromium against the real main side', () => {
  let session: E2eSession;
  let app: E2eApp;
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    session = await startE2eSession({
      simulatorTokens: { [VALID_TOKEN]: 'valid' },
      initialToken: STALE_TOKEN,
    });
    ({ app, browser, bundle } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const openPage = (context: BrowserContext) => openAppPage(context, app, bundle);

  test('loads under the CSP, reaches main through window.amoot, hears the sync and passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    try {
      const { page, problems } = await openPage(context);

      // `window.amoot` answers with the envelope; `valueOf` unwraps it as the page's `lib/api.ts` does.
      const state = valueOf(
        'state.get',
        await page.evaluate(() => (globalThis as PageWindow).amoot.state.get()),
      );
      expect(state).toEqual(app.hub.state());
      expect(state.token.present).toBe(true);
      expect(state.lastRun).toBeNull();

      await page.evaluate(() => {
        const page = globalThis as PageWindow;
        page.e2eEvents = [];
        const channels = [
          'state.changed',
          'sync.progress',
          'updates.changed',
          'ui.navigate',
        ] as const;
        for (const channel of channels) {
          page.amoot.on(channel, (payload) => page.e2eEvents.push({ channel, payload }));
        }
      });

      const saved = valueOf(
        'token.set',
        await page.evaluate(
          (token) => (globalThis as PageWindow).amoot.token.set({ token, test: true }),
          VALID_TOKEN,
        ),
      );
      expect(saved).toEqual({ ok: true });
      // The check reached the simulator with the token the page typed.
      expect(app.simulator.requests.at(-1)?.headers.authorization).toBe(VALID_TOKEN);

      const synced = valueOf(
        'sync.now',
        await page.evaluate(() => (globalThis as PageWindow).amoot.sync.now()),
      );
      expect(synced).toEqual({ ok: true });
      await vi.waitFor(
        async () => {
          const events = await page.evaluate(() => (globalThis as PageWindow).e2eEvents);
          const states = events.filter((event) => event.channel === 'state.changed');
          const last = states.at(-1)?.payload as AppState | undefined;
          expect(last?.lastRun?.outcome).toBe('baseline');
          expect(last?.syncing).toBe(false);
          expect(events.map((event) => event.channel)).toContain('sync.progress');
          expect(events.map((event) => event.channel)).toContain('updates.changed');
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(app.services.history.list({ limit: 1 }).runs[0]?.outcome).toBe('baseline');

      // A clicked notification's "show this screen" reaches the page over the same stream.
      app.navigate('history');
      await vi.waitFor(
        async () => {
          const events = await page.evaluate(() => (globalThis as PageWindow).e2eEvents);
          expect(events.filter((event) => event.channel === 'ui.navigate')).toEqual([
            { channel: 'ui.navigate', payload: { screen: 'history' } },
          ]);
        },
        { timeout: 5_000, interval: 20 },
      );

      // axe runs in the page through CDP, which the page's CSP does not govern.
      expect(await severeAxeViolations(page)).toEqual([]);
      console.log(`e2e screenshot: ${await screenshot(page, 'smoke')}`);

      expect(problems).toEqual([]);
      expect(app.log.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
