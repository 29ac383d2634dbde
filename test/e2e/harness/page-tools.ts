/**
 * What every end-to-end test does with a page: open the built renderer with `window.amoot` over
 * the harness transport while collecting every console error, failed load and CSP violation; run
 * axe; take a screenshot under `test/e2e/screenshots/`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { startE2eApp, type E2eApp, type E2eAppOptions } from './app-server.ts';
import { bridgeScript, bundleBridge } from './bridge-script.ts';
import { chromiumSkipReason, launchChromium } from './browser.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer/', import.meta.url));
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Why the e2e tests cannot run here (no Chromium, or no built renderer), or null. Said once, in
 * one line; under CI=true it is always null, so a missing piece fails the run instead.
 */
export function e2eSkipReason(): string | null {
  const reason =
    chromiumSkipReason() ??
    (existsSync(`${RENDERER_DIR}index.html`) || process.env['CI'] === 'true'
      ? null
      : 'e2e: skipped, no built renderer in out/renderer (npm run build)');
  if (reason !== null) console.log(reason);
  return reason;
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Reports CSP violations as console errors, which are collected with every other error. */
const CSP_REPORTER = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
});`;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/** What every e2e suite starts with: the app over the built renderer, Chromium, the bridge. */
export interface E2eSession {
  readonly app: E2eApp;
  readonly browser: Browser;
  /** The preload's factory bundled for the page (`openAppPage` injects it). */
  readonly bundle: string;
  close(): Promise<void>;
}

export async function startE2eSession(
  options: Omit<E2eAppOptions, 'rendererDir'>,
): Promise<E2eSession> {
  const [app, browser, bundle] = await Promise.all([
    startE2eApp({ ...options, rendererDir: RENDERER_DIR }),
    launchChromium(),
    bundleBridge(),
  ]);
  return {
    app,
    browser,
    bundle,
    close: async () => {
      await Promise.allSettled([browser.close(), app.close()]);
    },
  };
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors, HTTP errors, failed requests and page errors seen so far. */
  readonly problems: string[];
}

export async function openAppPage(
  context: BrowserContext,
  app: E2eApp,
  bridgeBundle: string,
  options: { platform?: string } = {},
): Promise<OpenedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A failed load is reported below with its address, which the console line lacks.
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
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
    bridgeScript(bridgeBundle, {
      origin: app.origin,
      version: '0.0.0-e2e',
      platform: options.platform ?? 'linux',
    }),
  );
  const clientsBefore = app.eventClients();
  await page.goto(app.url, { waitUntil: 'load' });
  // A function, not a string: a string predicate is run with `eval`, which the app's CSP refuses
  // (a page error, and a failed wait) whenever the app has not mounted yet and Playwright polls.
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as {
      document: { querySelector(selector: string): { childElementCount: number } | null };
    };
    return (document.querySelector('#app')?.childElementCount ?? 0) > 0;
  });
  await vi.waitFor(() => expect(app.eventClients()).toBeGreaterThan(clientsBefore), {
    timeout: 5_000,
    interval: 20,
  });
  return { page, problems };
}

/** axe's serious and critical violations on the page as it is now (axe runs through CDP). */
export async function severeAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
    })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Writes `test/e2e/screenshots/<name>.png` (the whole page) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = `${SCREENSHOTS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
