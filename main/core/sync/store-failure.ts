/**
 * The stores' side of a run's failures: a full disk, a read-only file, another writer. They are
 * classified (kind `storage` or `busy`, with the store's own advice) instead of ending as "an
 * unexpected problem", and a run that could not write its result never reports success.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import { amootError, type AmootError } from '../amoot/amoot-error.ts';
import { classifyStoreFailure } from '../ports/store-error.ts';
import { describeError } from '../describe-error.ts';

/** `error` as the run's failure when it is the storage's refusal, else null. */
export function storeFailureOf(error: unknown, storePath: string): AmootError | null {
  const classified = classifyStoreFailure(error, storePath);
  if (classified === null) return null;
  const detail = describeError(error, 'message');
  return amootError(classified.kind, classified.localized, `storage: ${detail}`);
}

/** The user-facing message an error carries (`localized`, as the token vault's errors do), if any. */
export function localizedOf(error: unknown): LocalizedMessage | null {
  const localized = (error as { localized?: unknown } | null)?.localized;
  if (typeof localized !== 'object' || localized === null) return null;
  return typeof (localized as { key?: unknown }).key === 'string'
    ? (localized as LocalizedMessage)
    : null;
}

export const BUSY_FAILURE: AmootError = amootError(
  'busy',
  { key: 'store.busy' },
  'another process holds the data folder’s writer lock',
);
