/**
 * The e2e harness end to end: the built renderer in real Chromium, served with the app's CSP,
 * talking to the real handlers and services through `window.amoot` (the preload's own factory
 * over fetch and server-sent events) while the services sync the local simulator.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { AmootBridge } from '../../common/ipc/bridge.ts';
import type { AppState } from '../../common/ipc/app-state.ts';
import { startE2eApp, type E2eApp } from './harness/app-server.ts';
import { bridgeScript, bundleBridge } from './harness/bridge-script.ts';
import { chromiumSkipReason, launchChromium } from './harness/browser.ts';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The simulator accepts this one; the vault starts with a token it has never heard of. */
const VALID_TOKEN = 'e2e-valid-token-5f0c2a71';
const STALE_TOKEN = 'e2e-unknown-token-93be4d10';

/** Reports CSP violations as console errors, which the test collects with every other error. */
const CSP_REPORTER = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
});`;

/** `window` inside `page.evaluate` callbacks (the tests compile without the DOM library). */
type PageWindow = typeof globalThis & {
  amoot: AmootBridge;
  e2eEvents: { channel: string; payload: unknown }[];
};

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

const skipReason =
  chromiumSkipReason() ??
  (existsSync(`${RENDERER_DIR}index.html`) || process.env['CI'] === 'true'
    ? null
    : 'e2e: skipped, no built renderer in out/renderer (npm run build)');
if (skipReason !== null) console.log(skipReason);

describe.skipIf(skipReason !== null)('the renderer in Chromium against the real main side', () => {
  let app: E2eApp;
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    [app, browser, bundle] = await Promise.all([
      startE2eApp({
        rendererDir: RENDERER_DIR,
        simulatorTokens: { [VALID_TOKEN]: 'valid' },
        initialToken: STALE_TOKEN,
      }),
      launchChromium(),
      bundleBridge(),
    ]);
  });

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), app?.close()]);
  });

  async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // A failed load is reported below with its address, which the console line lacks.
      if (message.type() !== 'error' || message.text().startsWith('Failed to load resource'))
        return;
      problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      // Chromium asks for /favicon.ico on its own; an Electron window never does.
      if (response.status() < 400 || new URL(response.url()).pathname === '/favicon.ico') return;
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(CSP_REPORTER);
    await page.addInitScript(
      bridgeScript(bundle, { origin: app.origin, version: '0.0.0-e2e', platform: 'linux' }),
    );
    await page.goto(app.url, { waitUntil: 'load' });
    await page.waitForFunction("document.querySelector('#app')?.childElementCount > 0");
    await vi.waitFor(() => expect(app.eventClients()).toBe(1), { timeout: 5_000, interval: 20 });
    return { page, problems };
  }

  test('loads under the CSP, reaches main through window.amoot, hears the sync and passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    try {
      const { page, problems } = await openPage(context);

      const state = await page.evaluate(() => (globalThis as PageWindow).amoot.state.get());
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

      const saved = await page.evaluate(
        (token) => (globalThis as PageWindow).amoot.token.set({ token, test: true }),
        VALID_TOKEN,
      );
      expect(saved).toEqual({ ok: true });
      // The check reached the simulator with the token the page typed.
      expect(app.simulator.requests.at(-1)?.headers.authorization).toBe(VALID_TOKEN);

      const synced = await page.evaluate(() => (globalThis as PageWindow).amoot.sync.now());
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
      await page.evaluate(AXE_SOURCE);
      const violations = (await page.evaluate(`axe
        .run(document, { resultTypes: ['violations'] })
        .then((result) => result.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
        })))`)) as AxeViolation[];
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe).toEqual([]);

      mkdirSync(SCREENSHOTS, { recursive: true });
      const screenshot = `${SCREENSHOTS}smoke.png`;
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`e2e screenshot: ${screenshot}`);

      expect(problems).toEqual([]);
      expect(app.log.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
