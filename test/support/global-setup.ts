/**
 * Vitest global setup: gives the whole run one fresh temporary root and, after the last test, scans
 * every file left in it for every test token. The root is handed to the test workers through
 * `TMPDIR` (`TMP`/`TEMP` on Windows), which `os.tmpdir()` reads, so tests written without knowing
 * of this scan (`mkdtemp(join(tmpdir(), …))`) write inside it; workers are started after this
 * setup and inherit the environment (the crash-safety test checks that it did).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectTestTokens,
  describeFindings,
  filesUnder,
  findTokensInFiles,
} from './no-token-in-files.ts';

/** Set for the workers: the root every temporary folder of this run should be in. */
export const TEST_TMP_ROOT_ENV = 'AMOOT_TEST_TMP_ROOT';
const TMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): () => void {
  const saved = new Map(TMP_VARIABLES.map((name) => [name, process.env[name]]));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-test-run-'));
  for (const name of TMP_VARIABLES) process.env[name] = root;
  process.env[TEST_TMP_ROOT_ENV] = root;

  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    delete process.env[TEST_TMP_ROOT_ENV];
    const tokens = collectTestTokens([path.join(REPO, 'test')]);
    if (tokens.length === 0) throw new Error('token scan: no test tokens found in test/**/*.ts');
    const scanned = filesUnder(root).length;
    const findings = findTokensInFiles(root, tokens);
    if (findings.length > 0) {
      // Kept for inspection: the files are the evidence.
      throw new Error(
        `A test token was written to disk in clear (${findings.length} finding(s) in ${scanned} files; kept in ${root}):\n${describeFindings(findings)}`,
      );
    }
    console.log(
      `token scan: ${tokens.length} test tokens, ${scanned} files left under the run's temporary folder, none contains a token`,
    );
    fs.rmSync(root, { recursive: true, force: true });
  };
}
