import type { UpdatesQuery } from '../../core/ports/contact-mirror.ts';
import { MAX_PAGE_ROWS } from '../../../common/ipc/view-types.ts';
import {
  KIND_CODES,
  kindCode,
  type KindCode,
  checkArray,
  checkFiniteNumber,
  checkIdPrefix,
  checkIntegerInRange,
  checkKind,
} from './mirror-input.ts';

/** An `UpdatesQuery` checked and reduced to what the SQL needs. */
export interface SqlUpdatesFilter {
  readonly order: UpdatesQuery['order'];
  /** Kind codes to keep, ascending; empty when every kind is wanted. */
  readonly kinds: readonly KindCode[];
  readonly detectedSinceMs: number | null;
  /** Digits only; null for no prefix. */
  readonly idPrefix: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** Throws a RangeError naming the first field out of bounds. */
export function toSqlUpdatesFilter(query: UpdatesQuery): SqlUpdatesFilter {
  if (query === null || typeof query !== 'object') throw new RangeError('query must be an object');
  const order = query.order as unknown;
  if (order !== 'server-time' && order !== 'detected-time') {
    throw new RangeError(`query.order must be server-time or detected-time, got ${String(order)}`);
  }
  const chosen = new Set<KindCode>();
  if (query.kinds !== undefined) {
    checkArray(query.kinds, 'query.kinds').forEach((kind, i) => {
      chosen.add(kindCode(checkKind(kind, `query.kinds[${i}]`)));
    });
  }
  // Every kind chosen is no filter at all, and lets the totals come from the counters.
  const kinds = chosen.size === KIND_CODES.length ? [] : [...chosen].sort((a, b) => a - b);
  const detectedSinceMs =
    query.detectedSinceMs === undefined
      ? null
      : checkFiniteNumber(query.detectedSinceMs, 'query.detectedSinceMs');
  const prefix =
    query.idPrefix === undefined ? '' : checkIdPrefix(query.idPrefix, 'query.idPrefix');
  return {
    order,
    kinds,
    detectedSinceMs,
    idPrefix: prefix === '' ? null : prefix,
    limit: checkIntegerInRange(query.limit, 'query.limit', 1, MAX_PAGE_ROWS),
    offset:
      query.offset === undefined
        ? 0
        : checkIntegerInRange(query.offset, 'query.offset', 0, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * The bounds of the text range holding every ID that starts with `prefix`: IDs are digits only,
 * and ':' is the character after '9', so `[prefix, prefix + ':')` is exactly the prefix and an
 * index on the text walks only that range.
 */
export function prefixRange(prefix: string): readonly [string, string] {
  return [prefix, `${prefix}:`];
}
