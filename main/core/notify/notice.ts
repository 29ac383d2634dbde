import type { NoticeScreen } from '../../../common/ipc/contract.ts';
/**
 * A notification the app decided to show, as data: what it says (as catalogue keys, so it is
 * written in whichever language the user has when it appears) and which screen a click opens.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';

/** The screen a click on the notification opens. */
/** The screen a click opens; the same names the window's `ui.navigate` event carries. */
export type NoticeTarget = NoticeScreen;

export type NoticeKind = 'changes' | 'failure' | 'token-rejected';

export interface Notice {
  readonly kind: NoticeKind;
  readonly title: LocalizedMessage;
  readonly body: LocalizedMessage;
  readonly target: NoticeTarget;
  /** The runs it speaks of, oldest first: several when held-back changes were folded in. */
  readonly runIds: readonly string[];
}
