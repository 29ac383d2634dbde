import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { cliChild } from '../support/cli-run.ts';

/** Runs the cli as a user would, as its own process; its stdout must be exactly one JSON line. */
async function runCli(args: string[], env: Record<string, string> = {}) {
  const result = await cliChild(args, env);
  const lines = result.stdout.trim().split('\n');
  if (lines.length !== 1 || result.json === undefined) {
    throw new Error(`expected one line of JSON: ${result.stdout.slice(0, 300)}\n${result.stderr}`);
  }
  return { ...result, json: result.json as Record<string, unknown> };
}

const TOKEN = 'cli-demo-token-91';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    contacts: 500,
    seed: 3,
    tokens: { [TOKEN]: 'valid' },
    bigIds: true,
  });
});
afterAll(async () => {
  await sim.close();
});

describe('npm run cli -- fetch', () => {
  it('prints the count for a good token and exits 0', async () => {
    const { code, json } = await runCli(['fetch', '--base-url', sim.baseUrl, '--group', '0'], {
      AMOOT_TOKEN: TOKEN,
    });
    expect(code).toBe(0);
    expect(json).toEqual({ ok: true, status: 'Success', count: 500, warnings: [] });
  });

  it('prints every item with exact IDs and UTC times with --items', async () => {
    const { json } = await runCli(['fetch', '--base-url', sim.baseUrl, '--items'], {
      AMOOT_TOKEN: TOKEN,
    });
    const items = json['items'] as { id: string; updatedAt: string; deleted: boolean }[];
    expect(items).toHaveLength(500);
    const first = sim.records()[0];
    expect(items[0]?.id).toBe(first?.id.toString());
    expect(items[0]?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const big = sim.records().find((record) => record.id > 2n ** 53n);
    expect(items.some((item) => item.id === big?.id.toString())).toBe(true);
  });

  it('prints the classified failure for a bad token, in both languages, and exits 1', async () => {
    const { code, json } = await runCli(['fetch', '--base-url', sim.baseUrl], {
      AMOOT_TOKEN: 'not-a-real-token',
    });
    expect(code).toBe(1);
    expect(json).toMatchObject({ ok: false, kind: 'auth', status: 'Token_NotExists' });
    const message = json['message'] as { en: string; fa: string };
    expect(message.en).toMatch(/token/i);
    expect(message.fa).toMatch(/توکن/);
  });

  it('refuses a negative group before sending anything', async () => {
    const before = sim.requests.length;
    const { code, json } = await runCli(['fetch', '--base-url', sim.baseUrl, '--group', '-1'], {
      AMOOT_TOKEN: TOKEN,
    });
    expect(code).toBe(1);
    expect(json).toMatchObject({ ok: false, kind: 'input', status: null });
    expect((json['message'] as { en: string }).en).toMatch(/negative/);
    expect(sim.requests.length).toBe(before);
  });

  it('gives up on a stalled server with a time-out', async () => {
    sim.setFault({ kind: 'stall-after-headers' });
    try {
      const { code, json } = await runCli(
        ['fetch', '--base-url', sim.baseUrl, '--timeout-ms', '500'],
        { AMOOT_TOKEN: TOKEN },
      );
      expect(code).toBe(1);
      expect(json).toMatchObject({ ok: false, kind: 'timeout', status: null });
    } finally {
      sim.setFault(null);
    }
  });

  it('asks for AMOOT_TOKEN when it is missing', async () => {
    const { code, json } = await runCli(['fetch', '--base-url', sim.baseUrl]);
    expect(code).toBe(1);
    expect((json['message'] as { en: string }).en).toContain('AMOOT_TOKEN');
  });

  it('rejects an unknown command and an unknown option with a clear message', async () => {
    expect((await runCli(['fetchh'])).json).toMatchObject({ ok: false, kind: 'input' });
    const { json } = await runCli(['fetch', '--colour'], { AMOOT_TOKEN: TOKEN });
    expect((json['message'] as { en: string }).en).toContain('--colour');
  });

  it('never prints the token, even with --verbose on a failure', async () => {
    sim.setToken(TOKEN, 'Token_Expired');
    try {
      const { stdout, stderr, json } = await runCli(
        ['fetch', '--base-url', sim.baseUrl, '--verbose'],
        { AMOOT_TOKEN: TOKEN },
      );
      expect(json).toMatchObject({ kind: 'auth', status: 'Token_Expired' });
      expect(stdout + stderr).not.toContain(TOKEN);
    } finally {
      sim.setToken(TOKEN, 'valid');
    }
  });
});
