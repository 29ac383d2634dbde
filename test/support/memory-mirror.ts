import type {
  ContactMirror,
  LastCommit,
  MirrorCommit,
  MirrorIdentity,
  MirrorRow,
  UpdateRow,
  UpdatesPage,
  UpdatesQuery,
} from '../../main/core/ports/contact-mirror.ts';
import { CHANGE_KINDS } from '../../common/sync-types.ts';
import { packState } from '../../main/core/sync/diff.ts';

/**
 * A plain in-memory ContactMirror for unit tests of the engine and the diff: simple enough to be
 * obviously right, so it can serve as the expectation the SQLite mirror is compared with.
 */
export class MemoryMirror implements ContactMirror {
  readonly rows = new Map<string, MirrorRow>();
  readonly log: UpdateRow[] = [];
  commits = 0;
  private last: LastCommit | null = null;
  private mirrored: MirrorIdentity | null = null;

  readStates(visit: (id: string, state: number) => void): void {
    for (const row of this.rows.values())
      visit(row.id, packState(row.updatedAtMs, row.deleted, row.missing));
  }
  count(): number {
    return this.rows.size;
  }
  commit(commit: MirrorCommit): void {
    this.commits++;
    if (commit.replaceContacts) this.rows.clear();
    if (commit.identity) this.mirrored = { ...commit.identity };
    for (const row of commit.upserts)
      this.rows.set(row.id, { ...row, missing: row.missing === true });
    for (const change of commit.changes) {
      this.log.push({
        seq: this.log.length + 1,
        ...change,
        detectedAtMs: commit.detectedAtMs,
        runId: commit.runId,
      });
    }
    this.last = {
      runId: commit.runId,
      answerFingerprint: commit.answerFingerprint,
      committedAtMs: commit.detectedAtMs,
      received: commit.received,
    };
  }
  lastCommit(): LastCommit | null {
    return this.last;
  }
  identity(): MirrorIdentity | null {
    return this.mirrored;
  }
  checkpoint(): void {}
  queryUpdates(query: UpdatesQuery): UpdatesPage {
    const windowed = this.log.filter(
      (row) =>
        (query.detectedSinceMs === undefined || row.detectedAtMs >= query.detectedSinceMs) &&
        (query.idPrefix === undefined || row.id.startsWith(query.idPrefix)),
    );
    const matching = windowed.filter(
      (row) => !query.kinds?.length || query.kinds.includes(row.kind),
    );
    const key = (row: UpdateRow) =>
      query.order === 'server-time' ? row.updatedAtMs : row.detectedAtMs;
    const sorted = [...matching].sort((a, b) => key(b) - key(a) || b.seq - a.seq);
    const offset = query.offset ?? 0;
    const totalsByKind = Object.fromEntries(
      CHANGE_KINDS.map((kind) => [kind, windowed.filter((row) => row.kind === kind).length]),
    ) as UpdatesPage['totalsByKind'];
    return {
      rows: sorted.slice(offset, offset + query.limit),
      total: matching.length,
      totalsByKind,
    };
  }
  forEachUpdate(
    filter: Omit<UpdatesQuery, 'limit' | 'offset'>,
    visit: (row: UpdateRow) => void,
  ): number {
    const all = this.queryUpdates({ ...filter, limit: this.log.length + 1 }).rows;
    all.forEach(visit);
    return all.length;
  }
  applyRetention(): number {
    return 0;
  }
  close(): void {}
}
