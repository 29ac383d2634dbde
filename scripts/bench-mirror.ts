/**
 * Measures the SQLite contact mirror at the sizes the design promises (a million contacts, a
 * million change-log rows) and prints one JSON object per line. Run:
 *   node --experimental-strip-types scripts/bench-mirror.ts [--contacts N] [--log-rows N]
 * It works in a temporary folder and removes it afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChangeKind } from '../common/sync-types.ts';
import { openContactMirror } from '../main/adapters/sqlite/sqlite-contact-mirror.ts';
import type {
  ContactMirror,
  MirrorChange,
  MirrorRow,
  UpdatesQuery,
} from '../main/core/ports/contact-mirror.ts';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    'log-rows': { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '200' },
  },
});
const CONTACTS = Number(values.contacts);
const LOG_ROWS = Number(values['log-rows']);
const QUERY_RUNS = Number(values.runs);
const CHANGES_PER_COMMIT = 10_000;
const START_MS = Date.UTC(2025, 0, 1);

/** A small deterministic generator, so two runs measure the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(42);

/** IDs as the API might send them: mostly 8–12 digits, one in a hundred above 2^53. */
function makeIds(count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const id =
      random() < 0.01
        ? (2n ** 53n + BigInt(Math.floor(random() * 2 ** 52)) * 1024n).toString()
        : String(10_000_000 + Math.floor(random() * 999_990_000_000));
    seen.add(id);
  }
  return [...seen];
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function print(measure: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ measure, ...fields }));
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, round(performance.now() - start)];
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? NaN);
}

function baselineRows(ids: readonly string[]): MirrorRow[] {
  return ids.map((id, i) => ({
    id,
    updatedAtMs: START_MS - i * 1000,
    deleted: false,
    missing: false,
  }));
}

const KIND_MIX: readonly [ChangeKind, number][] = [
  ['updated', 0.6],
  ['added', 0.2],
  ['missing', 0.1],
  ['deleted', 0.08],
  ['restored', 0.02],
];

function pickKind(): ChangeKind {
  let roll = random();
  for (const [kind, share] of KIND_MIX) {
    if (roll < share) return kind;
    roll -= share;
  }
  return 'updated';
}

/** One sync's worth of changes on contacts picked at random. */
function changeCommit(mirror: ContactMirror, ids: readonly string[], round: number): number {
  const detectedAtMs = START_MS + round * 3_600_000;
  const upserts: MirrorRow[] = [];
  const changes: MirrorChange[] = [];
  for (let i = 0; i < CHANGES_PER_COMMIT; i += 1) {
    const id = ids[Math.floor(random() * ids.length)] as string;
    const kind = pickKind();
    const updatedAtMs = detectedAtMs - Math.floor(random() * 86_400_000);
    upserts.push({ id, updatedAtMs, deleted: kind === 'deleted', missing: kind === 'missing' });
    changes.push({ id, kind, updatedAtMs });
  }
  const [, ms] = time(() =>
    mirror.commit({
      runId: `run-${round}`,
      detectedAtMs,
      upserts,
      changes,
      answerFingerprint: `fp-${round}`,
      received: ids.length,
    }),
  );
  return ms;
}

function benchQuery(mirror: ContactMirror, name: string, query: UpdatesQuery): void {
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < QUERY_RUNS; i += 1) {
    const [page, ms] = time(() => mirror.queryUpdates(query));
    samples.push(ms);
    total = page.total;
  }
  print(`queryUpdates ${name}`, {
    medianMs: median(samples),
    maxMs: round(Math.max(...samples)),
    total,
  });
}

function fileBytes(file: string): number {
  return ['', '-wal', '-shm']
    .map((suffix) => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0))
    .reduce((a, b) => a + b, 0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mirror-'));
try {
  const file = path.join(dir, 'mirror.db');
  const ids = makeIds(CONTACTS);
  print('setup', {
    contacts: CONTACTS,
    logRows: LOG_ROWS,
    queryRuns: QUERY_RUNS,
    node: process.version,
  });

  // Baseline in ID order (as the vendor's sample lists them) into a file of its own.
  {
    const sortedFile = path.join(dir, 'sorted.db');
    const sorted = [...ids].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    const { mirror } = openContactMirror({ file: sortedFile });
    const [, ms] = time(() =>
      mirror.commit({
        runId: 'baseline',
        detectedAtMs: START_MS,
        upserts: baselineRows(sorted),
        changes: [],
        answerFingerprint: 'fp-0',
        received: CONTACTS,
      }),
    );
    print('baseline commit, IDs in order', { rows: CONTACTS, ms });
    mirror.close();
    fs.rmSync(sortedFile);
  }

  const { mirror } = openContactMirror({ file });
  const baseline = baselineRows(shuffle([...ids]));
  const [, baselineMs] = time(() =>
    mirror.commit({
      runId: 'baseline',
      detectedAtMs: START_MS,
      upserts: baseline,
      changes: [],
      answerFingerprint: 'fp-0',
      received: CONTACTS,
    }),
  );
  print('baseline commit, IDs shuffled', { rows: CONTACTS, ms: baselineMs });

  const readSamples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    let visited = 0;
    readSamples.push(time(() => mirror.readStates(() => (visited += 1)))[1]);
    if (visited !== CONTACTS) throw new Error(`readStates visited ${visited}`);
  }
  print('readStates', { rows: CONTACTS, medianMs: median(readSamples), samplesMs: readSamples });

  const [count, countMs] = time(() => mirror.count());
  print('count', { rows: count, ms: countMs });

  const commitSamples: number[] = [];
  const commits = Math.ceil(LOG_ROWS / CHANGES_PER_COMMIT);
  for (let round = 1; round <= commits; round += 1)
    commitSamples.push(changeCommit(mirror, ids, round));
  print('commit of 10,000 changes', {
    commits,
    medianMs: median(commitSamples),
    firstMs: commitSamples[0],
    lastMs: commitSamples.at(-1),
  });

  const since = START_MS + Math.floor(commits * 0.9) * 3_600_000;
  benchQuery(mirror, 'newest 100, no filter', { order: 'detected-time', limit: 100 });
  benchQuery(mirror, 'newest 100 by server time', { order: 'server-time', limit: 100 });
  benchQuery(mirror, 'newest 100, kind updated', {
    order: 'detected-time',
    limit: 100,
    kinds: ['updated'],
  });
  benchQuery(mirror, 'newest 100, kind restored', {
    order: 'detected-time',
    limit: 100,
    kinds: ['restored'],
  });
  benchQuery(mirror, 'newest 100, kinds deleted+restored by server time', {
    order: 'server-time',
    limit: 100,
    kinds: ['deleted', 'restored'],
  });
  benchQuery(mirror, 'newest 100, ID prefix 12', {
    order: 'detected-time',
    limit: 100,
    idPrefix: '12',
  });
  benchQuery(mirror, 'newest 100, ID prefix 4711', {
    order: 'detected-time',
    limit: 100,
    idPrefix: '4711',
  });
  benchQuery(mirror, 'newest 100, last 10% window', {
    order: 'detected-time',
    limit: 100,
    detectedSinceMs: since,
  });
  benchQuery(mirror, 'newest 100, last 10% window by server time', {
    order: 'server-time',
    limit: 100,
    detectedSinceMs: since,
  });
  benchQuery(mirror, 'newest 100, whole-log window (worst case for counting)', {
    order: 'detected-time',
    limit: 100,
    detectedSinceMs: START_MS,
  });
  benchQuery(mirror, 'newest 100, ID prefix 12 and last 10% window by server time', {
    order: 'server-time',
    limit: 100,
    idPrefix: '12',
    detectedSinceMs: since,
  });
  benchQuery(mirror, 'page 50 (offset 4900), no filter', {
    order: 'detected-time',
    limit: 100,
    offset: 4900,
  });

  mirror.close();
  print('database size', { bytes: fileBytes(file), mib: round(fileBytes(file) / 2 ** 20) });

  const [reopened, openMs] = time(() => openContactMirror({ file }));
  if (reopened.recovery !== null)
    throw new Error(`reopen moved the file: ${reopened.recovery.reason}`);
  print('open with quick_check', { ms: openMs });
  const [removed, retentionMs] = time(() =>
    reopened.mirror.applyRetention({ maxAgeDays: 3650, maxRows: LOG_ROWS - 100_000 }, START_MS),
  );
  print('retention, oldest past maxRows', { removed, ms: retentionMs });
  const [, closeMs] = time(() => reopened.mirror.close());
  print('close (optimize, checkpoint)', { ms: closeMs });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
