/**
 * `node scripts/check-lockfile.ts [folder]`: the supply-chain check that needs no network
 * (`npm audit` cannot reach its advisory endpoint everywhere, the workflow in
 * .github/workflows/audit.yml runs it where it can). It reads package.json and package-lock.json
 * and exits 1, naming each offending package, unless
 *
 * - every package comes from the npm registry: no `resolved` at all (npm then fetches name@version
 *   from the registry; this repository's lockfile is written with omit-lockfile-registry-resolved)
 *   or one under https://registry.npmjs.org/ — never git, a tarball URL, plain http or a link;
 * - every package carries exactly one integrity hash, and it is sha512 (sha1 can be forged);
 * - the packages that want to run install scripts (`hasInstallScript`) are exactly those the
 *   manifest's `allowScripts` decides (true or false): a new one is a decision, not a surprise,
 *   and a stale entry would silently allow a later package of that name.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REGISTRY = 'https://registry.npmjs.org/';
const SHA512 = /^sha512-[A-Za-z0-9+/]{86}==$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem of the lockfile against the manifest, one line each; empty when all is well. */
export function lockfileProblems(lock: unknown, manifest: unknown): string[] {
  if (!isObject(lock) || !isObject(lock['packages'])) {
    return ['package-lock.json has no "packages" (lockfile version 2 or later is needed)'];
  }
  const allowScripts = isObject(manifest) ? manifest['allowScripts'] : undefined;
  const decided = new Map<string, unknown>(
    Object.entries(isObject(allowScripts) ? allowScripts : {}),
  );
  const problems: string[] = [];
  const withScripts = new Set<string>();

  for (const [key, entry] of Object.entries(lock['packages'])) {
    if (key === '') continue; // the project itself
    if (!isObject(entry)) {
      problems.push(`${key}: not an object`);
      continue;
    }
    const name = typeof entry['name'] === 'string' ? entry['name'] : packageName(key);
    problems.push(...entryProblems(key, entry));
    if (entry['hasInstallScript'] === true) withScripts.add(name);
  }

  for (const name of [...withScripts].sort()) {
    const decision = decided.get(name);
    if (typeof decision !== 'boolean') {
      problems.push(
        `${name}: has an install script that package.json "allowScripts" does not decide (add it as true or false)`,
      );
    }
  }
  for (const name of decided.keys()) {
    if (!withScripts.has(name)) {
      problems.push(
        `${name}: "allowScripts" names it, but no package of that name has an install script`,
      );
    }
  }
  return problems;
}

function entryProblems(key: string, entry: Json): string[] {
  const problems: string[] = [];
  const { resolved, integrity, version } = entry;
  if (entry['link'] === true) problems.push(`${key}: a link, not a package from the registry`);
  if (resolved !== undefined && !(typeof resolved === 'string' && resolved.startsWith(REGISTRY))) {
    problems.push(`${key}: resolved from ${describeSource(resolved)}, not from ${REGISTRY}`);
  }
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    problems.push(`${key}: version ${JSON.stringify(version)} is not a registry version`);
  }
  if (typeof integrity !== 'string' || !SHA512.test(integrity)) {
    problems.push(`${key}: integrity is not one sha512 hash (${describeHash(integrity)})`);
  }
  return problems;
}

/** `node_modules/a/node_modules/@scope/b` → `@scope/b`. */
function packageName(key: string): string {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** The scheme and host of a source, enough to see what is wrong without echoing a whole URL. */
function describeSource(resolved: unknown): string {
  if (typeof resolved !== 'string') return 'nothing readable';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(resolved)?.[1];
  if (scheme === undefined) return `a path (${resolved.slice(0, 60)})`;
  try {
    return `${scheme}://${new URL(resolved).host}`;
  } catch {
    return `${scheme}:`;
  }
}

function describeHash(integrity: unknown): string {
  if (typeof integrity !== 'string') return 'none';
  return integrity
    .split(/\s+/)
    .map((hash) => hash.split('-')[0])
    .join(', ');
}

const invokedAsScript =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  const folder = resolve(process.argv[2] ?? '.');
  const read = (file: string): unknown => JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const problems = lockfileProblems(read('package-lock.json'), read('package.json'));
  if (problems.length === 0) {
    process.stdout.write(
      'check-lockfile: every package from the registry, sha512, scripts decided\n',
    );
  } else {
    process.stderr.write(`check-lockfile: ${problems.length} problem(s)\n${problems.join('\n')}\n`);
    process.exitCode = 1;
  }
}
