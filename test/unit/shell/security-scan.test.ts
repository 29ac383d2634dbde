import dns from 'node:dns';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  REVIEWED,
  failed,
  installedElectronVersion,
  parseIssues,
  scan,
  scanApp,
  summarize,
  type ScanReport,
} from '../../../scripts/security-scan.ts';

const root = join(import.meta.dirname, '../../..');
const electronVersion = installedElectronVersion(root);

/** A window with every setting DESIGN.md asks for, as main/desktop/window/window.ts builds it. */
const secureWindow = `
const { BrowserWindow, session } = require('electron');
const win = new BrowserWindow({
  webPreferences: {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    disableBlinkFeatures: 'Auxclick',
  },
});
win.webContents.on('will-navigate', (event) => event.preventDefault());
win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
win.loadFile('index.html');
`;

/** The same window with the renderer given Node and the page's world shared with the preload. */
const insecureWindow = secureWindow
  .replace('contextIsolation: true', 'contextIsolation: false')
  .replace('nodeIntegration: false', 'nodeIntegration: true');

const page = `<!doctype html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'">
</head><body></body></html>
`;

const fixtures: string[] = [];
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'amoot-scan-fixture-'));
  fixtures.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const scanFixture = (files: Record<string, string>): Promise<ScanReport> =>
  scan({ root: fixture(files), inputs: ['.'], electronVersion, reviewed: REVIEWED });

// Every connection and name lookup made while the scans run; the scan must make none.
const network: string[] = [];
beforeAll(() => {
  const connect = net.Socket.prototype.connect;
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    network.push(`connect ${JSON.stringify(args[0])}`);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  });
  const lookup = dns.lookup;
  vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, ...rest: unknown[]) => {
    network.push(`lookup ${hostname}`);
    return (lookup as (...a: unknown[]) => void)(hostname, ...rest);
  }) as typeof dns.lookup);
});
afterAll(() => {
  vi.restoreAllMocks();
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

describe('security scan', () => {
  // `npm test` builds first, so under CI out/ exists; a developer without a build skips this one.
  const built = existsSync(join(root, 'out'));
  it.skipIf(!built && process.env['CI'] !== 'true')(
    'finds nothing of severity MEDIUM or above in main/ and out/',
    async () => {
      const report = await scanApp();
      expect(report.blocking, summarize(report)).toEqual([]);
      expect(report.errors.filter((e) => !e.tolerable)).toEqual([]);
      expect(failed(report)).toBe(false);
      // It did look: the renderer page with its CSP and the window's preload were both seen.
      expect(report.findings.map((f) => f.file)).toContain('out/renderer/index.html');
      expect(report.reviewed.map((f) => f.file)).toContain('main/desktop/window/window.ts');
    },
    60_000,
  );

  it('reports a window that shares the page world and gives it Node', async () => {
    const report = await scanFixture({ 'main.js': insecureWindow, 'index.html': page });
    expect(failed(report)).toBe(true);
    expect(report.blocking).toContainEqual(
      expect.objectContaining({
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        file: 'main.js',
        sample: 'contextIsolation: false,',
      }),
    );
    expect(summarize(report)).toMatch(/CONTEXT_ISOLATION_JS_CHECK[\s\S]*Security scan FAILED\./);
  }, 60_000);

  it('passes the same window with the secure settings, so the failure above is about them', async () => {
    const report = await scanFixture({ 'main.js': secureWindow, 'index.html': page });
    expect(report.blocking, summarize(report)).toEqual([]);
    expect(failed(report)).toBe(false);
  }, 60_000);

  it('reads CommonJS files (.cjs) and reports them under their own name', async () => {
    const report = await scanFixture({ 'main.cjs': insecureWindow, 'index.html': page });
    expect(report.blocking.map((f) => `${f.check} ${f.file}`)).toContain(
      'CONTEXT_ISOLATION_JS_CHECK main.cjs',
    );
  }, 60_000);

  it('accepts a reviewed finding only on the exact line that was reviewed', async () => {
    const withPreload = (expression: string) =>
      secureWindow.replace('sandbox: true,', `sandbox: true,\n    preload: ${expression},`);
    const reviewed = await scanFixture({
      'main.js': withPreload('sources.preloadPath'),
      'index.html': page,
    });
    expect(reviewed.blocking).toEqual([]);
    expect(reviewed.reviewed.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK']);

    const other = await scanFixture({
      'main.js': withPreload('untrustedPath'),
      'index.html': page,
    });
    expect(other.blocking.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK']);
  }, 60_000);

  it('never touches the network', () => {
    expect(network).toEqual([]);
  });

  it('names the field an Electronegativity issue lacks instead of guessing', () => {
    const issue = {
      id: 'SANDBOX_JS_CHECK',
      severity: { name: 'MEDIUM' },
      confidence: { name: 'FIRM' },
      location: { line: 3, column: 1 },
      file: 'main.js',
      description: 'x',
    };
    expect(parseIssues([issue])[0]).toMatchObject({
      check: 'SANDBOX_JS_CHECK',
      severity: 'MEDIUM',
    });
    expect(() => parseIssues([{ ...issue, severity: { name: 'SEVERE' } }])).toThrow(/severity/);
    expect(() => parseIssues([{ ...issue, location: { line: '3', column: 1 } }])).toThrow(/line/);
  });
});
