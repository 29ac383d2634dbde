import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../../../common/sync-types.ts';
import { serializedBytes, trimToLimits } from '../../../../main/core/history/history-store.ts';

function run(id: number, outcome: 'running' | 'failed', status: string): SyncRunRecord {
  return {
    id: `r${id}`,
    trigger: 'manual',
    startedAtMs: id,
    durationMs: outcome === 'running' ? null : 10,
    attempts: 1,
    outcome,
    status,
    errorKind: null,
    message: null,
    counts: null,
    committed: false,
    warnings: [],
  };
}

const runsArbitrary = fc
  .array(
    fc.record({
      running: fc.boolean(),
      status: fc.string({ unit: fc.constantFrom('a', 'ب', '✓'), maxLength: 3000 }),
    }),
    { maxLength: 40 },
  )
  .map((specs) =>
    specs.map((spec, index) =>
      run(
        specs.length - index,
        spec.running && index % 5 === 0 ? 'running' : 'failed',
        spec.status,
      ),
    ),
  );

const limitsArbitrary = fc.record({
  maxRuns: fc.integer({ min: 1, max: 30 }),
  maxBytes: fc.integer({ min: 4096, max: 60_000 }),
});

const bytesOf = (runs: readonly SyncRunRecord[]) => Buffer.byteLength(JSON.stringify(runs), 'utf8');

describe('trimToLimits', () => {
  it('drops the oldest droppable runs first, and only as many as the limits need', () => {
    fc.assert(
      fc.property(runsArbitrary, limitsArbitrary, (runs, limits) => {
        const kept = trimToLimits(runs, limits);
        const keptIds = new Set(kept.map((r) => r.id));
        // An order-preserving selection of the input.
        expect(kept).toEqual(runs.filter((r) => keptIds.has(r.id)));
        // The newest run and every running one survive.
        if (runs.length > 0) expect(keptIds.has(runs[0]!.id)).toBe(true);
        for (const r of runs) if (r.outcome === 'running') expect(keptIds.has(r.id)).toBe(true);
        const dropped = runs.filter((r) => !keptIds.has(r.id));
        if (dropped.length === 0) return;
        // Within both limits now, unless only runs that are never dropped are left…
        if (kept.length > limits.maxRuns || bytesOf(kept) > limits.maxBytes) {
          kept.forEach((r, i) => expect(i === 0 || r.outcome === 'running').toBe(true));
        }
        // …oldest first: no kept finished run (other than the newest) is older than a dropped one…
        const youngestDropped = runs.indexOf(dropped[0]!);
        kept.forEach((r, i) => {
          if (i > 0 && r.outcome !== 'running')
            expect(runs.indexOf(r)).toBeLessThan(youngestDropped);
        });
        // …and putting back the youngest dropped run would break a limit.
        const withIt = runs.filter((r) => keptIds.has(r.id) || r === dropped[0]);
        expect(withIt.length > limits.maxRuns || bytesOf(withIt) > limits.maxBytes).toBe(true);
      }),
    );
  });

  it('counts the bytes of a run exactly as its JSON weighs in UTF-8', () => {
    fc.assert(
      fc.property(runsArbitrary, (runs) => {
        for (const r of runs) expect(serializedBytes(r)).toBe(Buffer.byteLength(JSON.stringify(r)));
      }),
    );
  });
});
