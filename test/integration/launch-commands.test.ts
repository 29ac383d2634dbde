/**
 * `npm start` and `npm run demo` as a user runs them on a fresh clone, in a copy of the project
 * (test/support/launch-sandbox.ts) so the real Electron package and `out/` stay as they are.
 * The network is never reached: Electron's download goes to a local server that answers 404.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaunchSandbox, type LaunchSandbox } from '../support/launch-sandbox.ts';

/** A build of main, preload and renderer, twice over on a busy machine, fits in this. */
const BUILD_AND_LAUNCH_MS = 120_000;

let mirror: Server;
let mirrorUrl: string;
const mirrorRequests: string[] = [];

beforeAll(async () => {
  mirror = createServer((request, response) => {
    mirrorRequests.push(request.url ?? '');
    response.writeHead(404).end('not here');
  });
  await new Promise<void>((listening) => mirror.listen(0, '127.0.0.1', listening));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  mirror.closeAllConnections();
  await new Promise((closed) => mirror.close(closed));
});

describe('on a fresh install (Electron\u2019s package without its binary)', () => {
  let sandbox: LaunchSandbox;
  beforeAll(() => {
    sandbox = createLaunchSandbox();
  });

  it(
    'npm start fetches Electron first and, when it cannot, says what to do in both languages',
    async () => {
      mirrorRequests.length = 0;
      const result = await sandbox.run(['start'], { ELECTRON_MIRROR: mirrorUrl });

      expect(result.code).toBe(1);
      // It really went for Electron's own download of this version…
      expect(mirrorRequests.some((url) => /electron-v\d+\.\d+\.\d+-.*\.zip$/.test(url))).toBe(true);
      // …and failed with advice instead of electron-vite's "Electron uninstall".
      expect(result.stderr).not.toContain('Electron uninstall');
      expect(result.stderr).toContain('could not be downloaded');
      expect(result.stderr).toContain('ELECTRON_MIRROR');
      expect(result.stderr).toContain('npx install-electron');
      expect(result.stderr).toContain('دریافت آن ممکن نشد');
      // Nothing was built or launched.
      expect(existsSync(join(sandbox.project, 'out'))).toBe(false);
      expect(existsSync(sandbox.recordFile)).toBe(false);
    },
    BUILD_AND_LAUNCH_MS,
  );

  it('npm run demo stops the same way, before it starts a simulator it could not use', async () => {
    const result = await sandbox.run(['demo'], { ELECTRON_MIRROR: mirrorUrl });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('Demo simulator');
    expect(result.stderr).toContain('npx install-electron');
    expect(result.stderr).not.toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});

describe('with Electron installed (a stand-in binary in its place)', () => {
  let sandbox: LaunchSandbox;
  beforeAll(() => {
    sandbox = createLaunchSandbox();
    sandbox.installStandIn();
  });

  it(
    'npm start downloads nothing, builds the app and launches Electron on it',
    async () => {
      mirrorRequests.length = 0;
      const result = await sandbox.run(['start'], { ELECTRON_MIRROR: mirrorUrl });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(mirrorRequests).toEqual([]);
      const launch = sandbox.readRecord();
      expect(launch.argv).toEqual(['.']);
      expect(launch.cwd).toBe(sandbox.project);
      expect(launch.entryBuilt).toBe(true);
      expect(launch.env).toEqual({ AMOOT_BASE_URL: null, AMOOT_DEMO_TOKEN: null });
    },
    BUILD_AND_LAUNCH_MS,
  );

  it(
    'npm run demo builds and launches the app in demo mode with its simulator reachable',
    async () => {
      const result = await sandbox.run(['demo'], { ELECTRON_MIRROR: mirrorUrl });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const launch = sandbox.readRecord();
      expect(launch.argv).toEqual(['.', '--demo']);
      expect(launch.entryBuilt).toBe(true);
      expect(launch.env.AMOOT_DEMO_TOKEN).toBe('demo');
      expect(launch.env.AMOOT_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest$/);
      expect(result.stdout).toContain(`Demo simulator: ${launch.env.AMOOT_BASE_URL}`);
      expect(launch.simulator).toMatchObject({ status: 200, body: { contacts: 2_000 } });
    },
    BUILD_AND_LAUNCH_MS,
  );
});
