import { openStores, type OpenedStores } from '../compose/open-stores.ts';
import { writeAll } from './json-output.ts';
import type { CliContext } from './run-cli.ts';
import { bilingual } from '../../common/i18n/format-message.ts';

/**
 * Opens the stores of `--data-dir` for one command and closes them after it, whatever happens.
 * What opening had to repair (a file moved aside) goes to stderr in both languages: stdout stays
 * one JSON value for scripts.
 */
export async function withDataDir<T>(
  dir: string,
  context: CliContext,
  use: (stores: OpenedStores) => Promise<T>,
): Promise<T> {
  const stores = openStores({ dir });
  try {
    for (const message of stores.messages) {
      const { en, fa } = bilingual(message);
      await writeAll(context.stderr, `${en}\n${fa}\n`);
    }
    return await use(stores);
  } finally {
    stores.close();
  }
}
