import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../../common/ipc/bridge.ts';
import { INVOKE_CHANNELS } from '../../../common/ipc/contract.ts';
import { pageApi } from '../../../common/ipc/page-api.ts';
import { registerHandlers } from '../../../main/desktop/ipc/ipc-main.ts';
import { sendEvent } from '../../../main/desktop/ipc/send-event.ts';
import { appPageMatcher, createSenderCheck } from '../../../main/desktop/ipc/trusted-sender.ts';
import {
  callChannel,
  recordingHandlers,
  sampleArgs,
  sampleResults,
  type RecordedCall,
} from './samples.ts';

// Kept outside the module registry that vi.resetModules() clears, so every fresh run of the
// preload talks to the same fake the test inspects.
const { fakeElectron, resetFakeElectron, FakeWebContents } = await vi.hoisted(
  () => import('../shell/fake-electron.ts'),
);

vi.mock('electron', () => fakeElectron);

const PAGE = '/app/out/renderer/index.html';

/** Runs the preload as Electron would (once per page) and returns what it exposed. */
async function runPreload(): Promise<PreloadBridge> {
  vi.resetModules();
  await import('../../../main/preload/index.ts');
  return fakeElectron.contextBridge.exposed.get('amoot') as PreloadBridge;
}

/** Everything reachable from `root` through own properties. */
function reachable(root: unknown): { keys: Set<string>; values: Set<unknown> } {
  const keys = new Set<string>();
  const values = new Set<unknown>();
  const visit = (value: unknown): void => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    if (values.has(value)) return;
    values.add(value);
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'string') keys.add(key);
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && 'value' in descriptor) visit(descriptor.value);
    }
  };
  visit(root);
  return { keys, values };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('the preload', () => {
  it('exposes one object, amoot, and no way to reach ipcRenderer', async () => {
    const amoot = await runPreload();
    expect([...fakeElectron.contextBridge.exposed.keys()]).toEqual(['amoot']);
    const { keys, values } = reachable(amoot);
    const ipc = fakeElectron.ipcRenderer as unknown as Record<string, unknown>;
    for (const forbidden of [
      ipc,
      ipc['invoke'],
      ipc['on'],
      ipc['removeListener'],
      ipc['deliver'],
    ]) {
      expect(values.has(forbidden)).toBe(false);
    }
    expect(keys.has('ipcRenderer')).toBe(false);
    expect(keys.has('send')).toBe(false);
    expect(keys.has('invoke')).toBe(false);
  });

  it('keeps the app info next to the calls', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--amoot-app-version=4.5.6'];
    try {
      const amoot = await runPreload();
      expect(amoot.version).toBe('4.5.6');
      expect(amoot.platform).toBe(process.platform);
      const groups = new Set(INVOKE_CHANNELS.map((c) => c.split('.')[0]));
      expect(Object.keys(amoot).sort()).toEqual([...groups, 'on', 'platform', 'version'].sort());
    } finally {
      process.argv = argv;
    }
  });

  describe('over Electron IPC (fakes) to main', () => {
    async function connected() {
      const window = new FakeWebContents();
      window.url = `file://${PAGE}`;
      fakeElectron.ipcRenderer.attach(fakeElectron.ipcMain, window);
      const calls: RecordedCall[] = [];
      const check = createSenderCheck({
        mainContents: () => window,
        isAppPage: appPageMatcher({ kind: 'file', path: PAGE }, 'linux'),
      });
      registerHandlers(fakeElectron.ipcMain, recordingHandlers(calls), check, { log: () => {} });
      return { amoot: await runPreload(), window, calls };
    }

    it.each(INVOKE_CHANNELS)('calls %s and gets its result', async (channel) => {
      const { amoot, calls } = await connected();
      // As the page calls it: through `pageApi`, which `lib/api.ts` puts over `window.amoot`.
      expect(await callChannel(pageApi(amoot), channel, sampleArgs[channel])).toEqual(
        sampleResults[channel],
      );
      expect(calls).toEqual([{ channel, args: sampleArgs[channel] }]);
    });

    it('hands listeners the payload, never the Electron event, and unsubscribes', async () => {
      const { amoot, window } = await connected();
      const listener = vi.fn();
      const unsubscribe = amoot.on('sync.progress', listener);
      const progress = { runId: 'r1', phase: 'saving', attempt: 1, bytesReceived: 10 } as const;
      sendEvent(window, 'sync.progress', progress);
      expect(listener.mock.calls).toEqual([[progress]]);
      unsubscribe();
      expect(fakeElectron.ipcRenderer.listenerCount('sync.progress')).toBe(0);
      sendEvent(window, 'sync.progress', progress);
      expect(listener).toHaveBeenCalledTimes(1);
    });
  });
});
