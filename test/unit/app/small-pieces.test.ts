import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SyncProgress } from '../../../common/sync-types.ts';
import { closeNoticeFlag } from '../../../main/desktop/window/close-notice.ts';
import { UI_FLAGS_FILE } from '../../../main/core/ports/data-folder.ts';
import { readDemoMode } from '../../../main/desktop/lifecycle/demo-mode.ts';
import { defaultFileName } from '../../../main/desktop/ipc/export-updates.ts';
import { resolveLanguage } from '../../../main/desktop/lifecycle/language.ts';
import {
  forwardRendererEvents,
  PROGRESS_INTERVAL_MS,
} from '../../../main/desktop/ipc/renderer-events.ts';
import { createSecretsInUse } from '../../../main/desktop/lifecycle/secrets-in-use.ts';
import { setupShutdown } from '../../../main/desktop/lifecycle/shutdown.ts';
import { createSignal } from '../../../main/core/signal.ts';
import { toSyncResult } from '../../../main/desktop/services/sync-result.ts';
import { failedRun, syncRun } from '../tray/fixtures.ts';

describe('toSyncResult', () => {
  it('counts a success and a baseline as ok, anything else by its error class', () => {
    expect(toSyncResult(syncRun())).toEqual({ ok: true });
    expect(toSyncResult(syncRun({ outcome: 'baseline' }))).toEqual({ ok: true });
    expect(toSyncResult(failedRun('network'))).toEqual({ ok: false, errorKind: 'network' });
    expect(toSyncResult(syncRun({ outcome: 'cancelled', errorKind: null }))).toEqual({
      ok: false,
      errorKind: 'cancelled',
    });
  });

  it('hands the scheduler the wait the server asked for', () => {
    const limited = failedRun('rate-limit', {
      message: { key: 'error.rate-limit', params: { seconds: 90 } },
      retryAfterMs: 90_000,
    });
    expect(toSyncResult(limited)).toEqual({
      ok: false,
      errorKind: 'rate-limit',
      retryAfterMs: 90_000,
    });
  });
});

describe('readDemoMode', () => {
  const env = { AMOOT_BASE_URL: 'http://127.0.0.1:8787/rest/', AMOOT_DEMO_TOKEN: 'demo' };

  it('turns on for the loopback simulator during development', () => {
    expect(readDemoMode(env, false)).toEqual({
      kind: 'on',
      demo: { baseUrl: 'http://127.0.0.1:8787/rest', token: 'demo' },
    });
    expect(readDemoMode({}, false)).toEqual({ kind: 'off' });
  });

  it('refuses a packaged app, a real host, or half the variables', () => {
    expect(readDemoMode(env, true).kind).toBe('refused');
    expect(readDemoMode({ ...env, AMOOT_BASE_URL: 'https://evil.example/rest' }, false).kind).toBe(
      'refused',
    );
    expect(readDemoMode({ AMOOT_DEMO_TOKEN: 'demo' }, false).kind).toBe('refused');
  });
});

describe('resolveLanguage', () => {
  it('takes the user’s choice, else Persian for any Persian system language', () => {
    expect(resolveLanguage('en', ['fa-IR'])).toBe('en');
    expect(resolveLanguage('fa', ['en-US'])).toBe('fa');
    expect(resolveLanguage('system', ['fa-IR', 'en-US'])).toBe('fa');
    expect(resolveLanguage('system', ['fa'])).toBe('fa');
    expect(resolveLanguage('system', ['en-GB', 'fa-IR'])).toBe('en');
    expect(resolveLanguage('system', ['far'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
});

describe('secrets in use', () => {
  it('lists a secret exactly while something holds it', () => {
    const secrets = createSecretsInUse();
    const first = secrets.hold('token-a');
    const second = secrets.hold('token-a');
    expect(secrets.current()).toEqual(['token-a']);
    first();
    first();
    expect(secrets.current()).toEqual(['token-a']);
    second();
    expect(secrets.current()).toEqual([]);
  });
});

describe('renderer events', () => {
  function setup() {
    const sent: { channel: string; payload: unknown }[] = [];
    let now = 0;
    const target = {
      isDestroyed: () => false,
      send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
    };
    const state = createSignal<never>(() => undefined);
    const progress = createSignal<SyncProgress>(() => undefined);
    const runFinished = createSignal<ReturnType<typeof syncRun>>(() => undefined);
    const stop = forwardRendererEvents({
      target: () => target,
      state,
      progress,
      runFinished,
      now: () => now,
      log: () => undefined,
    });
    return { sent, progress, runFinished, stop, advance: (ms: number) => (now += ms) };
  }

  it('thins out download progress but never drops a new phase', () => {
    const t = setup();
    const base: SyncProgress = { runId: 'r', phase: 'downloading', attempt: 1, bytesReceived: 0 };
    for (let bytes = 1; bytes <= 50; bytes++) t.progress.emit({ ...base, bytesReceived: bytes });
    t.advance(PROGRESS_INTERVAL_MS);
    t.progress.emit({ ...base, bytesReceived: 51 });
    t.progress.emit({ ...base, phase: 'comparing', bytesReceived: 51 });
    expect(t.sent.map(({ payload }) => (payload as SyncProgress).bytesReceived)).toEqual([
      1, 51, 51,
    ]);
  });

  it('announces new changes only for a run that committed', () => {
    const t = setup();
    t.runFinished.emit(failedRun('network', { id: 'failed' }));
    t.runFinished.emit(syncRun({ id: 'ok' }));
    expect(t.sent).toEqual([{ channel: 'updates.changed', payload: { runId: 'ok' } }]);
    t.stop();
    t.runFinished.emit(syncRun({ id: 'later' }));
    expect(t.sent).toHaveLength(1);
  });
});

describe('shutdown', () => {
  function fakeApp() {
    let listener: ((event: { preventDefault(): void }) => void) | null = null;
    const app = {
      quits: 0,
      on: (_event: 'will-quit', l: (event: { preventDefault(): void }) => void) => (listener = l),
      quit: () => {
        app.quits += 1;
      },
      willQuit() {
        let prevented = false;
        listener?.({ preventDefault: () => (prevented = true) });
        return prevented;
      },
    };
    return app;
  }

  it('holds the quit until every step ran, newest first, then lets it through', async () => {
    const app = fakeApp();
    const order: string[] = [];
    const shutdown = setupShutdown(app, () => undefined);
    shutdown.add(() => {
      order.push('services');
    });
    shutdown.add(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('tray');
    });
    expect(app.willQuit()).toBe(true);
    expect(app.willQuit()).toBe(true);
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(order).toEqual(['tray', 'services']);
    expect(app.willQuit()).toBe(false);
  });

  it('gives up waiting for a step that hangs, and says so', async () => {
    const app = fakeApp();
    const errors: unknown[] = [];
    const shutdown = setupShutdown(app, (error) => errors.push(error), 20);
    shutdown.add(() => new Promise<void>(() => undefined));
    app.willQuit();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(String(errors[0])).toContain('longer than 20 ms');
  });
});

describe('the close-to-tray notice flag', () => {
  it('is off until marked, survives a new start, and reads a damaged file as off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amoot-flags-'));
    const errors: unknown[] = [];
    expect(closeNoticeFlag(dir, (e) => errors.push(e)).shown()).toBe(false);
    closeNoticeFlag(dir, (e) => errors.push(e)).markShown();
    expect(closeNoticeFlag(dir, (e) => errors.push(e)).shown()).toBe(true);
    expect(existsSync(join(dir, `${UI_FLAGS_FILE}.partial`))).toBe(false);
    // Written through the one atomic writer: owner-only, and no temporary file left beside it.
    expect(readdirSync(dir)).toEqual([UI_FLAGS_FILE]);
    if (process.platform !== 'win32')
      expect(statSync(join(dir, UI_FLAGS_FILE)).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, UI_FLAGS_FILE), '{not json');
    expect(closeNoticeFlag(dir, (e) => errors.push(e)).shown()).toBe(false);
    expect(errors).toEqual([]);
    expect(readFileSync(join(dir, UI_FLAGS_FILE), 'utf8')).toBe('{not json');
  });
});

describe('the export file name', () => {
  it('names the local date', () => {
    expect(defaultFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe(
      'amoot-contact-updates-2026-01-05.csv',
    );
  });
});
