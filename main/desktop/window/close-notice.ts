/**
 * The one-time "still running in the tray" notice. Whether it was shown is kept in a small file
 * in the data folder, apart from the settings: it is the app's memory, not a choice the user makes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, type Language } from '../../../common/i18n/format-message.ts';
import { writeFileAtomicSync } from '../../adapters/files/write-file-atomic.ts';
import { UI_FLAGS_FILE } from '../../core/ports/data-folder.ts';

export interface NoticeFlag {
  shown(): boolean;
  markShown(): void;
}

const JSON_FLAGS = new TextEncoder().encode(
  `${JSON.stringify({ closeToTrayNoticeShown: true })}\n`,
);

/** The flag in `<dataDir>/ui-flags.json`; a missing or unreadable file means "not shown". */
export function closeNoticeFlag(dataDir: string, onError: (error: unknown) => void): NoticeFlag {
  const file = join(dataDir, UI_FLAGS_FILE);
  let shown: boolean | null = null;
  return {
    shown() {
      if (shown === null) {
        try {
          const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
          shown =
            typeof data === 'object' &&
            data !== null &&
            (data as Record<string, unknown>)['closeToTrayNoticeShown'] === true;
        } catch {
          shown = false;
        }
      }
      return shown;
    },
    markShown() {
      shown = true;
      try {
        writeFileAtomicSync(file, JSON_FLAGS);
      } catch (error) {
        // At worst the notice shows once more at the next start.
        onError(error);
      }
    },
  };
}

/** The notice's title and text for the platform (the tray is the menu bar on macOS). */
export function closeNoticeText(
  language: Language,
  platform: NodeJS.Platform,
): { title: string; body: string } {
  return {
    title: formatMessage(language, 'lifecycle.closed-to-tray.title'),
    body: formatMessage(
      language,
      platform === 'darwin' ? 'lifecycle.closed-to-tray.body-mac' : 'lifecycle.closed-to-tray.body',
    ),
  };
}
