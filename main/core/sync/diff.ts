import type { ContactUpdate } from '../../../common/amoot-types.ts';
import type { ChangeKind, SyncCounts } from '../../../common/sync-types.ts';
import type { ContactMirror, MirrorChange, MirrorUpsert } from '../ports/contact-mirror.ts';

export interface SyncDiff {
  /** The mirror was empty: this answer fills it and logs no per-contact change. */
  readonly baseline: boolean;
  readonly upserts: readonly MirrorUpsert[];
  readonly changes: MirrorChange[];
  readonly counts: SyncCounts;
}

/**
 * The mirror's state packed in one number per contact (time × 4 + deleted × 2 + missing): a
 * million contacts cost one Map of numbers instead of a million objects while the diff runs.
 */
const DELETED = 2;
const MISSING = 1;
const pack = (updatedAtMs: number, deleted: boolean, missing: boolean) =>
  updatedAtMs * 4 + (deleted ? DELETED : 0) + (missing ? MISSING : 0);
const flagsOf = (packed: number) => ((packed % 4) + 4) % 4;
const timeOf = (packed: number) => (packed - flagsOf(packed)) / 4;

/**
 * Compares an answer with the mirror. A contact can change in one way per sync, checked in this
 * order: its Deleted flag turned on (`deleted`) or off (`restored`), or its time moved
 * (`updated`). A contact that was missing and is back unchanged counts as `restored` too: it is
 * present again. Contacts in the mirror but not in the answer become `missing` once.
 */
export function diffAgainstMirror(
  records: readonly ContactUpdate[],
  mirror: ContactMirror,
): SyncDiff {
  if (mirror.count() === 0) return baselineOf(records);

  const known = new Map<string, number>();
  mirror.readAll((row) => known.set(row.id, pack(row.updatedAtMs, row.deleted, row.missing)));

  const upserts: MirrorUpsert[] = [];
  const changes: MirrorChange[] = [];
  const tally: Record<ChangeKind | 'unchanged', number> = {
    added: 0,
    updated: 0,
    deleted: 0,
    restored: 0,
    missing: 0,
    unchanged: 0,
  };

  for (const record of records) {
    const before = known.get(record.id);
    const kind =
      before === undefined ? (record.deleted ? 'deleted' : 'added') : kindOfChange(before, record);
    if (before !== undefined) known.delete(record.id);
    if (kind === null) {
      tally.unchanged++;
      continue;
    }
    tally[kind]++;
    changes.push({ id: record.id, kind, updatedAtMs: record.updatedAtMs });
    upserts.push({
      id: record.id,
      updatedAtMs: record.updatedAtMs,
      deleted: record.deleted,
      missing: false,
    });
  }

  // What is left was in the mirror and is not in this answer.
  for (const [id, packed] of known) {
    const flags = flagsOf(packed);
    if (flags & MISSING) continue;
    const updatedAtMs = timeOf(packed);
    tally.missing++;
    changes.push({ id, kind: 'missing', updatedAtMs });
    upserts.push({ id, updatedAtMs, deleted: (flags & DELETED) !== 0, missing: true });
  }

  return { baseline: false, upserts, changes, counts: { received: records.length, ...tally } };
}

function kindOfChange(before: number, record: ContactUpdate): ChangeKind | null {
  const flags = flagsOf(before);
  const wasDeleted = (flags & DELETED) !== 0;
  if (record.deleted && !wasDeleted) return 'deleted';
  if (!record.deleted && wasDeleted) return 'restored';
  if (record.updatedAtMs !== timeOf(before)) return 'updated';
  if (flags & MISSING) return 'restored';
  return null;
}

function baselineOf(records: readonly ContactUpdate[]): SyncDiff {
  // The records are written as they are: present in the answer, so not missing.
  const upserts = records;
  return {
    baseline: true,
    upserts,
    changes: [],
    counts: {
      received: records.length,
      added: records.length,
      updated: 0,
      deleted: 0,
      restored: 0,
      missing: 0,
      unchanged: 0,
    },
  };
}
