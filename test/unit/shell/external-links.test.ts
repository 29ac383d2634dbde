import { describe, expect, it } from 'vitest';
import {
  isAllowedExternalUrl,
  openExternalSafely,
} from '../../../main/desktop/window/external-links.ts';
import type { Logger } from '../../../main/desktop/logging/logging.ts';
import { FakeShell } from './fake-electron-lifecycle.ts';

function setup() {
  const shell = new FakeShell();
  const lines: string[] = [];
  const log: Logger = {
    info: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    error: (line) => lines.push(line),
  };
  return { shell, lines, deps: { shell, log } };
}

describe('openExternalSafely', () => {
  it.each([
    'https://portal.amootsms.com/',
    'https://portal.amootsms.com/panel/tokens?tab=api#top',
    'https://amootsms.com/',
    'https://www.amootsms.com/help',
    'https://AMOOTSMS.com/',
    'https://amootsms.com:443/',
  ])('opens %s in the browser', async (url) => {
    const { shell, lines, deps } = setup();
    expect(await openExternalSafely(url, deps)).toBe(true);
    expect(shell.opened).toEqual([new URL(url).href]);
    expect(lines).toEqual([]);
  });

  it.each([
    'http://portal.amootsms.com/',
    'https://evil.example/',
    'https://amootsms.com.evil.example/',
    'https://evilamootsms.com/',
    'https://api.amootsms.com/',
    'https://amootsms.com@evil.example/',
    'https://user:pass@amootsms.com/',
    'https://amootsms.com:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://amootsms.com/share',
    'javascript:alert(1)',
    'ms-settings:privacy',
    'not a url',
    '',
  ])('refuses %s and logs it without the path or query', async (url) => {
    const { shell, lines, deps } = setup();
    expect(await openExternalSafely(url, deps)).toBe(false);
    expect(shell.opened).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^external link refused: /);
  });

  it('keeps the path and query of a refused link out of the log', async () => {
    const { lines, deps } = setup();
    await openExternalSafely('https://evil.example/steal?token=abcdefgh12345678', deps);
    expect(lines).toEqual(['external link refused: https://evil.example']);
  });

  it('reports a browser that could not be started instead of throwing', async () => {
    const { lines, deps } = setup();
    deps.shell.openExternal = () => Promise.reject(new Error('no handler'));
    expect(await openExternalSafely('https://amootsms.com/', deps)).toBe(false);
    expect(lines).toEqual([
      'external link could not be opened: https://amootsms.com: Error: no handler',
    ]);
  });

  it('agrees with isAllowedExternalUrl', () => {
    expect(isAllowedExternalUrl('https://portal.amootsms.com/x')).toBe(true);
    expect(isAllowedExternalUrl('https://portal.amootsms.com.evil/')).toBe(false);
  });
});
