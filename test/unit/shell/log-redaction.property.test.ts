/**
 * Property: whatever valid token a request holds, however a line encodes it and wherever the
 * sync process's stderr pipe cuts that line, no log file ends up holding the token in any of the
 * encodings. Runs the real path: chunks through `stderrLines` (as both sync-process launchers
 * read stderr), lines through `configureLogging`'s redacting hook into `main.log` in a temporary
 * folder, and every file left in that folder is read back.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { inspect } from 'node:util';
import nodeLog from 'electron-log/node';
import type { NodeLogger } from 'electron-log';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkToken } from '../../../common/validation.ts';
import { MIN_ENCODED_LENGTH } from '../../../main/core/token/redact.ts';
import { configureLogging } from '../../../main/desktop/logging/logging.ts';
import { stderrLines } from '../../../main/sync-worker/process-transport.ts';

/** What `checkToken` accepts: printable ASCII without blanks, here as long as real tokens are. */
const tokenArb = fc
  .string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: MIN_ENCODED_LENGTH,
    maxLength: 64,
  })
  .filter((token) => checkToken(token).ok);

const percentCase = (text: string, lower: boolean): string =>
  text.replace(/%[0-9A-F]{2}/g, (escape) => (lower ? escape.toLowerCase() : escape));

/** The part of `base64(lead + token)` fixed by the token's bytes alone (what must never show). */
function base64Core(lead: string, token: string, url: boolean): string {
  const encoded = Buffer.from(`${lead}${token}`).toString(url ? 'base64url' : 'base64');
  const start = Math.ceil(lead.length / 3) * 4;
  const end = Math.floor((lead.length + token.length) / 3) * 4;
  return encoded.slice(start, end);
}

/** Each encoding: the line a caller might log, and the strings no log may then contain. */
function encodings(token: string, lower: boolean, lead: string, cut: number) {
  const bytes = Buffer.from(token);
  const long = `${'x'.repeat(10_000 - cut)}${token}`;
  const inspected = inspect(long);
  const query = percentCase(encodeURIComponent(token), lower);
  const form = percentCase(new URLSearchParams({ t: token }).toString().slice(2), lower);
  const twice = encodeURIComponent(encodeURIComponent(token));
  const hex = bytes.toString('hex');
  const cases: Case[] = [
    { line: `token ${token}`, never: token },
    { line: `query ?t=${query}&x=1`, never: query, caseless: true },
    { line: `form t=${form}&x=1`, never: form, caseless: true },
    { line: `twice ${twice}`, never: twice, caseless: true },
    { line: `json ${JSON.stringify({ token })}`, never: JSON.stringify(token).slice(1, -1) },
    {
      line: `json twice ${JSON.stringify(JSON.stringify({ token }))}`,
      never: JSON.stringify(JSON.stringify(token)).slice(2, -2),
    },
    { line: `inspect ${inspect({ token })}`, never: inspect(token).slice(1, -1) },
    {
      line: `basic ${Buffer.from(`${lead}${token}`).toString('base64')}`,
      never: base64Core(lead, token, false),
    },
    {
      line: `jwt ${Buffer.from(`${lead}${token}`).toString('base64url')}`,
      never: base64Core(lead, token, true),
    },
    { line: `hex ${hex}`, never: hex, caseless: true },
    { line: `HEX ${hex.toUpperCase()}`, never: hex, caseless: true },
    { line: `buffer ${inspect(bytes)}`, never: inspect(bytes).slice('<Buffer '.length, -1) },
    // util.inspect cut a long string inside the token: what it shows of it, up to its mark (with
    // the filler character before it: a prefix such as `]` would otherwise end the mask itself).
    { line: `long ${inspected}`, never: inspected.slice(10_000 - cut) },
  ];
  return cases;
}

interface Case {
  readonly line: string;
  /** What no log may contain once `line` was logged. */
  readonly never: string;
  /** Percent escapes and hex mean the same in either case: looked for in both. */
  readonly caseless?: boolean;
}

describe('the log, for any token in any encoding cut anywhere', () => {
  it('never holds the token', async () => {
    await fc.assert(
      fc.asyncProperty(
        tokenArb,
        fc.boolean(),
        fc.constantFrom('', 'u', 'me:'),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 40 }),
        async (token, lower, lead, cutAt, cuts) => {
          const cut = Math.min(cutAt, token.length);
          const folder = mkdtempSync(join(tmpdir(), 'amoot-log-property-'));
          const electronLog = nodeLog.create({ logId: `property-${folder}` }) as NodeLogger;
          const cases = encodings(token, lower, lead, cut);
          let secrets: string[] = [token];
          const log = configureLogging(electronLog, {
            folder,
            production: true,
            secrets: () => secrets,
          });

          // As the sync process's stderr: one stream of lines, cut into arbitrary chunks.
          const stream = new PassThrough();
          const drained = stderrLines(stream, (line) => log.warn(`sync process stderr: ${line}`));
          const text = `${cases.map((c) => c.line).join('\n')}\n`;
          let at = 0;
          for (const size of cuts) {
            if (at >= text.length) break;
            stream.write(Buffer.from(text.slice(at, at + size)));
            at += size;
          }
          stream.end(Buffer.from(text.slice(at)));
          await drained;
          // As main's own lines.
          for (const c of cases) log.info(c.line);
          // Outside a request nothing is registered: an Authorization value goes all the same.
          secrets = [];
          log.info(`> GET /rest Authorization: ${token}`);
          log.info(inspect({ headers: { authorization: token, accept: 'json' } }));
          const outside: Case = { line: 'Authorization, outside a request', never: token };

          const files = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
          // Random tokens are unknown to the suite's token scan: nothing for it in these files.
          rmSync(folder, { recursive: true, force: true });
          const all = files.join('\n');
          expect(all).toContain('sync process stderr: hex [redacted]');
          for (const c of [...cases, outside]) {
            const held =
              c.caseless === true
                ? all.toLowerCase().includes(c.never.toLowerCase())
                : all.includes(c.never);
            expect(held, `${c.line.slice(0, 40)}: ${c.never}`).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
