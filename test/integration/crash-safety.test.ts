/**
 * DESIGN.md "Data": a sync commits once, at the very end, and history is written before and after
 * it, so killing the app at any moment must leave stores that open cleanly and agree with each
 * other. A child process (test/support/sync-child.ts) opens a data folder exactly as the cli does
 * and syncs in a loop; it is killed with SIGKILL hundreds of times, at moments spread over opening,
 * fetching, diffing, committing and writing history, and after every kill the folder is checked.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// SQLite as Node bundles it: an independent reader of the file the child left behind.
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../support/mirror-rows.ts';
import type { SyncRunRecord } from '../../common/sync-types.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { MIRROR_FILE, openStores, type OpenedStores } from '../../main/compose/open-stores.ts';
import { userAgentFor } from '../../main/core/amoot/client.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import type { MirrorRow } from '../../main/core/ports/contact-mirror.ts';
import { recoverInterruptedRuns } from '../../main/core/sync/sync-engine.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { createPrng, type Prng } from '../simulator/prng.ts';
import { TEST_TMP_ROOT_ENV } from '../support/global-setup.ts';
import { findTokensInFiles } from '../support/no-token-in-files.ts';
import type { ChildStep } from '../support/sync-child.ts';

const TOKEN = 'crash-safety-token-b71e0c94';
const CONTACTS = 20_000;
const LANES = 2;
const KILLS_PER_LANE = 100;
const CHILD = path.resolve(import.meta.dirname, '../support/sync-child.ts');
/** Every wait on a child is bounded: a hung child fails the test instead of hanging it. */
const CHILD_DEADLINE_MS = 30_000;

/** Where a kill is aimed: a random delay after the child announced a step (or after the spawn). */
interface Aim {
  readonly after: ChildStep | 'spawn';
  readonly maxDelayMs: number;
  readonly weight: number;
}
/**
 * Measured on 2 cores, one sync of 30 000 contacts (the test now uses 20 000): start ~0.2–0.5 s, fetch ~0.5 s, diff ~50 ms,
 * commit 2–60 ms, history a few ms. The short windows get their own aims so kills land in each.
 */
const AIMS: readonly Aim[] = [
  { after: 'spawn', maxDelayMs: 800, weight: 3 },
  { after: 'opening', maxDelayMs: 50, weight: 2 },
  { after: 'connecting', maxDelayMs: 350, weight: 1 },
  { after: 'comparing', maxDelayMs: 60, weight: 1 },
  { after: 'saving', maxDelayMs: 40, weight: 3 },
  { after: 'committed', maxDelayMs: 6, weight: 2 },
  { after: 'finished', maxDelayMs: 6, weight: 1 },
];

/** The phase a kill landed in, from the last step the child announced. */
const PHASE_OF: Record<ChildStep | 'none', string> = {
  none: 'starting node',
  opening: 'opening the stores',
  opened: 'writing history (run start)',
  connecting: 'fetching',
  downloading: 'fetching',
  comparing: 'diffing',
  saving: 'committing',
  committed: 'retention and history (run end)',
  finished: 'writing history (run start)',
};

let sim: Simulator;
let mutating = false;
let compileCache: string;
const laneDirs: string[] = [];
const stats = {
  beforeOwnCommit: 0,
  afterOwnCommit: 0,
  emptyMirror: 0,
  phases: new Map<string, number>(),
};

/** The server's data, followed so random picks never name a removed contact. */
let live: bigint[] = [];
const deleted = new Set<bigint>();
const changes = createPrng(0x5eed);

function pickIds(prng: Prng, from: readonly bigint[], count: number): bigint[] {
  const chosen = new Set<bigint>();
  for (let tries = 0; chosen.size < Math.min(count, from.length) && tries < count * 4; tries++) {
    chosen.add(from[prng.int(from.length)] as bigint);
  }
  return [...chosen];
}

/** A seeded mix of every kind of change, made before each answer: every sync has real work. */
function changeServerData(): void {
  sim.update(200 + changes.int(1_300));
  live.push(...sim.add(changes.int(60)));
  const toDelete = pickIds(changes, live, changes.int(25)).filter((id) => !deleted.has(id));
  sim.markDeleted(toDelete);
  for (const id of toDelete) deleted.add(id);
  const toRestore = pickIds(changes, [...deleted], changes.int(20));
  sim.restore(toRestore);
  for (const id of toRestore) deleted.delete(id);
  const toRemove = new Set(pickIds(changes, live, changes.int(12)));
  sim.remove([...toRemove]);
  for (const id of toRemove) deleted.delete(id);
  live = live.filter((id) => !toRemove.has(id));
}

beforeAll(async () => {
  sim = await startSimulator({
    contacts: CONTACTS,
    seed: 41,
    bigIds: true,
    tokens: { [TOKEN]: 'valid' },
    // Called for each request, before it is answered.
    log: () => {
      if (mutating) changeServerData();
    },
  });
  for (const record of sim.records()) {
    live.push(record.id);
    if (record.deleted) deleted.add(record.id);
  }
  // A killed process never writes Node's compile cache; one that exits does. Without a data folder
  // the child loads every module, then exits with its usage message, filling the cache.
  compileCache = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-safety-compile-cache-'));
  const usage = await runChild([], null);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('usage');
});
afterAll(async () => {
  await sim?.close();
  // Under the suite's global setup the folders stay for the token scan, which then removes them.
  if (process.env[TEST_TMP_ROOT_ENV] === undefined) {
    for (const dir of [...laneDirs, compileCache])
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
});

function engineFor(stores: OpenedStores) {
  return createStoresEngine(stores, {
    readToken: () => Promise.resolve(TOKEN),
    fetch: globalThis.fetch,
    userAgent: userAgentFor(packageJson.version, process.platform),
  });
}

interface Step {
  readonly step: ChildStep;
  readonly detail: string;
}
interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly steps: Step[];
  readonly stderr: string;
}

/**
 * Runs the child on `args`; when `aim` is given, kills it with SIGKILL `delayMs` after the aimed-at
 * step (or after a backstop, if that step never comes). Resolves once the process is gone and its
 * output is read to the end.
 */
function runChild(args: string[], aim: Aim | null, delayMs = 0): Promise<ChildEnd> {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', CHILD, ...args],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        TMPDIR: os.tmpdir(),
        NODE_COMPILE_CACHE: compileCache,
        AMOOT_TOKEN: TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const steps: Step[] = [];
  let stderr = '';
  let partial = '';
  const timers: ReturnType<typeof setTimeout>[] = [];
  const kill = () => child.kill('SIGKILL');
  const killAfter = (ms: number) => timers.push(setTimeout(kill, ms));
  // The backstop: a child that never reaches the aimed-at step is killed all the same.
  timers.push(setTimeout(kill, CHILD_DEADLINE_MS / 2));
  if (aim?.after === 'spawn') killAfter(delayMs);
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const [step = '', ...rest] = line.split(' ');
      const seen = steps.some((earlier) => earlier.step === step);
      steps.push({ step: step as ChildStep, detail: rest.join(' ') });
      if (aim !== null && step === aim.after && !seen) killAfter(delayMs);
    }
  });
  return new Promise<ChildEnd>((resolve, reject) => {
    const deadline = setTimeout(() => {
      kill();
      reject(new Error(`the sync child did not end within ${CHILD_DEADLINE_MS} ms:\n${stderr}`));
    }, CHILD_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      for (const timer of timers) clearTimeout(timer);
      resolve({ code, signal, steps, stderr });
    });
  });
}

function claimsLanded(run: SyncRunRecord): boolean {
  return (
    run.outcome === 'success' ||
    run.outcome === 'baseline' ||
    (run.outcome === 'interrupted' && run.committed)
  );
}

/** The checks are synchronous; between them, the simulator answers the other lane's child. */
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Everything a kill must not break. Returns the mirror's last commit, after start-up recovery. */
async function checkAfterKill(
  dir: string,
  steps: readonly Step[],
  before: string | null,
): Promise<string | null> {
  const opened = steps.find((s) => s.step === 'opened');
  // The child found what the previous check left: nothing to repair, nothing left running.
  if (opened) expect(opened.detail).toBe('recovered=0 recoveries=0');
  const file = path.join(dir, MIRROR_FILE);
  if (fs.existsSync(file)) {
    // A normal (not immutable) read-only connection: it reads through the WAL the child left.
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      db.close();
    }
  }
  await yieldToServer();
  const stores = openStores({ dir });
  try {
    expect(stores.recoveries).toEqual([]);
    expect(stores.messages).toEqual([]);
    recoverInterruptedRuns(stores.history, stores.mirror);
    const runs = stores.history.list({ limit: 10_000 }).runs;
    // No run is left running, and none failed: the server was healthy all along.
    expect(runs.filter((run) => run.outcome === 'running' || run.outcome === 'failed')).toEqual([]);
    const last = stores.mirror.lastCommit();
    // The newest run that says its changes landed is the one whose commit is in the mirror.
    expect(runs.find(claimsLanded)?.id ?? null).toBe(last?.runId ?? null);
    const reported = steps.findLastIndex((s) => s.step === 'committed');
    if ((last?.runId ?? null) !== before || reported >= 0) {
      // A commit can only land after the child said it was saving that run, and no commit the
      // child reported may be missing from the file.
      const saving = steps.findLastIndex((s) => s.step === 'saving' && s.detail === last?.runId);
      expect(saving).toBeGreaterThanOrEqual(0);
      expect(saving).toBeGreaterThanOrEqual(reported - 1);
    }
    if (last === null) return null;
    // Nothing before a commit writes contact rows; after one, rows and last-commit record must
    // come from the same transaction.
    if (!steps.some((s) => s.step === 'saving')) return last.runId;
    await yieldToServer();
    let present = 0;
    for (const row of readRows(stores.mirror)) present += row.missing ? 0 : 1;
    expect(present).toBe(last.received);
    return last.runId;
  } finally {
    stores.close();
  }
}

function pickAim(prng: Prng): Aim {
  let roll = prng.next() * AIMS.reduce((sum, aim) => sum + aim.weight, 0);
  for (const aim of AIMS) {
    roll -= aim.weight;
    if (roll < 0) return aim;
  }
  return AIMS[0] as Aim;
}

async function runLane(lane: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `crash-safety-lane-${lane}-`));
  laneDirs.push(dir);
  const setup = openStores({ dir });
  // A small change-log cap, so retention (a write after the commit) runs in most syncs as well.
  const saved = setup.settings.update({ baseUrl: sim.baseUrl, changeLogMaxRows: 5_000 });
  setup.close();
  expect(saved.ok).toBe(true);
  const prng = createPrng(0xc0ffee + lane);
  let lastCommit: string | null = null;
  for (let round = 0; round < KILLS_PER_LANE; round++) {
    const aim = pickAim(prng);
    const end = await runChild(['--data-dir', dir], aim, prng.next() * aim.maxDelayMs);
    if (end.signal !== 'SIGKILL') {
      throw new Error(`the sync child ended by itself (code ${end.code}):\n${end.stderr}`);
    }
    const after = await checkAfterKill(dir, end.steps, lastCommit);
    const phase = PHASE_OF[end.steps.at(-1)?.step ?? 'none'];
    stats.phases.set(phase, (stats.phases.get(phase) ?? 0) + 1);
    if (after === lastCommit) stats.beforeOwnCommit++;
    else stats.afterOwnCommit++;
    if (after === null) stats.emptyMirror++;
    lastCommit = after;
  }
}

/** The server's `UpdateDateTime` (Tehran wall clock, UTC+03:30) as epoch ms, to the millisecond. */
function tehranToEpochMs(text: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,7}))?$/.exec(text);
  if (!match) throw new Error(`not a server time: ${text}`);
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0').slice(0, 3));
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - 3.5 * 3_600_000;
}

describe('killing a sync at any moment', () => {
  it(
    `leaves sound stores that agree, ${LANES * KILLS_PER_LANE} kills`,
    { timeout: 300_000 },
    async () => {
      mutating = true;
      try {
        await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane)));
      } finally {
        mutating = false;
      }
      const phases = [...stats.phases].map(([phase, n]) => `${phase} ${n}`).join(', ');
      console.log(
        `crash-safety: ${LANES * KILLS_PER_LANE} kills; ${stats.beforeOwnCommit} before the killed child's first commit, ${stats.afterOwnCommit} after (${stats.emptyMirror} while the mirror was still empty); by phase: ${phases}`,
      );
      expect(stats.beforeOwnCommit + stats.afterOwnCommit).toBe(LANES * KILLS_PER_LANE);
    },
  );

  it('then syncs cleanly, and the mirror equals the server exactly', async () => {
    expect(laneDirs).toHaveLength(LANES);
    for (const dir of laneDirs) {
      const stores = openStores({ dir });
      try {
        const engine = engineFor(stores);
        recoverInterruptedRuns(stores.history, stores.mirror);
        const run = await engine.run('manual');
        expect(run).toMatchObject({ outcome: 'success', committed: true });
        const rows = new Map<string, MirrorRow>();
        for (const row of readRows(stores.mirror)) rows.set(row.id, row);
        const served = sim.records();
        const wrong: unknown[] = [];
        for (const record of served) {
          const id = record.id.toString();
          const expected = {
            id,
            updatedAtMs: tehranToEpochMs(record.updateDateTime),
            deleted: record.deleted,
            missing: false,
          };
          const row = rows.get(id);
          const actual = row && {
            id: row.id,
            updatedAtMs: row.updatedAtMs,
            deleted: row.deleted,
            missing: row.missing,
          };
          if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push({ expected, actual });
          rows.delete(id);
        }
        // What the server no longer sends is kept, marked missing.
        for (const row of rows.values()) if (!row.missing) wrong.push({ expected: 'missing', row });
        expect(wrong.slice(0, 5)).toEqual([]);
        expect(run.counts?.received).toBe(served.length);
      } finally {
        stores.close();
      }
      expect(findTokensInFiles(dir, [TOKEN])).toEqual([]);
    }
  });
});
