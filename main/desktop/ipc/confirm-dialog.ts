/**
 * The Confirm port (`main/core/ports/confirm.ts`) as Electron's native message box, modal on the
 * app's window when there is one. The page cannot see, script or answer it; the safe answer
 * (Cancel) is the default and what Escape or closing the box means.
 */
import {
  formatMessage,
  type Language,
  type MessageParams,
} from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import type { Confirm, ConfirmRequest } from '../../core/ports/confirm.ts';

/** The options Electron's `dialog.showMessageBox` takes, as far as the question needs. */
export interface ConfirmBoxOptions {
  readonly type: 'warning' | 'question';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  readonly defaultId: number;
  readonly cancelId: number;
  readonly noLink: true;
}

/** `dialog.showMessageBox`, parented on the window when it is open. */
export type ShowMessageBox = (options: ConfirmBoxOptions) => Promise<{ response: number }>;

const CONFIRM_BUTTON = 0;
const CANCEL_BUTTON = 1;

export function confirmWithDialog(
  show: ShowMessageBox,
  language: () => Language,
  onError: (error: unknown) => void,
): Confirm {
  return async (request) => {
    try {
      const { response } = await show(confirmBoxOptions(request, language()));
      return response === CONFIRM_BUTTON;
    } catch (error) {
      // No dialog, no consent.
      onError(error);
      return false;
    }
  };
}

export function confirmBoxOptions(request: ConfirmRequest, language: Language): ConfirmBoxOptions {
  const text = (key: MessageKey, params?: MessageParams) => formatMessage(language, key, params);
  const { message, params } = questionOf(request);
  return {
    type: request.kind === 'start-at-login' ? 'question' : 'warning',
    title: text(`confirm.${request.kind}.title`),
    message: text(message, params),
    detail: text(`confirm.${request.kind}.detail`, params),
    buttons: [text(`confirm.${request.kind}.ok`), text('confirm.cancel')],
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true,
  };
}

function questionOf(request: ConfirmRequest): { message: MessageKey; params?: MessageParams } {
  switch (request.kind) {
    case 'send-token-to-host':
      return { message: 'confirm.send-token-to-host.message', params: { host: request.host } };
    case 'shorten-retention':
      return {
        message: `confirm.shorten-retention.message.${request.field}`,
        params: { from: request.from, to: request.to },
      };
    case 'start-at-login':
      return { message: `confirm.start-at-login.message.${request.enable ? 'on' : 'off'}` };
    default:
      return { message: `confirm.${request.kind}.message` };
  }
}
