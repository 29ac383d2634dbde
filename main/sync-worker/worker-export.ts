/**
 * "Export CSV" in a sync process of its own: a million change-log rows take seconds to write, and
 * main must keep answering the window and the tray meanwhile.
 */
import type { UpdatesFilter } from '../../common/ipc/view-types.ts';
import { checkExportTarget, type ExportTargetOptions } from '../core/export/export-target.ts';
import { writeUpdatesCsv } from '../core/export/updates-csv.ts';
import type { ContactMirror } from '../core/ports/contact-mirror.ts';
import { dataFolderAt } from '../core/ports/data-folder.ts';
import type { LaunchWorker } from './protocol.ts';

/** Writes the matching changes to `file`; resolves with how many rows, rejects when it failed. */
export type WriteUpdatesCsvFile = (
  file: string,
  filter: UpdatesFilter,
  options?: ExportTargetOptions,
) => Promise<number>;

export function exportInWorker(launch: LaunchWorker, dataDir: string): WriteUpdatesCsvFile {
  return async (file, filter, options = {}) => {
    // Checked here too, so a refusal keeps its words instead of crossing as the process's text.
    checkExportTarget(file, dataFolderAt(dataDir), options);
    return new Promise((resolve, reject) => {
      const worker = launch();
      let settled = false;
      worker.onMessage((message) => {
        if (message.type === 'exported' || message.type === 'job-failed') {
          settled = true;
          worker.kill();
          if (message.type === 'exported') resolve(message.rows);
          else reject(new Error(message.detail));
        }
      });
      worker.onExit((code) => {
        if (!settled) reject(new Error(`the export process ended with code ${code}`));
      });
      worker.post({ type: 'export', dataDir, file, filter, target: options });
    });
  };
}

/**
 * The export written by this process from its own connection to the mirror: inside the sync
 * process, and in main where there is none (tests, tools).
 */
export function exportInProcess(
  mirror: Pick<ContactMirror, 'forEachUpdate'>,
  dataDir: string,
): WriteUpdatesCsvFile {
  // The save dialog lets the user pick any name, the data folder's own files included.
  return async (file, filter, options) =>
    writeUpdatesCsv(
      file,
      (visit) => mirror.forEachUpdate(filter, visit),
      dataFolderAt(dataDir),
      options,
    );
}
