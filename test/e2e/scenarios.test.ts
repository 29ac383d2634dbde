/**
 * What an office user does, in Chromium against the real main side and the simulator: a first run
 * with a wrong token then the right one, a baseline, 25 changed contacts, the history of both
 * runs, filters, search and export, a server fault, both languages, and the keyboard alone. Every
 * screen is checked with axe and photographed in both languages, light and dark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { messagesEn } from '../../common/i18n/messages-en.ts';
import { messagesFa } from '../../common/i18n/messages-fa.ts';
import { MANUAL_SYNC_COOLDOWN_MS } from '../../main/core/scheduler/manual-sync-limit.ts';
import type { E2eApp } from './harness/app-server.ts';
import {
  e2eSkipReason,
  startE2eSession,
  type E2eSession,
  openAppPage,
  screenshot,
  severeAxeViolations,
  type OpenedPage,
} from './harness/page-tools.ts';

const VALID_TOKEN = 'e2e-scenario-token-8c41d2';
const EXPIRED_TOKEN = 'e2e-expired-token-1f93ab';

const skipReason = e2eSkipReason();

/** Long enough for a sync that retries a failing server twice (about 2 + 4 s of back-off). */
const waitUntil = (check: () => Promise<void> | void, timeout = 30_000) =>
  vi.waitFor(check, { timeout, interval: 50 });

/**
 * The page's `document`, as far as these checks read it (the tests compile without the DOM). Each
 * page function names it itself: it runs in the page, where nothing of this module exists.
 */
interface PageDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/**
 * Resolves once the list shows what it will show where it is scrolled to: a frame has been drawn
 * since the last scroll (Chromium handles a scroll, and Svelte redraws, before the frame's
 * callbacks), no newer query is pending (`aria-busy`) and no row still waits for its page.
 * Predicates are functions, never strings: a string is run with `eval`, which the app's CSP
 * refuses as soon as Playwright has to poll.
 */
async function listSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        (
          globalThis as unknown as { requestAnimationFrame(callback: () => void): void }
        ).requestAnimationFrame(() => resolve(true)),
      ),
  );
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: PageDocument };
    const list = document.querySelector('[data-testid="updates-list"]');
    return (
      list === null ||
      (list.getAttribute('aria-busy') === 'false' &&
        document.querySelector('[data-testid="updates-row-loading"]') === null)
    );
  });
}

/**
 * Resolves once the screen shows its content, not its loading state: nothing on the page is busy
 * (each screen, the list and the history table say so while they wait for main) and no row waits
 * for its page. axe and the screenshots then see what the user reads.
 */
const screenSettled = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: PageDocument };
    return (
      document.querySelector('[aria-busy="true"], [data-testid="updates-row-loading"]') === null
    );
  });

/**
 * Every contact ID in the Updates list, read as a user would see them: the list is virtualised, so
 * it is scrolled a screenful at a time from the top to the end, each screenful read once drawn.
 */
async function listedIds(page: Page): Promise<string[]> {
  const list = page.getByTestId('updates-list');
  if ((await list.count()) === 0) return [];
  /** By row position: a contact changed twice is listed twice. */
  const seen = new Map<string, string>();
  await list.evaluate((element) => {
    (element as unknown as { scrollTop: number }).scrollTop = 0;
  });
  for (;;) {
    await listSettled(page);
    if ((await list.count()) === 0) return [];
    const rows = await page
      .locator('[data-testid="updates-row"]')
      .evaluateAll((elements) =>
        elements.map((row) => [
          (row as unknown as { getAttribute(name: string): string }).getAttribute('aria-rowindex'),
          (row as unknown as { querySelector(s: string): { textContent: string } }).querySelector(
            'bdi',
          ).textContent,
        ]),
      );
    for (const [index, id] of rows) seen.set(index ?? '', (id ?? '').trim());
    const atEnd = await list.evaluate((element) => {
      const box = element as unknown as {
        scrollTop: number;
        scrollHeight: number;
        clientHeight: number;
      };
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return true;
      box.scrollTop += box.clientHeight;
      return false;
    });
    if (atEnd) return [...seen.values()];
  }
}

const pageDirection = (page: Page) => page.evaluate('document.documentElement.dir');

describe.skipIf(skipReason !== null)('an office user, end to end', () => {
  let session: E2eSession;
  let app: E2eApp;
  let browser: Browser;
  let bundle: string;
  let context: BrowserContext;
  let opened: OpenedPage;
  let page: Page;
  /** The contacts the simulator changed after the baseline. */
  let changed: string[] = [];

  beforeAll(async () => {
    session = await startE2eSession({
      simulatorTokens: { [VALID_TOKEN]: 'valid', [EXPIRED_TOKEN]: 'Token_Expired' },
      initialToken: null,
      contacts: 400,
    });
    ({ app, browser, bundle } = session);
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    opened = await openAppPage(context, app, bundle);
    page = opened.page;
  });

  afterAll(async () => {
    await context?.close();
    await session?.close();
  });

  const nav = (name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
  const syncNow = async (): Promise<void> => {
    const before = app.services.history.list({ limit: 1 }).total;
    // Manual syncs are rate-limited: the user presses Sync now after the cooldown, not at once.
    app.passTime(MANUAL_SYNC_COOLDOWN_MS);
    await page.getByRole('button', { name: /^(Sync now|همگام‌سازی اکنون)$/ }).click();
    await waitUntil(() => {
      expect(app.services.history.list({ limit: 1 }).total).toBe(before + 1);
      expect(app.hub.state().syncing).toBe(false);
    });
  };

  test('first run: a wrong token shows its advice in English and in Persian; nothing is kept', async () => {
    await page.getByTestId('token-input').fill(EXPIRED_TOKEN);
    await page.getByTestId('token-save').click();
    await page.getByText(messagesEn['status.Token_Expired']).waitFor();
    expect((await app.services.tokens.status()).present).toBe(false);
    expect(await severeAxeViolations(page)).toEqual([]);
    await screenshot(page, 'first-run-en-light');

    await page.getByTestId('language-select').selectOption('fa');
    await page.getByText(messagesFa['status.Token_Expired']).waitFor();
    expect(await pageDirection(page)).toBe('rtl');
    expect(await severeAxeViolations(page)).toEqual([]);
    await screenshot(page, 'first-run-fa-light');
    await page.getByTestId('language-select').selectOption('en');
  });

  test('the right token is kept and a baseline sync fills the mirror', async () => {
    await page.getByTestId('token-input').fill(VALID_TOKEN);
    await page.getByTestId('token-save').click();
    // The first run gives way to the Updates screen by itself.
    await nav(/^Updates$/).waitFor();
    expect((await app.services.tokens.status()).present).toBe(true);
    // The field kept nothing: the token is in main's vault only.
    expect(
      await page
        .locator('input[type="password"], input[type="text"]')
        .evaluateAll((inputs) =>
          inputs.map((input) => (input as unknown as { value: string }).value),
        ),
    ).not.toContain(VALID_TOKEN);
    await syncNow();
    expect(app.services.history.list({ limit: 1 }).runs[0]?.outcome).toBe('baseline');
    expect(app.services.mirror.count()).toBe(400);
    await page.getByTestId('updates-empty').waitFor();
  });

  test('the simulator changes 25 contacts and Sync now lists exactly those 25', async () => {
    changed = app.simulator.update(25).map(String).sort();
    await syncNow();
    await waitUntil(async () => expect((await listedIds(page)).sort()).toEqual(changed));
    await expect.poll(() => page.getByTestId('updates-count').textContent()).toContain('25');
  });

  test('history shows both runs, newest first, with a bar for each in the chart', async () => {
    await nav(/^History$/).click();
    const rows = page.getByTestId('history-row');
    await waitUntil(async () => expect(await rows.count()).toBe(2));
    const outcomes = await page.getByTestId('history-outcome').allTextContents();
    expect(outcomes.map((text) => text.trim())).toEqual([
      messagesEn['ui.outcome.success'],
      messagesEn['ui.outcome.baseline'],
    ]);
    expect(await page.getByTestId('history-chart-bar').count()).toBe(2);
  });

  test(
    'filters by kind, searches by ID and exports what the list shows',
    { timeout: 60_000 },
    async () => {
      const added = app.simulator.add(3).map(String).sort();
      const [gone] = app.simulator.update(1);
      app.simulator.markDeleted([gone as bigint]);
      await nav(/^Updates$/).click();
      await syncNow();
      await waitUntil(async () => expect((await listedIds(page)).length).toBe(25 + 3 + 1));

      await page.getByTestId('updates-kind-added').click();
      await waitUntil(async () => expect((await listedIds(page)).sort()).toEqual(added));
      await page.getByTestId('updates-kind-added').click();

      const wanted = changed[7] ?? '';
      await page.getByTestId('updates-search').fill(wanted);
      await waitUntil(async () => expect(await listedIds(page)).toEqual([wanted]));
      // Persian digits find the same contact.
      const persian = wanted.replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)] ?? digit);
      await page.getByTestId('updates-search').fill(persian);
      await waitUntil(async () => expect(await listedIds(page)).toEqual([wanted]));
      await page.getByTestId('updates-search').fill('');
      await waitUntil(async () => expect((await listedIds(page)).length).toBe(29));

      await page.getByTestId('updates-kind-deleted').click();
      app.nextSavePath = join(app.dataDir, 'deleted-contacts.csv');
      await page.getByTestId('updates-export').click();
      await waitUntil(async () =>
        expect(await page.getByTestId('updates-export-status').textContent()).toContain(
          'deleted-contacts.csv',
        ),
      );
      const csv = readFileSync(app.nextSavePath, 'utf8');
      expect(csv).toContain(String(gone));
      for (const id of added) expect(csv).not.toContain(id);
      await page.getByTestId('updates-kind-deleted').click();
      app.nextSavePath = null;
    },
  );

  test('every screen in both languages and both themes: mirrored in Persian, no axe finding', async () => {
    const screens = [
      {
        name: 'updates',
        nav: { en: /^Updates$/, fa: new RegExp(`^${messagesFa['ui.nav.updates']}$`) },
      },
      {
        name: 'history',
        nav: { en: /^History$/, fa: new RegExp(`^${messagesFa['ui.nav.history']}$`) },
      },
      {
        name: 'settings',
        nav: { en: /^Settings$/, fa: new RegExp(`^${messagesFa['ui.nav.settings']}$`) },
      },
    ] as const;
    for (const language of ['en', 'fa'] as const) {
      await nav(screens[2].nav[language === 'en' ? 'fa' : 'en'])
        .or(nav(screens[2].nav[language]))
        .click();
      await page.getByTestId('language-select').selectOption(language);
      await waitUntil(async () =>
        expect(await pageDirection(page)).toBe(language === 'fa' ? 'rtl' : 'ltr'),
      );
      // Mirrored: the first section's button sits at the reading start (right in Persian).
      const first = await nav(screens[0].nav[language]).boundingBox();
      const last = await nav(screens[2].nav[language]).boundingBox();
      expect((first?.x ?? 0) < (last?.x ?? 0)).toBe(language === 'en');
      for (const screen of screens) {
        await nav(screen.nav[language]).click();
        await screenSettled(page);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await severeAxeViolations(page), `${screen.name} ${language} ${scheme}`).toEqual(
            [],
          );
          await screenshot(page, `${screen.name}-${language}-${scheme}`);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await nav(/^Settings$/)
      .or(nav(new RegExp(`^${messagesFa['ui.nav.settings']}$`)))
      .click();
    await page.getByTestId('language-select').selectOption('en');
    await waitUntil(async () => expect(await pageDirection(page)).toBe('ltr'));
  });

  test('the keyboard alone reaches every screen and works the list and the history', async () => {
    const keyboard = await openAppPage(context, app, bundle);
    const kb = keyboard.page;
    /** Presses Tab until the focused element matches, as a keyboard user would. */
    const tabTo = async (matches: string): Promise<void> => {
      for (let presses = 0; presses < 60; presses += 1) {
        await kb.keyboard.press('Tab');
        if (await kb.evaluate(`document.activeElement?.matches(${JSON.stringify(matches)})`))
          return;
      }
      throw new Error(`Tab never reached ${matches}`);
    };
    const focusedText = () => kb.evaluate('document.activeElement?.textContent?.trim()');

    await tabTo('nav button[aria-current="page"]');
    expect(await focusedText()).toBe('Updates');
    await tabTo('[data-testid="updates-list"]');
    await kb.keyboard.press('End');
    await waitUntil(async () =>
      expect(
        await kb.evaluate(
          `document.getElementById(document.activeElement.getAttribute('aria-activedescendant'))?.getAttribute('aria-rowindex')`,
        ),
      ).toBe(String(29 + 1)),
    );

    for (const [name, heading] of [
      ['History', messagesEn['ui.history.title']],
      ['Settings', messagesEn['ui.settings.title']],
    ] as const) {
      await kb.keyboard.press('Shift+Tab');
      await kb.evaluate('document.activeElement?.blur()');
      await tabTo(`nav button`);
      while ((await focusedText()) !== name) await kb.keyboard.press('Tab');
      await kb.keyboard.press('Enter');
      await kb.getByRole('heading', { name: heading, exact: true }).waitFor();
    }

    // History: "Clear history" is asked by main, in its own dialog; the user says no (Escape
    // there) and every run stays, with no word on the page and the focus still on the button.
    await kb.evaluate('document.activeElement?.blur()');
    await tabTo('nav button');
    while ((await focusedText()) !== 'History') await kb.keyboard.press('Tab');
    await kb.keyboard.press('Enter');
    await tabTo('[data-testid="history-clear"]');
    const asked = app.confirmations.length;
    app.confirmAnswer = false;
    try {
      await kb.keyboard.press('Enter');
      await waitUntil(() =>
        expect(app.confirmations.slice(asked)).toEqual([{ kind: 'clear-history' }]),
      );
      await waitUntil(async () =>
        expect(await kb.getByTestId('history-clear').getAttribute('aria-busy')).toBe('false'),
      );
    } finally {
      app.confirmAnswer = true;
    }
    expect(await kb.getByTestId('history-clear-error').count()).toBe(0);
    expect(await kb.evaluate('document.activeElement?.dataset.testid')).toBe('history-clear');
    expect(app.services.history.list({ limit: 1 }).total).toBe(3);
    expect(keyboard.problems).toEqual([]);
    await kb.close();
  });

  test('another server, or start at sign-in, is asked by main; "no" changes nothing', async () => {
    await nav(/^Settings$/).click();
    const before = app.services.settings.get();
    const asked = app.confirmations.length;
    app.confirmAnswer = false;
    try {
      await page.getByTestId('settings-advanced').locator('summary').click();
      const address = page.getByLabel('AmootSMS API address');
      await address.fill('https://api.example.net/rest');
      await address.press('Enter');
      await waitUntil(async () => expect(await address.inputValue()).toBe(before.baseUrl));

      const startAtLogin = page.getByLabel('Start when I sign in to the computer');
      await startAtLogin.click();
      await waitUntil(async () => expect(await startAtLogin.isChecked()).toBe(false));
    } finally {
      app.confirmAnswer = true;
    }
    expect(app.confirmations.slice(asked)).toEqual([
      { kind: 'send-token-to-host', host: 'api.example.net' },
      { kind: 'start-at-login', enable: true },
    ]);
    expect(app.services.settings.get()).toEqual(before);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The next sync still goes to the simulator the app was set up with.
    await nav(/^Updates$/).click();
    await syncNow();
    expect(app.services.history.list({ limit: 1 }).runs[0]?.outcome).not.toBe('failed');
  });

  test(
    'a server fault shows a banner and keeps the list as it was',
    { timeout: 60_000 },
    async () => {
      // On the Updates screen, so that "the list as it was" is the 29 changes, not nothing.
      await nav(/^Updates$/).click();
      await waitUntil(async () => expect(await listedIds(page)).toHaveLength(29));
      const before = (await listedIds(page)).sort();
      app.simulator.setFault({ kind: 'http-status', status: 500 });
      try {
        await syncNow();
      } finally {
        app.simulator.setFault(null);
      }
      const banner = page.getByTestId('status-banner').filter({ hasText: /HTTP 500/ });
      await banner.waitFor();
      expect(await banner.getByRole('button', { name: 'Try again now' }).count()).toBe(1);
      expect((await listedIds(page)).sort()).toEqual(before);
    },
  );

  test('nothing went wrong along the way', () => {
    expect(opened.problems).toEqual([]);
    expect(app.log.filter((line) => line.level === 'error')).toEqual([]);
  });
});
