import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { cliChild } from '../support/cli-run.ts';

const TOKEN = 'cli-sync-token-3c8e';
let sim: Simulator;
let dataDir: string;

/** The cli as its own process, as a user runs it; stdout must be exactly one JSON value. */
async function cli(args: string[], env: Record<string, string> = { AMOOT_TOKEN: TOKEN }) {
  const result = await cliChild(args, env);
  if (result.json === undefined) {
    throw new Error(`stdout is not JSON: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return result;
}

beforeAll(async () => {
  sim = await startSimulator({
    contacts: 2000,
    seed: 5,
    tokens: { [TOKEN]: 'valid' },
    bigIds: true,
  });
  dataDir = mkdtempSync(path.join(tmpdir(), 'amoot-cli-sync-'));
});
afterAll(async () => {
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('cli sync, updates, history, export', () => {
  it('syncs a baseline, then reports exactly the 25 contacts the server changed', async () => {
    const first = await cli([
      'sync',
      '--data-dir',
      dataDir,
      '--base-url',
      sim.baseUrl,
      '--group',
      '0',
    ]);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({
      ok: true,
      baseline: true,
      counts: { received: 2000, added: 2000 },
    });

    const changed = sim.update(25).map(String).sort();
    const second = await cli(['sync', '--data-dir', dataDir]);
    expect(second.json).toMatchObject({
      ok: true,
      baseline: false,
      counts: {
        received: 2000,
        added: 0,
        updated: 25,
        deleted: 0,
        restored: 0,
        missing: 0,
        unchanged: 1975,
      },
    });
    expect((second.json as { durationMs: number }).durationMs).toBeGreaterThan(0);

    const updates = (await cli(['updates', '--data-dir', dataDir])).json as {
      id: string;
      kind: string;
      updatedAt: string;
      detectedAt: string;
    }[];
    expect(updates.map((row) => row.id).sort()).toEqual(changed);
    expect(new Set(updates.map((row) => row.kind))).toEqual(new Set(['updated']));
    expect(updates[0]?.detectedAt).toMatch(/Z$/);

    const history = (await cli(['history', '--data-dir', dataDir])).json as {
      outcome: string;
      trigger: string;
    }[];
    expect(history.map((run) => run.outcome)).toEqual(['success', 'baseline']);
    expect(history.every((run) => run.trigger === 'cli')).toBe(true);
  });

  it('filters updates by kind and limits them', async () => {
    const [gone] = sim.update(1);
    sim.markDeleted([gone as bigint]);
    await cli(['sync', '--data-dir', dataDir]);
    const deleted = (await cli(['updates', '--data-dir', dataDir, '--kind', 'deleted'])).json as {
      id: string;
    }[];
    expect(deleted.map((row) => row.id)).toEqual([String(gone)]);
    expect(
      ((await cli(['updates', '--data-dir', dataDir, '--limit', '3'])).json as unknown[]).length,
    ).toBe(3);
    expect((await cli(['updates', '--data-dir', dataDir, '--kind', 'nope'])).json).toMatchObject({
      ok: false,
      kind: 'input',
    });
  });

  it('exports the change log as CSV for Excel, keeping long IDs exact', async () => {
    const big = sim.records().find((record) => record.id > 10n ** 15n);
    sim.updateIds([big?.id ?? 0n]);
    await cli(['sync', '--data-dir', dataDir]);
    const out = path.join(dataDir, 'updates.csv');
    const result = await cli(['export', '--data-dir', dataDir, '--out', out]);
    expect(result.json).toMatchObject({ ok: true, path: out });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('contact_id,change,server_updated_at_utc,detected_at_utc,sync_run');
    expect(lines.length - 1).toBe((result.json as { rows: number }).rows);
    expect(lines.some((line) => line.startsWith(`"=""${big?.id}"""`))).toBe(true);
  });

  it('refuses a bad setting before any request and keeps the stored one', async () => {
    const before = sim.requests.length;
    const bad = await cli(['sync', '--data-dir', dataDir, '--base-url', 'http://example.com/rest']);
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ ok: false, kind: 'input', status: null });
    expect(sim.requests.length).toBe(before);
    expect((await cli(['sync', '--data-dir', dataDir])).json).toMatchObject({ ok: true });
  });

  it('fails with the classified error and leaves the updates as they were', async () => {
    const updatesBefore = (await cli(['updates', '--data-dir', dataDir, '--limit', '1000'])).json;
    sim.setFault({ kind: 'http-status', status: 503 });
    try {
      const failed = await cli(['sync', '--data-dir', dataDir]);
      expect(failed.code).toBe(1);
      expect(failed.json).toMatchObject({ ok: false, kind: 'server', status: null });
    } finally {
      sim.setFault(null);
    }
    expect((await cli(['updates', '--data-dir', dataDir, '--limit', '1000'])).json).toEqual(
      updatesBefore,
    );
  });
});
