import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../../../common/sync-types.ts';
import { openConfDocument } from '../../../../main/adapters/conf-store/conf-document.ts';
import { serializedBytes, openHistoryStore } from '../../../../main/core/history/history-store.ts';

const clock = { nowMs: () => Date.UTC(2026, 10, 27, 5, 45, 0), monotonicMs: () => 0 };
const STAMP = '20261127T054500Z';
const TOKEN = 'amoot-token-4f1c9a7e0b';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-store-'));
  file = path.join(dir, 'history.json');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(limits: { maxRuns?: number; maxBytes?: number } = {}) {
  const opened = openConfDocument({ dir, store: 'history', clock });
  return openHistoryStore({ ...opened, ...limits, clock });
}

function running(id: string, startedAtMs = Number(id.replace(/\D/g, '')) || 1): SyncRunRecord {
  return {
    id,
    trigger: 'schedule',
    startedAtMs,
    durationMs: null,
    attempts: 0,
    outcome: 'running',
    status: null,
    errorKind: null,
    message: null,
    counts: null,
    committed: false,
    warnings: [],
  };
}

function succeeded(run: SyncRunRecord): SyncRunRecord {
  return {
    ...run,
    durationMs: 1200,
    attempts: 1,
    outcome: 'success',
    status: 'Success',
    counts: {
      received: 3,
      added: 1,
      updated: 1,
      deleted: 0,
      restored: 0,
      missing: 0,
      unchanged: 1,
    },
    committed: true,
    warnings: [{ key: 'warning.duplicate-ids', params: { count: 2 } }],
  };
}

function storedRuns(): SyncRunRecord[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: SyncRunRecord[] }).runs;
}

const ids = (runs: readonly SyncRunRecord[]) => runs.map((run) => run.id);

describe('history: a run from begin to finish', () => {
  it('writes the running entry at once, so it is on disk before the sync commits anything', () => {
    open().store.begin(running('r1'));
    expect(storedRuns()).toEqual([running('r1')]);
    expect(open().store.list({ limit: 10 })).toEqual({ runs: [running('r1')], total: 1 });
  });

  it('replaces the running entry by the finished one', () => {
    const { store } = open();
    store.begin(running('r1'));
    store.finish(succeeded(running('r1')));
    expect(storedRuns()).toEqual([succeeded(running('r1'))]);
    expect(store.list({ limit: 10 }).runs).toEqual([succeeded(running('r1'))]);
  });

  it("keeps a rate-limited run's Retry-After for the scheduler; entries without one still load", () => {
    const { store } = open();
    const limited: SyncRunRecord = {
      ...running('r2'),
      durationMs: 40,
      attempts: 1,
      outcome: 'failed',
      errorKind: 'rate-limit',
      message: { key: 'error.rate-limit', params: { seconds: 90 } },
      retryAfterMs: 90_000,
    };
    store.begin(running('r1'));
    store.finish(succeeded(running('r1')));
    store.begin(running('r2'));
    store.finish(limited);
    expect(open().store.list({ limit: 10 }).runs).toEqual([limited, succeeded(running('r1'))]);
  });

  it('lists newest first and pages through the runs', () => {
    const { store } = open();
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) store.begin(running(id));
    expect(store.list({ limit: 2 })).toEqual({ runs: [running('r5'), running('r4')], total: 5 });
    expect(ids(store.list({ limit: 2, offset: 2 }).runs)).toEqual(['r3', 'r2']);
    expect(ids(store.list({ limit: 2, offset: 4 }).runs)).toEqual(['r1']);
    expect(store.list({ limit: 2, offset: 9 })).toEqual({ runs: [], total: 5 });
    expect(() => store.list({ limit: 0 })).toThrow(RangeError);
    expect(() => store.list({ limit: 5, offset: -1 })).toThrow(RangeError);
    expect(() => store.list({ limit: 1.5 })).toThrow(RangeError);
  });

  it('puts a finished run back where its start time belongs if its entry is gone', () => {
    const { store } = open();
    store.begin(running('r10'));
    store.clear();
    store.finish(succeeded(running('r30')));
    store.finish(succeeded(running('r20')));
    store.finish(succeeded(running('r10')));
    expect(ids(storedRuns())).toEqual(['r30', 'r20', 'r10']);
  });

  it('refuses a begin that is not running and a finish that still is', () => {
    const { store } = open();
    expect(() => store.begin(succeeded(running('r1')))).toThrow(TypeError);
    expect(() => store.finish(running('r1'))).toThrow(TypeError);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a malformed record, naming the field, and leaves the file untouched', () => {
    const { store } = open();
    store.begin(running('r1'));
    const before = fs.readFileSync(file);
    const bad = { ...running('r2'), trigger: 'whenever' } as unknown as SyncRunRecord;
    expect(() => store.begin(bad)).toThrow(/trigger/);
    const badCounts = { ...succeeded(running('r1')), counts: { received: -1 } };
    expect(() => store.finish(badCounts as unknown as SyncRunRecord)).toThrow(/counts/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('writes only the fields of a run record: nothing else (a token above all) gets in', () => {
    const { store } = open();
    store.begin({ ...running('r1'), token: TOKEN } as SyncRunRecord);
    store.finish({
      ...succeeded(running('r1')),
      headers: { Authorization: TOKEN },
    } as SyncRunRecord);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
    expect(storedRuns()).toEqual([succeeded(running('r1'))]);
  });
});

describe('history: recovering runs interrupted by a crash', () => {
  it('marks running entries interrupted, with committed from the mirror, and saves that', () => {
    const first = open().store;
    first.begin(running('r1'));
    first.finish(succeeded(running('r1')));
    first.begin(running('r2'));
    first.begin(running('r3'));
    // The app stops here; at the next start:
    const { store } = open();
    const recovered = store.recoverInterrupted((id) => id === 'r3');
    expect(recovered).toEqual([
      {
        ...running('r3'),
        outcome: 'interrupted',
        committed: true,
        message: { key: 'sync.interrupted' },
      },
      {
        ...running('r2'),
        outcome: 'interrupted',
        committed: false,
        message: { key: 'sync.interrupted' },
      },
    ]);
    expect(storedRuns()).toEqual([...recovered, succeeded(running('r1'))]);
    expect(store.recoverInterrupted(() => true)).toEqual([]);
  });

  it('does not write when nothing was running', () => {
    const { store } = open();
    expect(store.recoverInterrupted(() => true)).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('history: clear', () => {
  it('empties the history on disk, keeping only a run still in progress', () => {
    const { store } = open();
    store.begin(running('r1'));
    store.finish(succeeded(running('r1')));
    store.begin(running('r2'));
    store.clear();
    expect(store.list({ limit: 10 })).toEqual({ runs: [running('r2')], total: 1 });
    expect(storedRuns()).toEqual([running('r2')]);
    store.finish(succeeded(running('r2')));
    store.clear();
    expect(storedRuns()).toEqual([]);
    expect(open().store.list({ limit: 10 }).total).toBe(0);
  });
});

describe('history: bounds', () => {
  it('keeps at most maxRuns, dropping the oldest first', () => {
    const { store } = open({ maxRuns: 3 });
    for (let n = 1; n <= 5; n += 1) {
      store.begin(running(`r${n}`));
      store.finish(succeeded(running(`r${n}`)));
    }
    expect(ids(storedRuns())).toEqual(['r5', 'r4', 'r3']);
    expect(store.list({ limit: 10 }).total).toBe(3);
  });

  it('defaults to 500 runs', () => {
    const older = Array.from({ length: 504 }, (_, i) => succeeded(running(`r${504 - i}`)));
    fs.writeFileSync(file, JSON.stringify({ version: 1, runs: older }));
    const { store } = open();
    store.finish(succeeded(running('r505')));
    const runs = storedRuns();
    expect(runs).toHaveLength(500);
    expect(runs[0]?.id).toBe('r505');
    expect(runs.at(-1)?.id).toBe('r6');
  });

  it('keeps the runs within maxBytes of JSON, dropping the oldest first', () => {
    const { store } = open({ maxBytes: 8192 });
    const bulky = (n: number): SyncRunRecord => ({
      ...succeeded(running(`r${n}`)),
      message: {
        key: 'error.protocol.shape',
        params: { path: 'Data[0]', problem: 'x'.repeat(900) },
      },
    });
    for (let n = 1; n <= 30; n += 1) store.finish(bulky(n));
    const runs = storedRuns();
    expect(Buffer.byteLength(JSON.stringify(runs))).toBeLessThanOrEqual(8192);
    expect(runs.length).toBeGreaterThan(5);
    expect(runs.length).toBeLessThan(30);
    expect(runs[0]?.id).toBe('r30');
    expect(ids(runs)).toEqual(runs.map((_, index) => `r${30 - index}`));
  });

  it('measures bytes as UTF-8, so Persian text counts for what it weighs', () => {
    const persian = { ...running('r1'), status: 'وضعیت' };
    expect(serializedBytes(persian)).toBe(Buffer.byteLength(JSON.stringify(persian), 'utf8'));
  });

  it('never drops the newest run nor a run still in progress', () => {
    const { store } = open({ maxRuns: 1, maxBytes: 4096 });
    store.begin(running('r1'));
    store.finish({ ...succeeded(running('r2')), status: 'y'.repeat(6000) });
    expect(ids(storedRuns())).toEqual(['r2', 'r1']);
  });

  it('refuses limits that could not hold an ordinary run', () => {
    const opened = openConfDocument({ dir, store: 'history', clock });
    expect(() => openHistoryStore({ ...opened, maxRuns: 0 })).toThrow(RangeError);
    expect(() => openHistoryStore({ ...opened, maxBytes: 100 })).toThrow(RangeError);
  });
});

describe('history file read from disk', () => {
  function writeFile(value: unknown) {
    fs.writeFileSync(file, JSON.stringify(value));
  }

  it('drops only the malformed entries, counts them, and tells the user', () => {
    writeFile({
      version: 1,
      runs: [
        succeeded(running('r5')),
        { ...running('r4'), outcome: 'exploded' },
        'not an entry',
        succeeded(running('r3')),
        { ...succeeded(running('r2')), message: { key: 'no.such.message' } },
        { ...running('r5') },
        { ...succeeded(running('r1')), extra: 'ignored' },
      ],
    });
    const opened = open();
    expect(opened.recovery).toBeNull();
    expect(opened.droppedEntries).toBe(4);
    expect(opened.problems).toEqual([
      'runs[1]: outcome is not known',
      'runs[2]: entry is not an object',
      'runs[4]: message.key is not a known message',
      'runs[5]: the same id as a newer entry',
    ]);
    expect(opened.messages).toEqual([{ key: 'history.dropped-entries', params: { count: 4 } }]);
    expect(ids(opened.store.list({ limit: 10 }).runs)).toEqual(['r5', 'r3', 'r1']);
    expect(opened.store.list({ limit: 10 }).runs[2]).toEqual(succeeded(running('r1')));
  });

  it.each([
    ['a runs field that is not a list', { version: 1, runs: { r1: {} } }, '"runs" is not a list'],
    ['a newer layout', { version: 2, runs: [] }, 'layout version is 2; this app reads version 1'],
    ['no version', { runs: [] }, 'layout version is missing; this app reads version 1'],
    [
      'another file entirely',
      { contactGroupId: '0' },
      'layout version is missing; this app reads version 1',
    ],
  ])('moves aside %s, keeping its bytes, and starts an empty history', (_name, value, reason) => {
    writeFile(value);
    const bytes = fs.readFileSync(file);
    const opened = open();
    const movedTo = `${file}.corrupt-${STAMP}`;
    expect(opened.recovery).toEqual({ store: 'history', movedTo, reason, atMs: clock.nowMs() });
    expect(opened.messages).toEqual([{ key: 'history.recovered', params: { path: movedTo } }]);
    expect(fs.readFileSync(movedTo).equals(bytes)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(opened.store.list({ limit: 10 }).total).toBe(0);
    opened.store.begin(running('r1'));
    expect(storedRuns()).toEqual([running('r1')]);
    expect(fs.readFileSync(movedTo).equals(bytes)).toBe(true);
  });
});
