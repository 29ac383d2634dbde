import type { NoticeScreen } from '../../../common/ipc/contract.ts';

/** The window's three sections. */
export type Screen = 'updates' | 'history' | 'settings';

/** Where a clicked notification leads: the token problem is shown on the settings screen. */
export function screenFor(notice: NoticeScreen): Screen {
  return notice === 'settings-token' ? 'settings' : notice;
}
