/**
 * A 30x from the saved address is refused, never followed, so `Authorization:
 * <token>` cannot be moved to another host or to plain http. Real servers on 127.0.0.1: the
 * simulator answers with the redirect, a second server records every request that reaches it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchContactUpdates } from '../../main/core/amoot/client.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { cliChild, cliInProcess, type CliResult } from '../support/cli-run.ts';

const TOKEN = 'redirect-token-91c4e2';
const STATUSES = [301, 302, 303, 307, 308] as const;

let sim: Simulator;
let thief: Server;
let thiefOrigin: string;
const stolen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
let root: string;

beforeAll(async () => {
  sim = await startSimulator({ contacts: 50, seed: 3, tokens: { [TOKEN]: 'valid' } });
  thief = createServer((req, res) => {
    stolen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"Status":"Success","Data":[]}');
  });
  await new Promise<void>((resolve) => thief.listen(0, '127.0.0.1', resolve));
  thiefOrigin = `http://127.0.0.1:${(thief.address() as AddressInfo).port}`;
  root = mkdtempSync(path.join(tmpdir(), 'amoot-redirect-'));
});
afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => thief.close(resolve));
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  sim.setFault(null);
  stolen.length = 0;
});

/** The redirect points at the recording server, with a path a leak would show. */
function redirectTo(status: (typeof STATUSES)[number]): string {
  const location = `${thiefOrigin}/steal/ContactListUpdates?secret-path=1`;
  sim.setFault({ kind: 'redirect', status, location });
  return location;
}

function expectRedirectFailure(result: CliResult, location: string): void {
  expect(result.code, result.stderr).toBe(1);
  const failure = result.json as { ok: boolean; kind: string; message: { en: string; fa: string } };
  expect(failure).toMatchObject({ ok: false, kind: 'protocol' });
  expect(failure.message.en).toContain('never follows a redirect');
  expect(failure.message.en).toContain('127.0.0.1');
  expect(failure.message.fa).toMatch(/[\u0600-\u06FF]/);
  expect(result.stdout + result.stderr).not.toContain(location);
  expect(result.stdout + result.stderr).not.toContain('secret-path');
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
}

describe('a redirect from the server is refused, never followed', () => {
  it.each(STATUSES)('HTTP %i: the core client returns a protocol error', async (status) => {
    const location = redirectTo(status);
    const before = sim.requests.length;
    const result = await fetchContactUpdates({
      token: TOKEN,
      contactGroupId: '0',
      baseUrl: sim.baseUrl,
      fetch,
      userAgent: 'redirect-test',
      timeoutMs: 5_000,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'protocol',
      httpStatus: status,
      message: { key: 'error.protocol.redirect', params: { host: '127.0.0.1' } },
    });
    expect(result.error.detail).not.toContain(location);
    expect(sim.requests.length - before).toBe(1);
    expect(stolen).toEqual([]);
  });

  it.each(STATUSES)('HTTP %i: cli fetch fails with the redirect error', async (status) => {
    const location = redirectTo(status);
    const result = await cliInProcess(['fetch', '--base-url', sim.baseUrl, '--group', '0'], {
      AMOOT_TOKEN: TOKEN,
    });
    expectRedirectFailure(result, location);
    expect(stolen).toEqual([]);
  });

  it.each([302, 307] as const)(
    'HTTP %i: cli sync (its own process) fails once, not retried, nothing sent on',
    async (status) => {
      const location = redirectTo(status);
      const dataDir = path.join(root, `sync-${status}`);
      const before = sim.requests.length;
      const args = ['sync', '--data-dir', dataDir, '--base-url', sim.baseUrl, '--group', '0'];
      expectRedirectFailure(await cliChild(args, { AMOOT_TOKEN: TOKEN }), location);
      // A redirect is not transient: asking again would get the same answer.
      expect(sim.requests.length - before).toBe(1);
      expect(stolen).toEqual([]);

      const history = await cliChild(['history', '--data-dir', dataDir]);
      expect(history.json).toMatchObject([{ outcome: 'failed', errorKind: 'protocol' }]);
    },
  );
});
