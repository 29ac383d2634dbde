import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeLog from 'electron-log/node';
import type { LogFile, NodeLogger } from 'electron-log';
import { describe, expect, it, vi } from 'vitest';
import {
  configureLogging,
  LOG_FILE_NAME,
  logsFolder,
  redactLogText,
  rotateArchives,
  type LoggingOptions,
} from '../../../main/desktop/logging/logging.ts';

// Scanned for by the suite's teardown in every file the tests leave behind, log files included.
const TOKEN = 'tok3n-Secret/Value+42';
const HEADER_TOKEN = 'Bearer-only-in-a-header-9f8e7d';

let instances = 0;

/** A fresh electron-log instance writing to a fresh folder. */
function setup(options: Partial<LoggingOptions> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'amoot-logging-'));
  const electronLog = nodeLog.create({ logId: `test-${(instances += 1)}` }) as NodeLogger;
  let secrets: string[] = [TOKEN];
  const log = configureLogging(electronLog, {
    folder,
    production: true,
    secrets: () => secrets,
    ...options,
  });
  const file = join(folder, LOG_FILE_NAME);
  const read = (): string => readFileSync(file, 'utf8');
  return {
    folder,
    electronLog,
    log,
    read,
    setSecrets: (next: string[]) => (secrets = next),
  };
}

describe('configureLogging', () => {
  it('writes each level to main.log in the given folder', () => {
    const { log, read, folder, electronLog } = setup();
    log.info('started');
    log.warn('slow answer');
    log.error('sync failed');
    expect(read()).toMatch(
      /\[info\]\s+started\r?\n.*\[warn\]\s+slow answer\r?\n.*\[error\]\s+sync failed/,
    );
    expect(logsFolder(electronLog)).toBe(folder);
  });

  it.skipIf(process.platform === 'win32')('creates the file readable by the user only', () => {
    const { log, folder } = setup();
    log.info('x');
    expect(statSync(join(folder, LOG_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('removes the token from messages in every form it takes', () => {
    const { log, read } = setup();
    log.info(`token is ${TOKEN}`);
    log.info(`body=${encodeURIComponent(TOKEN)}&x=1`);
    log.info(JSON.stringify({ token: TOKEN }));
    const text = read();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
    expect(text).not.toContain(JSON.stringify(TOKEN).slice(1, -1));
    expect(text.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it('removes the token from an error message, its stack and its cause', () => {
    const { electronLog, read } = setup();
    const error = new Error(`request with ${TOKEN} failed`, {
      cause: new Error(`inner ${TOKEN}`),
    });
    electronLog.error('sync failed:', error);
    const text = read();
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('request with [redacted] failed');
    expect(text).toContain('inner [redacted]');
    expect(text).toMatch(/at .*logging\.test\.ts/);
  });

  it('removes Authorization values, known token or not, wherever they appear', () => {
    const { electronLog, read } = setup();
    electronLog.info(`> GET /rest\nAuthorization: ${HEADER_TOKEN}\nAccept: */*`);
    electronLog.info({ request: { headers: { authorization: HEADER_TOKEN, accept: 'json' } } });
    electronLog.info(new Map([['Authorization', HEADER_TOKEN]]));
    const text = read();
    expect(text).not.toContain(HEADER_TOKEN);
    expect(text).toContain('Accept: */*');
    expect(text).toContain("accept: 'json'");
  });

  it('asks for the secrets per message, so a token entered later is redacted too', () => {
    const { log, read, setSecrets } = setup();
    setSecrets([]);
    log.info('before any token');
    setSecrets([TOKEN]);
    log.info(`after: ${TOKEN}`);
    expect(read()).toContain('before any token');
    expect(read()).toContain('after: [redacted]');
  });

  it('keeps the console quiet and logs in production, and lets nothing reach the renderer', () => {
    const production = setup().electronLog;
    expect(production.transports.console.level).toBe(false);
    expect(production.transports.file.level).toBe('info');
    expect(production.transports.remote.level).toBe(false);

    const development = setup({ production: false }).electronLog;
    expect(development.transports.console.level).toBe('debug');
    expect(development.transports.file.level).toBe('debug');
    expect(development.transports.remote.level).toBe(false);
  });

  it('rotates at the size limit and keeps only the newest archives', () => {
    const { log, folder } = setup({ maxBytes: 400, keepArchives: 2 });
    for (let line = 0; line < 60; line += 1) log.info(`line ${String(line).padStart(3, '0')}`);
    expect(readdirSync(folder).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const numbers = (name: string) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/line (\d+)/g)].map((m) => +m[1]!);
    const [older, old, current] = ['main.2.log', 'main.1.log', 'main.log'].map(numbers);
    expect(Math.max(...older!)).toBeLessThan(Math.min(...old!));
    expect(Math.max(...old!)).toBeLessThan(Math.min(...current!));
    expect(current).toContain(59);
    for (const name of readdirSync(folder)) {
      expect(statSync(join(folder, name)).size).toBeLessThan(400 + 100);
    }
  });
});

describe('the logs folder', () => {
  it('is readable by the user only, and so is every log in it, even when left open by an older version', () => {
    // Windows has no such modes: what it grants comes from the folder's ACL.
    if (process.platform === 'win32') return;
    const parent = mkdtempSync(join(tmpdir(), 'amoot-logging-'));
    const fresh = join(parent, 'fresh', 'logs');
    const old = join(parent, 'old');
    mkdirSync(old, { mode: 0o755 });
    chmodSync(old, 0o755);
    for (const name of [LOG_FILE_NAME, 'main.1.log']) {
      writeFileSync(join(old, name), 'an older line\n', { mode: 0o644 });
      chmodSync(join(old, name), 0o644);
    }
    for (const folder of [fresh, old]) {
      const electronLog = nodeLog.create({ logId: `test-${(instances += 1)}` }) as NodeLogger;
      configureLogging(electronLog, { folder, production: true, secrets: () => [] }).info('x');
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      for (const name of readdirSync(folder)) {
        expect(statSync(join(folder, name)).mode & 0o777, name).toBe(0o600);
      }
    }
  });
});

describe('rotateArchives', () => {
  it('empties the file instead when it cannot be moved', () => {
    const folder = mkdtempSync(join(tmpdir(), 'amoot-logging-'));
    const clear = vi.fn(() => true);
    const file = { path: join(folder, 'missing', 'main.log'), clear } as unknown as LogFile;
    rotateArchives(3)(file);
    expect(clear).toHaveBeenCalledOnce();
    expect(existsSync(join(folder, 'missing'))).toBe(false);
  });
});

describe('redactLogText', () => {
  it.each([
    ['Authorization: abc def', 'Authorization: [redacted]'],
    ['authorization=abc&next=1', 'authorization=[redacted]&next=1'],
    ['{"Authorization":"abc","b":1}', '{"Authorization":"[redacted]","b":1}'],
    ["{ authorization: 'abc' }", "{ authorization: '[redacted]' }"],
    ["'Authorization' => 'abc'", "'Authorization' => '[redacted]'"],
    ['Proxy-Authorization: Basic xyz', 'Proxy-Authorization: [redacted]'],
    ['Authorization:   [redacted]', 'Authorization:   [redacted]'],
    ['Authorization failed for this request', 'Authorization failed for this request'],
    // A token may hold `, ; &` and quotes: outside a request it is known to nobody, and only
    // where its value ends tells how much to hide.
    ['Authorization: a,b;c&d=e', 'Authorization: [redacted]'],
    ["Authorization: ''a-token-that-starts-with-quotes", 'Authorization: [redacted]'],
    [
      "{ authorization: 'a,b;c&d\\'e', accept: 'json' }",
      "{ authorization: '[redacted]', accept: 'json' }",
    ],
    ['{"authorization":"a,b;c\\"d","x":1}', '{"authorization":"[redacted]","x":1}'],
    ['authorization=a%2Cb%3Bc%26d&next=1', 'authorization=[redacted]&next=1'],
  ])('turns %j into %j', (input, output) => {
    expect(redactLogText(input, [])).toBe(output);
  });

  it('leaves no trace of a known token inside an Authorization value', () => {
    expect(redactLogText(`Authorization: ${TOKEN}`, [TOKEN])).toBe('Authorization: [redacted]');
  });
});
