/**
 * `npm run security-scan`: runs Electronegativity (Doyensec's Electron security linter) over the
 * main-process sources in `main/` and the build output in `out/` (run `npm run build` first), and
 * exits 1 when any finding of severity MEDIUM or above is left, when a file could not be analysed,
 * or when the tool tried to reach the network.
 *
 * Electronegativity is driven through its Node API (its `runner`), whose result is the same list
 * of issues its CLI prints, here parsed from `unknown` into typed findings. Three things are
 * adjusted around it, each for a reason:
 *
 * - Offline. Its AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub:
 *   it is the one check excluded (the `excludeFromScan` option, `-x` on the CLI); Dependabot-style
 *   version tracking belongs elsewhere. Its i18n start-up also fetches translations from S3 on
 *   every run, with no option to turn that off; that module is replaced by one that loads the
 *   bundled English catalogue the same way. `got`, its only HTTP client, is replaced by a stub that
 *   refuses and records every call, so a network attempt fails the scan instead of happening.
 * - One app, every file. main/, out/ and package.json are copied into one temporary folder and
 *   scanned together, so the global checks (CSP, navigation limits, permission handlers) see the
 *   whole app; `.cjs`/`.mjs`/`.cts`/`.mts` files, which it would silently skip, are renamed so they
 *   are read, and findings are mapped back to the original paths.
 * - Modern syntax. Its AST walker (estraverse) stops at node types it does not know, such as the
 *   private class fields in Svelte's runtime; the walker is taught Babel's visitor keys for them,
 *   so the renderer bundle is analysed instead of reported as unreadable.
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = resolve(import.meta.dirname, '..');

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Findings at or above this severity fail the scan. */
export const BLOCKING_SEVERITY: Severity = 'MEDIUM';

/** The check Electronegativity runs online (GitHub's Electron release list); always excluded. */
const ONLINE_CHECK = 'AvailableSecurityFixesGlobalCheck';

/** One issue Electronegativity reported. `file` is relative to the scanned root, or "N/A". */
export interface Finding {
  readonly check: string;
  readonly severity: Severity;
  readonly confidence: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The flagged source line, trimmed ("" for app-wide findings). */
  readonly sample: string;
  readonly description: string;
  /** Electronegativity's own flag: the check cannot decide and asks a person to look. */
  readonly manualReview: boolean;
}

/**
 * A finding a person has looked at and accepted. It matches by check and the exact flagged line,
 * so the same line in main/ and in its bundled copy in out/ are both covered, while any other
 * occurrence, or an edit to the line, is reported again.
 */
export interface ReviewedFinding {
  readonly check: string;
  readonly sample: string;
  readonly reason: string;
}

/** The reviewed findings of this app. */
export const REVIEWED: readonly ReviewedFinding[] = [
  {
    check: 'PRELOAD_JS_CHECK',
    sample: 'preload: sources.preloadPath,',
    reason:
      "Electronegativity flags every preload for review. The main window's preload is the one DESIGN.md plans: sandboxed, context-isolated, exposing a small domain API through contextBridge and never ipcRenderer.",
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'await deps.shell.openExternal(target);',
    reason:
      "The app's only openExternal call (main/desktop/window/external-links.ts). It runs after isAllowedExternalUrl has accepted the URL: https only, an exact AmootSMS host on the default port, no user name or password; the URL passed on is the parsed one, not the text that was checked.",
  },
];

/** A file Electronegativity could not analyse; `tolerable` when the parser recovered. */
export interface ScanError {
  readonly file: string;
  readonly message: string;
  readonly tolerable: boolean;
}

export interface ScanReport {
  readonly findings: readonly Finding[];
  /** Findings at or above BLOCKING_SEVERITY that no ReviewedFinding accepts. */
  readonly blocking: readonly Finding[];
  /** Findings accepted by a ReviewedFinding, with its reason. */
  readonly reviewed: readonly (Finding & { readonly reason: string })[];
  readonly errors: readonly ScanError[];
  /** URLs the tool tried to fetch; always refused. */
  readonly networkAttempts: readonly string[];
  readonly checksRun: number;
}

export interface ScanOptions {
  /** The folder `inputs` are relative to and findings are reported relative to. */
  readonly root: string;
  /** Files and folders under `root`, scanned together as one app. */
  readonly inputs: readonly string[];
  /** The Electron version the checks assume: several defaults changed between versions. */
  readonly electronVersion: string;
  readonly reviewed?: readonly ReviewedFinding[];
}

/** Extensions Electronegativity skips, and the names it reads them under. */
const RENAMED_EXTENSIONS: Readonly<Record<string, string>> = {
  '.cjs': '.js',
  '.mjs': '.js',
  '.cts': '.ts',
  '.mts': '.ts',
};

/** Scans `inputs` and sorts the findings into blocking and reviewed ones. */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  const stage = mkdtempSync(join(tmpdir(), 'amoot-security-scan-'));
  try {
    const originals = stageInputs(options.root, options.inputs, stage);
    const tool = loadElectronegativity();
    const result = await tool.run({
      input: stage,
      excludeFromScan: [ONLINE_CHECK],
      electronVersionOverride: options.electronVersion,
      isRelative: true,
      parserPlugins: [],
    });
    const original = (file: string): string =>
      file === 'N/A' ? file : (originals.get(file) ?? file.split(sep).join('/'));
    const findings = parseIssues(result.issues).map((f) => ({ ...f, file: original(f.file) }));
    const errors = parseErrors(result.errors).map((e) => ({
      ...e,
      file: original(relative(stage, e.file)),
    }));
    const reviewedList = options.reviewed ?? [];
    const reviewed: (Finding & { reason: string })[] = [];
    const blocking: Finding[] = [];
    for (const finding of findings) {
      if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(BLOCKING_SEVERITY)) continue;
      const review = reviewedList.find(
        (r) => r.check === finding.check && r.sample === finding.sample,
      );
      if (review === undefined) blocking.push(finding);
      else reviewed.push({ ...finding, reason: review.reason });
    }
    return {
      findings,
      blocking,
      reviewed,
      errors,
      networkAttempts: tool.networkAttempts.splice(0),
      checksRun: numberField(result, 'globalChecks') + numberField(result, 'atomicChecks'),
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** This app: main/ sources, the out/ build and package.json, with the installed Electron. */
export function scanApp(root: string = repoRoot): Promise<ScanReport> {
  return scan({
    root,
    inputs: ['main', 'out', 'package.json'],
    electronVersion: installedElectronVersion(root),
    reviewed: REVIEWED,
  });
}

/** True when the report should fail the build. */
export function failed(report: ScanReport): boolean {
  return (
    report.blocking.length > 0 ||
    report.errors.some((e) => !e.tolerable) ||
    report.networkAttempts.length > 0
  );
}

/** A plain-text summary: every finding, worst first, then the verdict. */
export function summarize(report: ScanReport): string {
  const lines: string[] = [];
  const sorted = [...report.findings].sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity),
  );
  for (const f of sorted) {
    const accepted = report.reviewed.find((r) => sameFinding(r, f));
    const mark = report.blocking.some((b) => sameFinding(b, f)) ? '✗' : accepted ? '~' : ' ';
    const where = f.file === 'N/A' ? 'whole app' : `${f.file}:${f.line}:${f.column}`;
    lines.push(`${mark} ${f.severity.padEnd(13)} ${f.check.padEnd(40)} ${where}`);
    if (f.sample !== '') lines.push(`    ${f.sample.slice(0, 160)}`);
    lines.push(`    ${f.description}${f.manualReview ? ' (review required)' : ''}`);
    if (accepted) lines.push(`    reviewed: ${accepted.reason}`);
  }
  for (const e of report.errors) {
    lines.push(`${e.tolerable ? ' ' : '✗'} not fully analysed: ${e.file}: ${e.message}`);
  }
  for (const url of report.networkAttempts) lines.push(`✗ refused a network request to ${url}`);
  lines.push(
    `Electronegativity: ${report.checksRun} checks, ${report.findings.length} findings, ` +
      `${report.blocking.length} of severity ${BLOCKING_SEVERITY} or above not reviewed, ` +
      `${report.reviewed.length} reviewed, ${report.errors.length} files not fully analysed.`,
  );
  lines.push(failed(report) ? 'Security scan FAILED.' : 'Security scan passed.');
  return `${lines.join('\n')}\n`;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.check === b.check && a.file === b.file && a.line === b.line && a.column === b.column;
}

/** The Electron version installed in node_modules, which is what the app runs on. */
export function installedElectronVersion(root: string): string {
  const manifest = createRequire(join(root, 'package.json'))('electron/package.json') as unknown;
  const version = isRecord(manifest) ? manifest['version'] : undefined;
  if (typeof version !== 'string') throw new Error('node_modules/electron has no version');
  return version;
}

/**
 * Copies the inputs into `stage`, keeping their relative paths and renaming the extensions
 * Electronegativity would skip. Returns staged path → original path for the renamed files.
 */
function stageInputs(root: string, inputs: readonly string[], stage: string): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const input of inputs) {
    const from = join(root, input);
    statSync(from); // a missing input is an error, not an empty scan
    cpSync(from, join(stage, input), { recursive: true });
  }
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const extension = Object.keys(RENAMED_EXTENSIONS).find((ext) => entry.name.endsWith(ext));
      if (extension === undefined) continue;
      const target = `${path.slice(0, -extension.length)}${RENAMED_EXTENSIONS[extension]}`;
      renameSync(path, target);
      renamed.set(relative(stage, target), relative(stage, path).split(sep).join('/'));
    }
  };
  walk(stage);
  return renamed;
}

// ---------------------------------------------------------------------------------------------
// Electronegativity, loaded offline

interface RunOptions {
  readonly input: string;
  readonly excludeFromScan: readonly string[];
  readonly electronVersionOverride: string;
  readonly isRelative: boolean;
  readonly parserPlugins: readonly string[];
}

interface Electronegativity {
  run(options: RunOptions): Promise<{ issues: unknown; errors: unknown }>;
  /** URLs the stubbed HTTP client was asked for since the last scan. */
  readonly networkAttempts: string[];
}

let loaded: Electronegativity | undefined;

/**
 * Loads Electronegativity's runner with the i18n module and the HTTP client replaced (see the file
 * comment), and its AST walker taught Babel's node types. Done once per process: the replacements
 * live in Node's module cache, where the runner finds them.
 */
function loadElectronegativity(): Electronegativity {
  if (loaded !== undefined) return loaded;
  const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const fromTool = createRequire(join(packageDir, 'package.json'));
  const networkAttempts: string[] = [];

  const refuse = (url: unknown): Promise<never> => {
    networkAttempts.push(String(url));
    return Promise.reject(new Error(`security-scan: network access refused (${String(url)})`));
  };
  // Callable like got itself and through its verbs, which is how Electronegativity uses it.
  replaceModule(
    fromTool.resolve('got'),
    Object.assign(refuse, { get: refuse, head: refuse, post: refuse, stream: refuse }),
  );

  const i18nFile = join(packageDir, 'dist', 'locales', 'i18n.js');
  const i18n = fromTool('i18n') as {
    configure(options: Record<string, unknown>): void;
    setLocale(locale: string): void;
  };
  const offlineI18n = async (): Promise<void> => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nFile),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  replaceModule(i18nFile, offlineI18n);

  teachWalkerBabelNodes(fromTool);

  const run = fromTool(join(packageDir, 'dist', 'runner.js')) as (
    options: RunOptions,
    forCli: boolean,
  ) => Promise<{ issues: unknown; errors: unknown }>;
  loaded = { run: (options) => run(options, false), networkAttempts };
  return loaded;
}

/** Puts `exports` into Node's CommonJS cache under `filename`, as if that file had been loaded. */
function replaceModule(filename: string, exports: unknown): void {
  const cache = require.cache;
  cache[filename] = {
    id: filename,
    filename,
    loaded: true,
    exports,
    children: [],
    paths: [],
    path: dirname(filename),
  } as unknown as NodeJS.Module;
}

/**
 * Electronegativity walks Babel's AST with estraverse (through estraverse-fb), which throws
 * "Unknown node type" on Babel-only nodes such as ClassPrivateProperty. Registering Babel's own
 * visitor keys for the types estraverse lacks, as estraverse-fb does for JSX, lets it descend.
 */
function teachWalkerBabelNodes(fromTool: NodeJS.Require): void {
  const estraverse = createRequire(fromTool.resolve('estraverse-fb'))('estraverse') as {
    VisitorKeys: Record<string, readonly string[]>;
    Syntax: Record<string, string>;
  };
  const babelTypes = createRequire(fromTool.resolve('@babel/traverse'))('@babel/types') as {
    VISITOR_KEYS: Record<string, readonly string[]>;
  };
  for (const [type, keys] of Object.entries(babelTypes.VISITOR_KEYS)) {
    if (estraverse.VisitorKeys[type] !== undefined) continue;
    estraverse.VisitorKeys[type] = keys;
    estraverse.Syntax[type] = type;
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing the runner's result

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberField(value: unknown, key: string): number {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'number' ? field : 0;
}

function field<T>(
  record: Record<string, unknown>,
  key: string,
  guard: (v: unknown) => v is T,
  what: string,
): T {
  const value = record[key];
  if (!guard(value))
    throw new Error(
      `Electronegativity returned an issue whose ${what} is ${JSON.stringify(value)}`,
    );
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isSeverity = (v: unknown): v is Severity => SEVERITIES.includes(v as Severity);

/** Electronegativity's issues, parsed from `unknown` with an error naming any field it lacks. */
export function parseIssues(issues: unknown): Finding[] {
  if (!Array.isArray(issues)) throw new Error('Electronegativity returned no list of issues');
  return issues.map((issue: unknown) => {
    if (!isRecord(issue)) throw new Error('Electronegativity returned an issue that is no object');
    const severity = issue['severity'];
    const confidence = issue['confidence'];
    const location = issue['location'];
    if (!isRecord(severity) || !isRecord(confidence) || !isRecord(location)) {
      throw new Error(
        `Electronegativity issue ${String(issue['id'])} lacks severity, confidence or location`,
      );
    }
    const sample = issue['sample'];
    return {
      check: field(issue, 'id', isString, 'id'),
      severity: field(severity, 'name', isSeverity, 'severity'),
      confidence: field(confidence, 'name', isString, 'confidence'),
      file: field(issue, 'file', isString, 'file'),
      line: field(location, 'line', isNumber, 'line'),
      column: field(location, 'column', isNumber, 'column'),
      sample: typeof sample === 'string' ? sample.trim() : '',
      description: String(issue['description'] ?? ''),
      manualReview: issue['manualReview'] === true,
    };
  });
}

function parseErrors(errors: unknown): ScanError[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter(isRecord).map((e) => ({
    file: String(e['file']),
    message: String(e['message']),
    tolerable: e['tolerable'] === true,
  }));
}

// ---------------------------------------------------------------------------------------------

const invokedAsScript =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  try {
    statSync(join(repoRoot, 'out'));
  } catch {
    process.stderr.write('security-scan: no out/ folder; run `npm run build` first.\n');
    process.exit(1);
  }
  const report = await scanApp();
  process.stdout.write(summarize(report));
  process.exitCode = failed(report) ? 1 : 0;
}
