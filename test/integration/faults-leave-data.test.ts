/**
 * DESIGN.md "Data": a sync that fails at any point leaves every store exactly as it was and records
 * the failure in history. Checked with the app's real stores (settings.json, history.json,
 * mirror.sqlite in one data folder, opened by `openStores`) against every failure the simulator can
 * produce, each time after the server's data changed, so a sync that wrote anything would show.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../support/mirror-rows.ts';
import type { ErrorKind } from '../../common/amoot-types.ts';
import { STATUS_TITLES } from '../../common/status-titles.ts';
import type { SyncRunRecord } from '../../common/sync-types.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { SETTINGS_FILE } from '../../main/adapters/conf-store/open-data-dir.ts';
import { openStores, type OpenedStores } from '../../main/compose/open-stores.ts';
import { userAgentFor } from '../../main/core/amoot/client.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import type { ContactMirror, MirrorRow, UpdateRow } from '../../main/core/ports/contact-mirror.ts';
import type { SyncEngine } from '../../main/core/sync/sync-engine.ts';
import { WRONG_TYPES_VARIANTS } from '../simulator/fault-parse.ts';
import { startSimulator, type Fault, type Simulator } from '../simulator/index.ts';
import { TEST_TMP_ROOT_ENV } from '../support/global-setup.ts';
import {
  collectTestTokens,
  findTokensInFiles,
  tokensInSource,
} from '../support/no-token-in-files.ts';

const TOKEN = 'faults-token-3e8a91c2d7';
/** Stalls must end in a time-out quickly; the ordinary engine keeps a generous one. */
const SHORT_TIMEOUT_MS = 300;

interface FaultCase {
  readonly name: string;
  /** What the server does wrong, or the state the server gives the token. */
  readonly fault?: Fault;
  readonly tokenState?: string | 'removed';
  /** The class the failed run must carry (either of two where the OS decides, as for a reset). */
  readonly kinds: readonly ErrorKind[];
  readonly status?: string;
  readonly shortTimeout?: boolean;
}

const titleCases: FaultCase[] = Object.entries(STATUS_TITLES)
  .filter(([title]) => title !== 'Success')
  .map(([title, { class: kind }]) => ({
    name: `status ${title}`,
    fault: { kind: 'status', title },
    kinds: [kind as ErrorKind],
    status: title,
  }));

/**
 * Every fault kind of the simulator, and whether a sync fails through it. A kind added to `Fault`
 * does not compile here until it is placed, and then must appear in CASES (or be shown to pass).
 */
const FAULT_KINDS: Record<Fault['kind'], 'fails' | 'passes'> = {
  // Below the time-out a slow answer is still an answer; past it, it fails (a case below).
  latency: 'fails',
  'stall-after-headers': 'fails',
  'stall-before-headers': 'fails',
  'rate-limit': 'fails',
  'http-status': 'fails',
  redirect: 'fails',
  'html-200': 'fails',
  truncated: 'fails',
  reset: 'fails',
  'invalid-json': 'fails',
  'empty-body': 'fails',
  status: 'fails',
  'wrong-types': 'fails',
  'duplicate-ids': 'passes',
  bom: 'passes',
  gzip: 'passes',
};
const PASSING: readonly Fault[] = [
  { kind: 'latency', ms: 50 },
  { kind: 'duplicate-ids', count: 3 },
  { kind: 'bom' },
  { kind: 'gzip' },
];

/** Every failure: each fault kind that fails a sync, each status class, each token state class. */
const CASES: readonly FaultCase[] = [
  {
    name: 'latency past the time-out',
    fault: { kind: 'latency', ms: 3_000 },
    kinds: ['timeout'],
    shortTimeout: true,
  },
  {
    name: 'stall after headers',
    fault: { kind: 'stall-after-headers' },
    kinds: ['timeout'],
    shortTimeout: true,
  },
  {
    name: 'stall before headers',
    fault: { kind: 'stall-before-headers' },
    kinds: ['timeout'],
    shortTimeout: true,
  },
  { name: 'rate limit', fault: { kind: 'rate-limit' }, kinds: ['rate-limit'] },
  {
    name: 'redirect to another host',
    fault: {
      kind: 'redirect',
      status: 302,
      location: 'http://127.0.0.1:9/rest/ContactListUpdates',
    },
    kinds: ['protocol'],
  },
  {
    name: 'rate limit, long Retry-After',
    fault: { kind: 'rate-limit', retryAfter: '3600' },
    kinds: ['rate-limit'],
  },
  ...[500, 502, 503].map((status): FaultCase => ({
    name: `HTTP ${status}`,
    fault: { kind: 'http-status', status },
    kinds: ['server'],
  })),
  { name: 'HTTP 404', fault: { kind: 'http-status', status: 404 }, kinds: ['protocol'] },
  { name: 'HTTP 407', fault: { kind: 'http-status', status: 407 }, kinds: ['network'] },
  { name: 'HTTP 408', fault: { kind: 'http-status', status: 408 }, kinds: ['timeout'] },
  { name: 'captive portal page', fault: { kind: 'html-200' }, kinds: ['protocol'] },
  { name: 'truncated body', fault: { kind: 'truncated' }, kinds: ['protocol'] },
  { name: 'connection reset', fault: { kind: 'reset' }, kinds: ['network', 'protocol'] },
  { name: 'invalid JSON', fault: { kind: 'invalid-json' }, kinds: ['protocol'] },
  { name: 'empty body', fault: { kind: 'empty-body' }, kinds: ['protocol'] },
  ...titleCases,
  {
    name: 'unknown status title',
    fault: { kind: 'status', title: 'Brand_New_Status' },
    kinds: ['unknown'],
    status: 'Brand_New_Status',
  },
  ...WRONG_TYPES_VARIANTS.map((variant): FaultCase => ({
    name: `wrong types: ${variant}`,
    fault: { kind: 'wrong-types', variant, index: 3 },
    kinds: ['protocol'],
  })),
  { name: 'token expired', tokenState: 'Token_Expired', kinds: ['auth'], status: 'Token_Expired' },
  {
    name: 'token disabled',
    tokenState: 'Token_Disabled',
    kinds: ['auth'],
    status: 'Token_Disabled',
  },
  {
    name: 'token not allowed from this IP',
    tokenState: 'Token_NotAllowIP',
    kinds: ['auth'],
    status: 'Token_NotAllowIP',
  },
  { name: 'user disabled', tokenState: 'User_Disabled', kinds: ['auth'], status: 'User_Disabled' },
  {
    name: 'account out of credit',
    tokenState: 'CreditNotEnough',
    kinds: ['account'],
    status: 'CreditNotEnough',
  },
  {
    name: 'token unknown to the server',
    tokenState: 'removed',
    kinds: ['auth'],
    status: 'Token_NotExists',
  },
];

let sim: Simulator;
let dir: string;
let stores: OpenedStores;
let engine: SyncEngine;
let shortEngine: SyncEngine;

function engineWith(timeoutMs: number): SyncEngine {
  return createStoresEngine(stores, {
    readToken: () => Promise.resolve(TOKEN),
    fetch: globalThis.fetch,
    userAgent: userAgentFor(packageJson.version, process.platform),
    random: () => 0.5,
    // One retry, soon: a retried attempt must not write either. Retry-After over 0.1 s: none.
    retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 100 },
    timeoutMs,
  });
}

beforeAll(async () => {
  sim = await startSimulator({
    contacts: 2_000,
    seed: 23,
    bigIds: true,
    tokens: { [TOKEN]: 'valid' },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-leave-data-'));
  stores = openStores({ dir });
  const saved = stores.settings.update({ baseUrl: sim.baseUrl });
  if (!saved.ok) throw new Error(`settings refused: ${JSON.stringify(saved)}`);
  engine = engineWith(15_000);
  shortEngine = engineWith(SHORT_TIMEOUT_MS);
});
afterAll(async () => {
  stores?.close();
  await sim?.close();
  // Under the suite's global setup the folder stays for the token scan, which then removes it.
  if (dir && process.env[TEST_TMP_ROOT_ENV] === undefined)
    fs.rmSync(dir, { recursive: true, force: true });
});

/** Changes every kind of thing a sync would pick up: so a sync that wrote anything would show. */
function changeServerData(): void {
  const live = sim.records();
  const alive = live.filter((record) => !record.deleted);
  const dead = live.filter((record) => record.deleted);
  sim.update(7);
  sim.add(3);
  sim.markDeleted([alive[alive.length - 1]!.id]);
  if (dead[0]) sim.restore([dead[0].id]);
  sim.remove([alive[alive.length - 2]!.id]);
}

const byId = (a: { id: string }, b: { id: string }) => {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Everything a user could see of the mirror: every row, the whole change log, the last commit. */
function mirrorContent(mirror: ContactMirror) {
  const rows: MirrorRow[] = [];
  for (const row of readRows(mirror)) rows.push({ ...row });
  rows.sort(byId);
  const log: UpdateRow[] = [];
  let page = mirror.queryUpdates({ order: 'detected-time', limit: 1000 });
  log.push(...page.rows);
  while (log.length < page.total) {
    page = mirror.queryUpdates({ order: 'detected-time', limit: 1000, offset: log.length });
    if (page.rows.length === 0) break;
    log.push(...page.rows);
  }
  const totals = page.totalsByKind;
  return { count: mirror.count(), rows, log, totals, lastCommit: mirror.lastCommit() };
}

function allRuns(): readonly SyncRunRecord[] {
  return stores.history.list({ limit: 10_000 }).runs;
}

describe('a failed sync leaves the data as it was', () => {
  it('starts from a mirror with contacts and a change log', async () => {
    expect((await engine.run('manual')).outcome).toBe('baseline');
    changeServerData();
    const second = await engine.run('manual');
    expect(second.outcome).toBe('success');
    expect(mirrorContent(stores.mirror).log.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES)('$name', async (fault) => {
    changeServerData();
    const before = mirrorContent(stores.mirror);
    const settingsBytes = fs.readFileSync(path.join(dir, SETTINGS_FILE));
    const runsBefore = allRuns();
    if (fault.fault) sim.setFault(fault.fault);
    if (fault.tokenState === 'removed') sim.removeToken(TOKEN);
    else if (fault.tokenState !== undefined) sim.setToken(TOKEN, fault.tokenState);
    let run: SyncRunRecord;
    try {
      run = await (fault.shortTimeout ? shortEngine : engine).run('schedule');
    } finally {
      sim.setFault(null);
      sim.setToken(TOKEN, 'valid');
    }

    expect(run.outcome).toBe('failed');
    expect(run.committed).toBe(false);
    expect(fault.kinds).toContain(run.errorKind);
    if (fault.status !== undefined) expect(run.status).toBe(fault.status);
    expect(mirrorContent(stores.mirror)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, SETTINGS_FILE)).equals(settingsBytes)).toBe(true);
    const runsAfter = allRuns();
    expect(runsAfter).toHaveLength(runsBefore.length + 1);
    expect(runsAfter[0]).toEqual(run);
    expect(runsAfter.slice(1)).toEqual(runsBefore);
  });

  it('then syncs normally, and the history on disk holds every failure', async () => {
    const run = await engine.run('manual');
    expect(run.outcome).toBe('success');
    expect(run.counts?.added).toBeGreaterThan(0);
    const expected = allRuns();
    stores.close();
    stores = openStores({ dir });
    engine = engineWith(15_000);
    shortEngine = engineWith(SHORT_TIMEOUT_MS);
    expect(stores.recoveries).toEqual([]);
    expect(stores.history.list({ limit: 10_000 }).runs).toEqual(expected);
    expect(expected.filter((entry) => entry.outcome === 'failed')).toHaveLength(CASES.length);
  });

  it('covers every fault kind that fails a sync', () => {
    const failing = Object.entries(FAULT_KINDS).filter(([, outcome]) => outcome === 'fails');
    const covered = new Set(CASES.flatMap((entry) => (entry.fault ? [entry.fault.kind] : [])));
    expect([...covered].sort()).toEqual(failing.map(([kind]) => kind).sort());
    expect(PASSING.map((fault) => fault.kind).sort()).toEqual(
      [
        ...Object.entries(FAULT_KINDS)
          .filter(([, outcome]) => outcome === 'passes')
          .map(([kind]) => kind),
        'latency',
      ].sort(),
    );
  });

  it.each(PASSING)('syncs through $kind, which is no failure', async (fault) => {
    changeServerData();
    sim.setFault(fault);
    try {
      expect(await shortEngine.run('schedule')).toMatchObject({
        outcome: 'success',
        committed: true,
      });
    } finally {
      sim.setFault(null);
    }
  });

  it('wrote the token to none of the files', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(
      expect.arrayContaining(['history.json', 'mirror.sqlite', 'settings.json']),
    );
    expect(findTokensInFiles(dir, [TOKEN])).toEqual([]);
  });
});

describe('the token scanner', () => {
  it('runs with the temporary folder of the suite, inherited by this worker', () => {
    const root = process.env[TEST_TMP_ROOT_ENV];
    expect(root, 'test/support/global-setup.ts did not run').toBeDefined();
    expect(os.tmpdir()).toBe(root);
    expect(dir.startsWith(`${root}${path.sep}`)).toBe(true);
  });

  it('finds a planted token in binary bytes, also across the seam of two chunks', () => {
    const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'token-scan-self-test-'));
    try {
      const token = Buffer.from(TOKEN, 'utf8');
      const page = Buffer.alloc(4096, 0);
      page.write('SQLite format 3\0', 0, 'latin1');
      // Split by a 64-byte chunk boundary: 60 + 64 = 124 is inside the token.
      token.copy(page, 120);
      fs.mkdirSync(path.join(planted, 'nested'));
      fs.writeFileSync(path.join(planted, 'nested', 'mirror.sqlite'), page);
      fs.writeFileSync(path.join(planted, 'clean.json'), '{"theme":"dark"}');
      for (const chunkBytes of [64, 7, 1024 * 1024]) {
        expect(findTokensInFiles(planted, ['unrelated-token-000', TOKEN], { chunkBytes })).toEqual([
          { file: path.join(planted, 'nested', 'mirror.sqlite'), token: TOKEN },
        ]);
      }
      page.fill(0, 120, 120 + token.length);
      fs.writeFileSync(path.join(planted, 'nested', 'mirror.sqlite'), page);
      expect(findTokensInFiles(planted, [TOKEN], { chunkBytes: 64 })).toEqual([]);
    } finally {
      fs.rmSync(planted, { recursive: true, force: true });
    }
  });

  it('knows the tokens of the test sources, those handed to children included', () => {
    expect(
      tokensInSource(
        "const TOKEN = 'abc-token-1234';\nconst API_TOKEN: string = \"xyz-9876543\";\nconst TOKEN_SHORT = 'demo';\nrun({ AMOOT_TOKEN: 'child-token-42' });\nconst T = `${TOKEN}-suffix`;",
      ).sort(),
    ).toEqual(['abc-token-1234', 'child-token-42', 'xyz-9876543']);
    const tokens = collectTestTokens([path.resolve(import.meta.dirname, '..')]);
    expect(tokens).toContain(TOKEN);
  });
});
