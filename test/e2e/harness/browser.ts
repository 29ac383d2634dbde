/**
 * Debian's Chromium driven by playwright-core. A developer without Chromium gets the e2e tests
 * skipped with one line; CI (`CI=true`, where `.ci/run` installs the package) always runs them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the e2e tests do not run here, or null when they do. */
export function chromiumSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH) || process.env['CI'] === 'true') return null;
  return `e2e: skipped, no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
