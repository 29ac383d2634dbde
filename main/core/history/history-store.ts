import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { HistoryPage, HistoryStore } from '../ports/history-store.ts';
import type { StoreRecovery } from '../ports/store-recovery.ts';
import { busyError, classifyStoreFailure } from '../ports/store-error.ts';
import { UNSHARED_LOCK, type WriterLock } from '../ports/writer-lock.ts';
import { setAsideUnusable, type JsonDocument } from '../settings/json-document.ts';
import { parseRunRecord } from './parse-run-record.ts';
import { readStoredHistory } from './read-stored-history.ts';

/** The layout of the history file; a file with another version is moved aside, not guessed at. */
export const HISTORY_FORMAT_VERSION = 1;

const INTERRUPTED_MESSAGE: LocalizedMessage = Object.freeze({ key: 'sync.interrupted' });

/**
 * The sync history kept in one JSON document (`{ version, runs }`, newest first). Every change is
 * computed on a copy, written, and only then made current, so a failed write (disk full) throws
 * and leaves both the file and what `list` shows as they were.
 *
 * Another process (the cli, or the app beside it) may write the same file: every change re-reads
 * the file under the folder's writer lock and applies itself to what is there, so no process
 * writes back a stale copy over another's runs. Without the lock, a change throws `StoreError`
 * (`busy`) and writes nothing.
 */
export class DocumentHistoryStore implements HistoryStore {
  readonly #document: JsonDocument;
  readonly #limits: HistoryLimits;
  readonly #lock: WriterLock;
  #runs: readonly SyncRunRecord[];

  constructor(
    document: JsonDocument,
    runs: readonly SyncRunRecord[],
    limits: HistoryLimits,
    lock: WriterLock = UNSHARED_LOCK,
  ) {
    this.#document = document;
    this.#limits = checkHistoryLimits(limits);
    this.#lock = lock;
    this.#runs = trimToLimits(runs, this.#limits);
  }

  /** Written at once, before the sync commits anything, so a crash after it is still visible. */
  begin(run: SyncRunRecord): void {
    const parsed = checked(run, 'begin');
    if (parsed.outcome !== 'running') {
      throw new TypeError(`history.begin takes a running run, got outcome "${parsed.outcome}"`);
    }
    this.#change((runs) => {
      const index = runs.findIndex((existing) => existing.id === parsed.id);
      return index >= 0 ? runs.with(index, parsed) : [parsed, ...runs];
    });
  }

  /**
   * Replaces the running entry. If it is gone (the user cleared the history, or it was trimmed),
   * the run is put back where its start time places it rather than lost.
   */
  finish(run: SyncRunRecord): void {
    const parsed = checked(run, 'finish');
    if (parsed.outcome === 'running') {
      throw new TypeError('history.finish takes a finished run, got outcome "running"');
    }
    this.#change((current) => {
      const index = current.findIndex((existing) => existing.id === parsed.id);
      if (index >= 0) return current.with(index, parsed);
      const before = current.findIndex((existing) => existing.startedAtMs <= parsed.startedAtMs);
      const runs = [...current];
      runs.splice(before < 0 ? runs.length : before, 0, parsed);
      return runs;
    });
  }

  list(options: { limit: number; offset?: number }): HistoryPage {
    const { limit, offset = 0 } = options;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a whole number of 1 or more, got ${limit}`);
    }
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new RangeError(`offset must be a whole number of 0 or more, got ${offset}`);
    }
    const runs = this.#reread();
    return { runs: runs.slice(offset, offset + limit), total: runs.length };
  }

  /**
   * Empties the history, except runs still in progress: their entry is what lets the next start
   * notice a crash during them, and their `finish` will complete it.
   */
  clear(): void {
    this.#change((runs) => runs.filter((run) => run.outcome === 'running'));
  }

  /**
   * Only under the writer lock: a run left `running` is then one whose process is gone. While
   * another process holds the lock its running entry is alive, so nothing is marked.
   */
  recoverInterrupted(wasCommitted: (runId: string) => boolean): SyncRunRecord[] {
    const held = this.#lock.holdNow(() => {
      const recovered: SyncRunRecord[] = [];
      const runs = this.#reread().map((run) => {
        if (run.outcome !== 'running') return run;
        const interrupted: SyncRunRecord = Object.freeze({
          ...run,
          outcome: 'interrupted' as const,
          committed: wasCommitted(run.id),
          message: INTERRUPTED_MESSAGE,
        });
        recovered.push(interrupted);
        return interrupted;
      });
      if (recovered.length === 0) return recovered;
      try {
        this.#save(runs);
      } catch (error) {
        // A full disk: the entries stay `running` and are recovered by a later run; the run
        // that asked goes on, and fails on its own write with the disk's message.
        if (classifyStoreFailure(error, this.#document.path) === null) throw error;
        return [];
      }
      return recovered;
    });
    return held.ok ? held.value : [];
  }

  /** Applies `change` to the file's current runs, under the writer lock. */
  #change(change: (runs: readonly SyncRunRecord[]) => readonly SyncRunRecord[]): void {
    const held = this.#lock.holdNow(() => this.#save(change(this.#reread())));
    if (!held.ok) throw busyError();
  }

  /**
   * The runs as the file holds them now (another process may have added some). A file that has
   * become unreadable since it was opened keeps what this process last saw: it is repaired at the
   * next start, never overwritten blind.
   */
  #reread(): readonly SyncRunRecord[] {
    let stored: ReturnType<typeof readStoredHistory>;
    try {
      stored = readStoredHistory(this.#document.read(), HISTORY_FORMAT_VERSION);
    } catch {
      return this.#runs;
    }
    if (stored.ok) this.#runs = trimToLimits(stored.runs, this.#limits);
    return this.#runs;
  }

  /** Throws `StoreError` (`storage`) when the disk refuses the write; nothing changes then. */
  #save(runs: readonly SyncRunRecord[]): void {
    const next = trimToLimits(runs, this.#limits);
    try {
      this.#document.write({ version: HISTORY_FORMAT_VERSION, runs: next });
    } catch (error) {
      throw classifyStoreFailure(error, this.#document.path) ?? error;
    }
    this.#runs = next;
  }
}

function checked(run: SyncRunRecord, method: string): SyncRunRecord {
  const parsed = parseRunRecord(run);
  if (!parsed.ok) throw new TypeError(`history.${method} refused the run: ${parsed.problem}`);
  return parsed.run;
}

export interface OpenedHistory {
  readonly store: DocumentHistoryStore;
  /** Set when the file could not be read at all and was moved aside; the history started empty. */
  readonly recovery: StoreRecovery | null;
  /** Entries that could not be read and were left out (the rest were kept). */
  readonly droppedEntries: number;
  /** For the log: why each dropped entry was dropped (at most a few). */
  readonly problems: readonly string[];
  /** What to tell the user (both languages). */
  readonly messages: readonly LocalizedMessage[];
}

export interface OpenHistoryOptions {
  readonly document: JsonDocument;
  readonly maxRuns?: number;
  readonly maxBytes?: number;
  /** A recovery that already happened while the document was opened, passed through. */
  readonly recovery?: StoreRecovery | null;
  readonly clock?: Clock;
  /** The folder's writer lock; none for a history no other process can reach. */
  readonly lock?: WriterLock;
  /** Reading only: a file with the wrong layout is reported, not moved aside. */
  readonly readOnly?: boolean;
}

/**
 * Opens the history. Malformed entries are dropped one by one and counted; a file whose layout is
 * wrong as a whole (not `{ version: 1, runs: [...] }`) is moved aside and reported.
 */
export function openHistoryStore(options: OpenHistoryOptions): OpenedHistory {
  const { document } = options;
  const clock = options.clock ?? systemClock;
  const limits = checkHistoryLimits({
    maxRuns: options.maxRuns ?? DEFAULT_HISTORY_LIMITS.maxRuns,
    maxBytes: options.maxBytes ?? DEFAULT_HISTORY_LIMITS.maxBytes,
  });
  let recovery = options.recovery ?? null;
  const stored = readStoredHistory(document.read(), HISTORY_FORMAT_VERSION);
  const messages: LocalizedMessage[] = [];
  if (!stored.ok) {
    const unusable = { store: 'history', reason: stored.reason } as const;
    const how = { clock, readOnly: options.readOnly };
    recovery = setAsideUnusable(document, unusable, how, messages) ?? recovery;
  }
  const runs = stored.ok ? stored.runs : [];
  const droppedEntries = stored.ok ? stored.dropped : 0;
  if (recovery) messages.push({ key: 'history.recovered', params: { path: recovery.movedTo } });
  if (droppedEntries > 0) {
    messages.push({ key: 'history.dropped-entries', params: { count: droppedEntries } });
  }
  return {
    store: new DocumentHistoryStore(document, runs, limits, options.lock),
    recovery,
    droppedEntries,
    problems: stored.ok ? stored.problems : [],
    messages,
  };
}

export interface HistoryLimits {
  /** At most this many runs are kept. */
  readonly maxRuns: number;
  /** The runs, as compact UTF-8 JSON, take at most this many bytes. */
  readonly maxBytes: number;
}

/**
 * electron-store rewrites its whole file on every change, and the history is written twice per
 * sync, so its size is bounded in bytes as well as in runs: a few runs with long warning lists
 * cannot make every sync slower. The file on disk is indented, so it is somewhat larger than this.
 */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxRuns: 500, maxBytes: 1024 * 1024 };

/** Below this a single ordinary run would not fit, so such a limit is a configuration mistake. */
const MIN_BYTES = 4096;

export function checkHistoryLimits(limits: HistoryLimits): HistoryLimits {
  const { maxRuns, maxBytes } = limits;
  if (!Number.isSafeInteger(maxRuns) || maxRuns < 1) {
    throw new RangeError(`maxRuns must be a whole number of 1 or more, got ${maxRuns}`);
  }
  if (!Number.isSafeInteger(maxBytes) || maxBytes < MIN_BYTES) {
    throw new RangeError(
      `maxBytes must be a whole number of ${MIN_BYTES} or more, got ${maxBytes}`,
    );
  }
  return { maxRuns, maxBytes };
}

const encoder = new TextEncoder();

export function serializedBytes(run: SyncRunRecord): number {
  return encoder.encode(JSON.stringify(run)).length;
}

/**
 * Drops the oldest runs (the end of the newest-first list) until both limits hold. Two kinds of
 * entry are never dropped: the newest, so the run the user just made is always visible even if
 * it alone is over the byte limit, and runs still `running`, so a crash during them is still
 * found at the next start.
 */
export function trimToLimits(
  runs: readonly SyncRunRecord[],
  limits: HistoryLimits,
): SyncRunRecord[] {
  const sizes = runs.map(serializedBytes);
  // `[` and `]`, and one comma between each two entries.
  let bytes = 2 + sizes.reduce((sum, size) => sum + size, 0) + Math.max(0, runs.length - 1);
  let kept = runs.length;
  const dropped = new Set<number>();
  for (let index = runs.length - 1; index > 0; index -= 1) {
    if (kept <= limits.maxRuns && bytes <= limits.maxBytes) break;
    if (runs[index]?.outcome === 'running') continue;
    dropped.add(index);
    kept -= 1;
    bytes -= (sizes[index] ?? 0) + 1;
  }
  return dropped.size === 0 ? [...runs] : runs.filter((_, index) => !dropped.has(index));
}
