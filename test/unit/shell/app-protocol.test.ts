import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_PAGE_URL,
  createAppRequestHandler,
  registerAppScheme,
  resolveAppFile,
  serveAppProtocol,
} from '../../../main/desktop/window/app-protocol.ts';
import { appPageMatcher } from '../../../main/desktop/ipc/trusted-sender.ts';
import type { Logger } from '../../../main/desktop/logging/logging.ts';
import { FakeProtocol } from './fake-electron-lifecycle.ts';

/** A built renderer in `<tmp>/renderer`, with secrets next to it that must stay out of reach. */
let root: string;
let renderer: string;
const SECRET = 'outside the bundle: never served';
/** Every body the handler may legitimately return, by the file's path inside the renderer. */
const bundle: Record<string, string> = {
  'index.html': '<!doctype html><title>app</title>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/index-abc.css': 'body{}',
  'assets/logo.svg': '<svg/>',
  'assets/font.woff2': 'wOF2',
  'assets/data.bin': 'bytes',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'amoot-app-protocol-'));
  renderer = join(root, 'renderer');
  for (const [path, body] of Object.entries(bundle)) {
    mkdirSync(join(renderer, path, '..'), { recursive: true });
    writeFileSync(join(renderer, path), body);
  }
  writeFileSync(join(root, 'secret.txt'), SECRET);
  // A sibling whose name starts with the renderer's: the classic `startsWith` hole.
  mkdirSync(join(root, 'renderer-private'));
  writeFileSync(join(root, 'renderer-private', 'secret.txt'), SECRET);
});

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (line) => lines.push(`info ${line}`),
    warn: (line) => lines.push(`warn ${line}`),
    error: (line) => lines.push(`error ${line}`),
  };
}

function get(url: string, method = 'GET', log = recordingLog()): Promise<Response> {
  return createAppRequestHandler(renderer, log)({ url, method });
}

describe('registerAppScheme', () => {
  it('makes app: a standard, secure scheme fetch can use, and readable by no other origin', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('the app:// handler', () => {
  it('is installed for the app scheme and serves the page the window loads', async () => {
    const protocol = new FakeProtocol();
    serveAppProtocol(protocol, renderer, recordingLog());
    const handler = protocol.handlers.get('app');
    const response = await handler!(new Request(APP_PAGE_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(bundle['index.html']);
  });

  it('sends the strict CSP, nosniff and no referrer with every answer', async () => {
    for (const url of [APP_PAGE_URL, 'app://bundle/missing.js', 'app://bundle/%2e%2e/x']) {
      const { headers } = await get(url);
      expect(headers.get('Content-Security-Policy')).toBe(APP_CONTENT_SECURITY_POLICY);
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('Referrer-Policy')).toBe('no-referrer');
    }
    expect(APP_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it.each([
    ['app://bundle/index.html', 'text/html; charset=utf-8'],
    ['app://bundle/', 'text/html; charset=utf-8'],
    ['app://bundle/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://bundle/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://bundle/assets/logo.svg', 'image/svg+xml'],
    ['app://bundle/assets/font.woff2', 'font/woff2'],
    ['app://bundle/assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_PAGE_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_PAGE_URL, 'POST')).status).toBe(405);
  });

  it('answers 404 for a missing file or a folder, without logging routine misses', async () => {
    const log = recordingLog();
    expect((await get('app://bundle/favicon.ico', 'GET', log)).status).toBe(404);
    expect((await get('app://bundle/assets', 'GET', log)).status).toBe(404);
    expect(log.lines).toEqual([]);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2e/renderer-private/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2Frenderer-private%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets\\..\\..\\secret.txt',
    'app://bundle/%5c..%5csecret.txt',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/index.html%00.png',
    'app://bundle/%00',
    'app://bundle/index.html:stream',
    'app://bundle/%E0%A4%A',
    'app://bundle/assets/',
    'app://other/index.html',
    'app://bundle:8080/index.html',
    'app://user@bundle/index.html',
    'file:///etc/passwd',
  ])('refuses %s with a 404', async (url) => {
    const log = recordingLog();
    const response = await get(url, 'GET', log);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('logs a refused path, quoted and shortened', async () => {
    const log = recordingLog();
    await get(`app://bundle/..%2f${'x'.repeat(500)}`, 'GET', log);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/^warn app protocol: refused "app:\/\/bundle\/\.\.%2fx+"$/);
    expect(log.lines[0]!.length).toBeLessThan(260);
  });

  /** Pieces of a path an attacker would combine: dots, encodings, separators, names. */
  const piece = fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2E',
    '.%2e',
    '%2e.',
    '%252e%252e',
    '..%2f',
    '..%5c',
    '%2f',
    '%5c',
    '\\',
    '%00',
    '',
    'C:',
    'secret.txt',
    'renderer-private',
    'renderer',
    'assets',
    'index.html',
    'index-abc.js',
  );
  const path = fc
    .array(fc.tuple(piece, fc.constantFrom('/', '\\', '%2f', '%5c', '')), { maxLength: 8 })
    .map((parts) => parts.map(([name, separator]) => name + separator).join(''));

  it('never resolves a generated path to a file outside the renderer folder', () => {
    fc.assert(
      fc.property(path, (p) => {
        const file = resolveAppFile(renderer, `app://bundle/${p}`);
        if (file === null) return;
        const inside = relative(renderer, file);
        expect(inside === '..' || inside.startsWith(`..${sep}`)).toBe(false);
        expect(inside).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('never serves anything but a bundle file, whatever the generated path', async () => {
    const bodies = new Set(Object.values(bundle));
    await fc.assert(
      fc.asyncProperty(path, async (p) => {
        const response = await get(`app://bundle/${p}`);
        const body = await response.text();
        expect(body).not.toContain(SECRET);
        if (response.status === 200) expect(bodies.has(body)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the app:// handler and symbolic links in the bundle', () => {
  /** The bundle above, plus links planted in it: to a file outside, to a folder outside. */
  let planted: string;
  beforeAll(() => {
    planted = mkdtempSync(join(tmpdir(), 'amoot-app-protocol-links-'));
    const folder = join(planted, 'renderer');
    mkdirSync(join(folder, 'assets'), { recursive: true });
    writeFileSync(join(folder, 'index.html'), bundle['index.html']!);
    writeFileSync(join(folder, 'assets', 'index-abc.js'), bundle['assets/index-abc.js']!);
    writeFileSync(join(planted, 'secret.txt'), SECRET);
    mkdirSync(join(planted, 'elsewhere'));
    writeFileSync(join(planted, 'elsewhere', 'secret.txt'), SECRET);
    symlinkSync(join(planted, 'secret.txt'), join(folder, 'assets', 'leak.js'));
    symlinkSync('../../secret.txt', join(folder, 'assets', 'relative-leak.js'));
    symlinkSync(join(planted, 'elsewhere'), join(folder, 'linked'));
    symlinkSync('/etc/passwd', join(folder, 'passwd.txt'));
    // A link that stays inside the bundle is a file of the bundle.
    symlinkSync('index-abc.js', join(folder, 'assets', 'alias.js'));
    // And the bundle reached through a link of its own (an install or checkout path).
    symlinkSync(folder, join(planted, 'renderer-link'));
  });
  const getFrom = (folder: string, url: string, log = recordingLog()) =>
    createAppRequestHandler(join(planted, folder), log)({ url, method: 'GET' });

  it.each([
    'app://bundle/assets/leak.js',
    'app://bundle/assets/relative-leak.js',
    'app://bundle/linked/secret.txt',
    'app://bundle/passwd.txt',
  ])('refuses %s, which a planted link points outside, with a 404 and a log line', async (url) => {
    for (const folder of ['renderer', 'renderer-link']) {
      const log = recordingLog();
      const response = await getFrom(folder, url, log);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain('root:');
      expect(log.lines).toEqual([`warn app protocol: refused ${JSON.stringify(url)}`]);
    }
  });

  it('serves a link that stays inside the bundle, and the bundle behind a link', async () => {
    for (const folder of ['renderer', 'renderer-link']) {
      const alias = await getFrom(folder, 'app://bundle/assets/alias.js');
      expect(alias.status).toBe(200);
      expect(await alias.text()).toBe(bundle['assets/index-abc.js']);
      expect(await (await getFrom(folder, APP_PAGE_URL)).text()).toBe(bundle['index.html']);
    }
  });
});

describe('appPageMatcher for the app:// page', () => {
  const isApp = appPageMatcher({ kind: 'app', folder: '/opt/app/out/renderer' });

  it('accepts exactly app://bundle/index.html, with any fragment or query', () => {
    expect(isApp(APP_PAGE_URL)).toBe(true);
    expect(isApp('app://bundle/index.html#/history')).toBe(true);
    expect(isApp('app://bundle/index.html?x=1')).toBe(true);
  });

  it('refuses other pages of the bundle, other hosts, ports, users and schemes', () => {
    expect(isApp('app://bundle/other.html')).toBe(false);
    expect(isApp('app://bundle/')).toBe(false);
    expect(isApp('app://evil/index.html')).toBe(false);
    expect(isApp('app://bundle:1/index.html')).toBe(false);
    expect(isApp('app://x@bundle/index.html')).toBe(false);
    expect(isApp('https://bundle/index.html')).toBe(false);
    expect(isApp('file:///opt/app/out/renderer/index.html')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });
});
