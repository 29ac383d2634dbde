/**
 * The sync process runs with the V8 flags that keep a large account's sync within its memory
 * budget (`WORKER_V8_FLAGS`: 4 MB semi-spaces, `gc` exposed), shown from inside the process the
 * Node launcher starts (the one the cli's tools and tests use); the utility process the app
 * starts is shown the same way by test/integration/built-bundle.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeProcessLauncher } from '../../main/sync-worker/launch-node-process.ts';
import type { V8Probe } from '../support/built-app/v8-probe.ts';

const probeModule = pathToFileURL(
  resolve(import.meta.dirname, '../support/built-app/v8-probe.ts'),
).href;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the sync process started by the Node launcher', () => {
  it('has gc exposed and a young generation held to 4 MB semi-spaces', async () => {
    const probeDir = mkdtempSync(join(tmpdir(), 'amoot-v8-probe-'));
    // Inherited by the child only: the probe is loaded before the sync process's own entry.
    vi.stubEnv('NODE_OPTIONS', `--import=${probeModule}`);
    vi.stubEnv('AMOOT_PROBE_DIR', probeDir);
    const worker = nodeProcessLauncher()();
    try {
      await vi.waitFor(() => expect(readdirSync(probeDir)).toHaveLength(1), {
        timeout: 15_000,
        interval: 20,
      });
    } finally {
      worker.kill();
    }
    const [file] = readdirSync(probeDir);
    const probe = JSON.parse(readFileSync(join(probeDir, file!), 'utf8')) as V8Probe;
    expect(probe.execArgv).toEqual(
      expect.arrayContaining(['--max-semi-space-size=4', '--expose-gc']),
    );
    expect(probe.gcExposed).toBe(true);
    expect(probe.newSpaceBytes).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
});
