import { openStores, openStoresReadOnly, type OpenedStores } from '../compose/open-stores.ts';
import { busyError } from '../core/ports/store-error.ts';
import { writeAll } from './json-output.ts';
import type { CliContext } from './run-cli.ts';
import { cliBilingual } from './cli-wording.ts';

/** How long a writing command waits for another writer of the folder before it is refused. */
export const WRITER_WAIT_MS = 10_000;

/**
 * Opens the stores of `--data-dir` for a command that writes (`sync`) and closes them after it,
 * whatever happens. The command holds the folder's writer lock from start to end: a second sync
 * of the same folder (here or in the app) waits up to `WRITER_WAIT_MS`, then is refused with a
 * `StoreError` (`busy`). What opening had to repair (a file moved aside) goes to stderr in both
 * languages: stdout stays one JSON value for scripts. Opening failures throw `StoreOpenError`.
 */
export async function withDataDir<T>(
  dir: string,
  context: CliContext,
  use: (stores: OpenedStores) => Promise<T>,
): Promise<T> {
  const stores = openStores({ dir });
  try {
    const release = await stores.lock.acquire(WRITER_WAIT_MS);
    if (release === null) throw busyError();
    try {
      await tellMessages(stores, context);
      return await use(stores);
    } finally {
      release();
    }
  } finally {
    stores.close();
  }
}

/**
 * The same for a command that only reads (`updates`, `history`, `export`): nothing in the folder
 * is created, written or moved, and an absent folder or mirror is a `StoreOpenError` naming it.
 */
export async function readDataDir<T>(
  dir: string,
  context: CliContext,
  use: (stores: OpenedStores) => Promise<T>,
): Promise<T> {
  const stores = openStoresReadOnly(dir);
  try {
    await tellMessages(stores, context);
    return await use(stores);
  } finally {
    stores.close();
  }
}

async function tellMessages(stores: OpenedStores, context: CliContext): Promise<void> {
  for (const message of stores.messages) {
    const { en, fa } = cliBilingual(message);
    await writeAll(context.stderr, `${en}\n${fa}\n`);
  }
}
