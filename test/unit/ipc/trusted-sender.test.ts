import { describe, expect, it } from 'vitest';
import { appPageMatcher, createSenderCheck } from '../../../main/desktop/ipc/trusted-sender.ts';

describe('appPageMatcher', () => {
  it('accepts the built page with any fragment or query, and nothing else on disk', () => {
    const isApp = appPageMatcher(
      { kind: 'file', path: '/opt/Amoot Sync/out/renderer/index.html' },
      'linux',
    );
    expect(isApp('file:///opt/Amoot%20Sync/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/Amoot%20Sync/out/renderer/index.html#/history')).toBe(true);
    expect(isApp('file:///opt/Amoot%20Sync/out/renderer/index.html?x=1')).toBe(true);
    expect(isApp('file:///opt/Amoot%20Sync/out/renderer/other.html')).toBe(false);
    expect(isApp('file:///tmp/index.html')).toBe(false);
    expect(isApp('file://evil-host/opt/Amoot%20Sync/out/renderer/index.html')).toBe(false);
    expect(isApp('https://opt/Amoot%20Sync/out/renderer/index.html')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('ignores the case of the path on Windows, whose file system does, and only there', () => {
    const linux = appPageMatcher({ kind: 'file', path: '/opt/App/index.html' }, 'linux');
    expect(linux('file:///opt/app/index.html')).toBe(false);
    const windows = appPageMatcher({ kind: 'file', path: '/opt/App/index.html' }, 'win32');
    expect(windows('file:///opt/app/INDEX.html')).toBe(true);
    expect(windows('file:///opt/app/other.html')).toBe(false);
  });

  it('accepts any page of the dev server, and only of its origin', () => {
    const isApp = appPageMatcher({ kind: 'url', url: 'http://localhost:5173/' });
    expect(isApp('http://localhost:5173/')).toBe(true);
    expect(isApp('http://localhost:5173/src/App.svelte?hmr')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('http://127.0.0.1:5173/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
  });
});

describe('createSenderCheck', () => {
  const window = { id: 1 };
  const top = { url: 'app://page', parent: null };
  const check = createSenderCheck({
    mainContents: () => window,
    isAppPage: (url) => url === 'app://page',
  });

  it('trusts only the top frame of the main window showing the app page', () => {
    expect(check({ sender: window, senderFrame: top })).toBe(true);
    expect(check({ sender: { id: 1 }, senderFrame: top })).toBe(false);
    expect(check({ sender: window, senderFrame: { url: 'app://page', parent: top } })).toBe(false);
    expect(
      check({ sender: window, senderFrame: { url: 'https://x.example/', parent: null } }),
    ).toBe(false);
    expect(check({ sender: window, senderFrame: null })).toBe(false);
  });

  it('trusts nobody while no window is open', () => {
    const closed = createSenderCheck({ mainContents: () => null, isAppPage: () => true });
    expect(closed({ sender: null, senderFrame: top })).toBe(false);
    expect(closed({ sender: undefined, senderFrame: top })).toBe(false);
  });
});
