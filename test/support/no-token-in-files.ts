/**
 * Finds test tokens in files. DESIGN.md: the token never touches disk in clear. The suite's global
 * teardown scans every file the tests left under their temporary folder for every token the tests
 * use; a test may also scan its own folder. Files are read as bytes in chunks, so a SQLite file is
 * searched page by page like any other and a token split across two chunks is still found.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Shorter constants (`'demo'`, `'x'`) would match by chance in binary files and prove nothing. */
export const MIN_TOKEN_LENGTH = 8;

/** A string constant assigned to a name containing TOKEN: `const TOKEN = '…'`, `OTHER_TOKEN: string = "…"`. */
const TOKEN_CONSTANT =
  /\b[A-Za-z0-9_$]*TOKEN[A-Za-z0-9_$]*\s*(?::\s*[A-Za-z<>[\]|' ]+)?=\s*(['"`])([^'"`\\\n]+)\1/g;
/** A literal handed to a child process: `AMOOT_TOKEN: '…'`, `AMOOT_TOKEN='…'`, `'AMOOT_TOKEN': "…"`. */
const CHILD_TOKEN = /\bAMOOT_TOKEN['"]?\s*[:=]\s*(['"`])([^'"`\\\n]+)\1/g;

/** Every test token written literally in these sources (constants named *TOKEN*, `AMOOT_TOKEN` values). */
export function tokensInSource(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of [TOKEN_CONSTANT, CHILD_TOKEN]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[2] ?? '';
      // A template with `${…}` is not a constant; a short value is no evidence.
      if (value.length >= MIN_TOKEN_LENGTH && !value.includes('${')) found.add(value);
    }
  }
  return [...found];
}

/** Tokens of every `.ts` file under `dirs` (the test sources), sorted and without repeats. */
export function collectTestTokens(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      if (!file.endsWith('.ts')) continue;
      for (const token of tokensInSource(fs.readFileSync(file, 'utf8'))) found.add(token);
    }
  }
  return [...found].sort();
}

/** Regular files under `dir`, recursively; symbolic links are not followed. Missing dir: none. */
export function filesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    // Not `recursive: true`: that descends into symbolic links to folders (a test's copy of the
    // project links to the repository's node_modules), so the walk is done one level at a time.
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(entryPath);
    return entry.isFile() ? [entryPath] : [];
  });
}

export interface TokenFinding {
  readonly file: string;
  readonly token: string;
}

export interface ScanOptions {
  /** Bytes read at a time; small values only to test the seams between chunks. */
  readonly chunkBytes?: number;
}

/**
 * Every (file, token) pair where the file's bytes contain the token's UTF-8 bytes. A file that
 * vanished during the scan is skipped (a test may still be cleaning up); any other read error is
 * thrown, since an unreadable file is one the scan cannot vouch for.
 */
export function findTokensInFiles(
  dir: string,
  tokens: readonly string[],
  options: ScanOptions = {},
): TokenFinding[] {
  const needles = tokens.filter((token) => token !== '').map((token) => Buffer.from(token, 'utf8'));
  if (needles.length === 0) return [];
  const findings: TokenFinding[] = [];
  for (const file of filesUnder(dir)) {
    for (const needle of scanFile(file, needles, options.chunkBytes ?? 1024 * 1024)) {
      findings.push({ file, token: needle.toString('utf8') });
    }
  }
  return findings;
}

function scanFile(file: string, needles: readonly Buffer[], chunkBytes: number): Buffer[] {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const overlap = Math.max(...needles.map((needle) => needle.length)) - 1;
  const found = new Set<Buffer>();
  const buffer = Buffer.alloc(overlap + Math.max(1, chunkBytes));
  try {
    let kept = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, kept, buffer.length - kept, null);
      if (read === 0) break;
      const window = buffer.subarray(0, kept + read);
      for (const needle of needles) if (window.includes(needle)) found.add(needle);
      if (found.size === needles.length) break;
      // Keep the tail, so a token split between this chunk and the next is still seen whole.
      kept = Math.min(overlap, window.length);
      window.copy(buffer, 0, window.length - kept);
    }
  } finally {
    fs.closeSync(fd);
  }
  return [...found];
}

/** For an error message: where, and which token by its first characters only. */
export function describeFindings(findings: readonly TokenFinding[]): string {
  return findings
    .map(({ file, token }) => `  ${file}: contains test token "${token.slice(0, 6)}…"`)
    .join('\n');
}
