/**
 * "Export CSV" from the Updates view: main asks where to save (the page never names a path, so
 * it cannot write anywhere by itself), then streams the matching changes from the mirror into the
 * file with the same writer as the cli.
 */
import { extname, join } from 'node:path';
import type { ExportCsvResult } from '../../../common/ipc/contract.ts';
import type { UpdatesFilter } from '../../../common/ipc/view-types.ts';
import { formatMessage, type Language } from '../../../common/i18n/format-message.ts';
import { ExportTargetError } from '../../core/export/export-target.ts';
import { CANCELLED } from '../../core/ports/confirm.ts';
import type { WriteUpdatesCsvFile } from '../../sync-worker/worker-export.ts';
import type { Logger } from '../logging/logging.ts';
import { describeError } from '../../core/describe-error.ts';

/** The options this passes to Electron's save dialog. */
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly buttonLabel: string;
  readonly filters: { name: string; extensions: string[] }[];
  readonly properties: ['createDirectory', 'showOverwriteConfirmation'];
}

export interface ExportDeps {
  /** `dialog.showSaveDialog`, attached to the window when one is open. */
  readonly showSaveDialog: (
    request: SaveDialogRequest,
  ) => Promise<{ canceled: boolean; filePath?: string }>;
  /** Writes the file: in a sync process in the app, in this process for tests and tools. */
  readonly writeCsv: WriteUpdatesCsvFile;
  /** Where the dialog starts: `app.getPath('documents')`. */
  readonly folder: () => string;
  readonly language: () => Language;
  readonly now: () => number;
  readonly log: Logger;
}

export async function exportUpdatesCsv(
  filter: UpdatesFilter,
  deps: ExportDeps,
): Promise<ExportCsvResult> {
  const language = deps.language();
  const answer = await deps.showSaveDialog({
    title: formatMessage(language, 'app.export.dialog-title'),
    defaultPath: join(deps.folder(), defaultFileName(deps.now())),
    buttonLabel: formatMessage(language, 'app.export.dialog-button'),
    filters: [{ name: formatMessage(language, 'app.export.file-type'), extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (answer.canceled || answer.filePath === undefined || answer.filePath === '') {
    return CANCELLED;
  }
  // Linux file dialogs add no extension by themselves, and Excel opens a CSV by its extension.
  // The dialog asked about replacing the name it returned, not this one: that must be new.
  const completed = extname(answer.filePath) === '';
  const file = completed ? `${answer.filePath}.csv` : answer.filePath;
  const query = {
    order: filter.order,
    ...(filter.kinds === undefined ? {} : { kinds: filter.kinds }),
    ...(filter.detectedSinceMs === undefined ? {} : { detectedSinceMs: filter.detectedSinceMs }),
    ...(filter.idPrefix === undefined ? {} : { idPrefix: filter.idPrefix }),
  };
  try {
    const rows = await deps.writeCsv(file, query, { mustBeNew: completed });
    deps.log.info(`export: ${rows} changes written to ${file}`);
    return { ok: true, path: file };
  } catch (error) {
    deps.log.error(`export to ${file} failed: ${describeError(error)}`);
    // A refused target (one of the data folder's own files, a device…) says why; the rest is generic.
    const message =
      error instanceof ExportTargetError
        ? error.localized
        : { key: 'app.export.failed' as const, params: { path: file } };
    return { ok: false, message };
  }
}

/** `amoot-contact-updates-2026-11-27.csv`, by the local date. */
export function defaultFileName(nowMs: number): string {
  const date = new Date(nowMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `amoot-contact-updates-${day}.csv`;
}
