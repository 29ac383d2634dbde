/**
 * A compromised window drives every IPC channel with the worst arguments it
 * could send (fast-check), through the real handlers and the real sender check, on real services in
 * a temporary home with the simulator as the user's server and a second local server as the
 * attacker's. Main's native question (`Confirm`) is always answered no, as a user who did not ask
 * for anything would; no click or key press ever reaches the window. Then: the token reached no
 * host the user did not confirm, no file appeared outside the data folder and the export file
 * the save dialog chose, the clipboard's text never came back, every call was answered with an
 * envelope, and nothing the user had stored was lost.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../common/settings.ts';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../common/ipc/contract.ts';
import { MANUAL_SYNC_COOLDOWN_MS } from '../../main/core/scheduler/manual-sync-limit.ts';
import {
  handleCall,
  type Handler,
  type InvokeEventLike,
} from '../../main/desktop/ipc/handle-call.ts';
import { appPageMatcher, createSenderCheck } from '../../main/desktop/ipc/trusted-sender.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { startAttacker, type Attacker } from '../support/hostile-window/attacker-server.ts';
import { startHostileApp, type HostileApp } from '../support/hostile-window/hostile-app.ts';
import { hostileSession } from '../support/hostile-window/hostile-calls.ts';
import {
  changedPaths,
  snapshotTree,
  type TreeSnapshot,
} from '../support/hostile-window/home-tree.ts';
import { formsFoundIn } from '../support/hostile-window/secret-forms.ts';

// Scanned for by the suite's teardown in every file the tests leave behind.
const USER_TOKEN = 'Hw+user/Tok=en-5c81d0';
/** What another app (a password manager) left on the clipboard: token-shaped on purpose. */
const CLIPBOARD_SECRET = 'Clip-Secret-Passw0rd-9e1f44';
const OFFICIAL_ORIGIN = 'https://portal.amootsms.com';
/** fast-check's seed, printed with any failure so it can be replayed. */
const SEED = 20_261_203;
const SESSIONS = 300;
/** Files a page would like written instead of the one the user chose. */
const PATHS = ['../../.bashrc', '/etc/passwd', '~/.ssh/authorized_keys', 'C:\\Windows\\win.ini'];

let home: string;
let dataDir: string;
let exportPath: string;
let simulator: Simulator;
let attacker: Attacker;
let app: HostileApp;
let treeBefore: TreeSnapshot;
let stored: { settings: Settings; runs: number };
interface Answer {
  readonly channel: InvokeChannel;
  /** The call named the attacker's port (a base URL aimed at it, most often). */
  readonly aimed: boolean;
  readonly response: unknown;
  readonly threw?: unknown;
}
const answers: Answer[] = [];
let elapsedMs = 0;

/** The window's own top frame, showing the app's page: the sender check lets it through. */
const windowContents = { id: 1 };
const windowEvent: InvokeEventLike = {
  sender: windowContents,
  senderFrame: { url: 'app://bundle/index.html', parent: null },
};
const isTrustedSender = createSenderCheck({
  mainContents: () => windowContents,
  isAppPage: appPageMatcher({ kind: 'app', folder: '/app/renderer' }),
});

async function call(channel: InvokeChannel, args: readonly unknown[]): Promise<unknown> {
  const aimed = jsonOf(args).includes(`:${attacker.port}`);
  try {
    const response = await handleCall(channel, app.handlers[channel] as Handler<typeof channel>, {
      event: windowEvent,
      args,
      isTrustedSender,
      log: () => undefined,
    });
    answers.push({ channel, aimed, response });
    return response;
  } catch (error) {
    answers.push({ channel, aimed, response: undefined, threw: error });
    return undefined;
  }
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'amoot-hostile-home-'));
  dataDir = join(home, '.config', 'Amoot Contact Sync');
  const documents = join(home, 'Documents');
  exportPath = join(documents, 'chosen-by-the-user.csv');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  mkdirSync(join(home, '.config', 'autostart'), { recursive: true });
  mkdirSync(documents, { recursive: true });
  writeFileSync(join(home, '.bashrc'), 'export PATH=$HOME/bin:$PATH\n');
  writeFileSync(join(home, '.ssh', 'authorized_keys'), 'ssh-ed25519 AAAA user@host\n');
  writeFileSync(join(documents, 'notes.txt'), 'keep me\n');

  simulator = await startSimulator({ contacts: 30, seed: 5, tokens: { [USER_TOKEN]: 'valid' } });
  attacker = await startAttacker();
  app = await startHostileApp({
    dataDir,
    documents,
    exportPath,
    baseUrl: simulator.baseUrl,
    token: USER_TOKEN,
    clipboardText: CLIPBOARD_SECRET,
  });
  const { services } = app;

  // The user's own state before the page turns: a first sync of the server they chose.
  expect(await services.scheduler.requestSync('tray')).toEqual({ ok: true });
  stored = { settings: services.settings.get(), runs: services.history.list({ limit: 1 }).total };
  treeBefore = snapshotTree(home);

  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(
      hostileSession({ attackerPort: attacker.port, paths: PATHS }),
      async (session) => {
        if (session.parallel) {
          await Promise.all(session.calls.map(({ channel, args }) => call(channel, args)));
        } else {
          for (const { channel, args } of session.calls) await call(channel, args);
        }
      },
    ),
    { seed: SEED, numRuns: SESSIONS, endOnFailure: true },
  );
  elapsedMs = performance.now() - started;
}, 60_000);

afterAll(async () => {
  await app?.services.close();
  await attacker?.close();
  await simulator?.close();
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

describe('a compromised window, driving every channel', () => {
  it('was answered with an envelope on every call, and tried every channel', () => {
    expect(answers.filter((answer) => 'threw' in answer)).toEqual([]);
    for (const { response } of answers) {
      expect(response).toMatchObject({ ok: expect.any(Boolean) as unknown });
    }
    expect(new Set(answers.map((answer) => answer.channel))).toEqual(new Set(INVOKE_CHANNELS));
    // Nor did an answer carry the token or the clipboard's text to the page.
    const seen = JSON.stringify(answers.map((answer) => answer.response));
    expect(formsFoundIn(seen, USER_TOKEN)).toEqual([]);
    expect(formsFoundIn(seen, CLIPBOARD_SECRET)).toEqual([]);
  });

  it('got no clipboard text without a click', () => {
    const reads = answers.filter((answer) => answer.channel === 'clipboard.read');
    expect(reads.length).toBeGreaterThan(SESSIONS);
    for (const { response } of reads) {
      expect([
        { ok: true, value: { ok: false, refused: 'no-gesture' } },
        expect.objectContaining({ ok: false, error: 'bad-arguments' }),
      ]).toContainEqual(response);
    }
  });

  it('started manual syncs no faster than the cooldown allows', () => {
    const windowMs = elapsedMs + MANUAL_SYNC_COOLDOWN_MS;
    expect(app.manualRuns.length).toBeGreaterThanOrEqual(1);
    expect(app.manualRuns.length).toBeLessThanOrEqual(
      Math.ceil(windowMs / MANUAL_SYNC_COOLDOWN_MS),
    );
    const tooSoon = answers.filter(
      (answer) =>
        answer.channel === 'sync.now' && JSON.stringify(answer.response).includes('"tooSoon":true'),
    );
    expect(tooSoon.length).toBeGreaterThan(0);
  });

  it('wrote no file outside the data folder and the export file the user chose', () => {
    const changed = changedPaths(treeBefore, snapshotTree(home));
    // The page did get exports written: to the user's file, never to one it named.
    expect(changed).toContain(join('Documents', 'chosen-by-the-user.csv'));
    const outside = changed.filter(
      (path) =>
        !join(home, path).startsWith(`${dataDir}/`) &&
        join(home, path) !== exportPath &&
        // The data folder's own entry changes as files are made inside it.
        join(home, path.replace(/\/$/, '')) !== dataDir,
    );
    expect(outside).toEqual([]);
  });

  it('sent the token to no host but the one the user chose', () => {
    // The page did point the app at the attacker, in many spellings.
    const aimed = answers.filter((answer) => answer.channel === 'settings.set' && answer.aimed);
    expect(aimed.length).toBeGreaterThan(SESSIONS / 8);
    expect(formsFoundIn(attacker.raw(), USER_TOKEN)).toEqual([]);
    for (const request of attacker.requests) {
      const text = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
      expect(formsFoundIn(decodeURIComponentSafe(text), USER_TOKEN)).toEqual([]);
    }
    const allowed = new Set([new URL(simulator.baseUrl).origin, OFFICIAL_ORIGIN]);
    const leaks = app.fetches.filter(
      ({ url, request }) =>
        !allowed.has(new URL(url).origin) && formsFoundIn(request, USER_TOKEN).length > 0,
    );
    expect(leaks.map(({ url }) => url)).toEqual([]);
  });

  it('lost nothing the user had stored without their yes', async () => {
    const { services } = app;
    const settings = services.settings.get();
    // AmootSMS's own server is the one host that needs no question.
    expect.soft([stored.settings.baseUrl, `${OFFICIAL_ORIGIN}/rest`]).toContain(settings.baseUrl);
    expect.soft(settings.changeLogMaxAgeDays).toBe(stored.settings.changeLogMaxAgeDays);
    expect.soft(settings.changeLogMaxRows).toBe(stored.settings.changeLogMaxRows);
    expect.soft(settings.startAtLogin).toBe(stored.settings.startAtLogin);
    expect.soft(services.history.list({ limit: 1 }).total).toBeGreaterThanOrEqual(stored.runs);
    const token = await services.tokens.withToken((value) => Promise.resolve(value));
    expect.soft(token).toMatchObject({ ok: true });
    expect.soft(token.ok && token.value === USER_TOKEN).toBe(true);
    // Main asked (and was told no) rather than acting behind the user's back.
    expect.soft(app.questions.length).toBeGreaterThan(0);
  });
});

function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return `${text}\n${decodeURIComponent(text)}`;
  } catch {
    return text;
  }
}
