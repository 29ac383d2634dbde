/**
 * The window's destructive calls, each behind a question main asks in its own dialog
 * (`main/core/ports/confirm.ts`): a page that can call IPC cannot answer it, so an XSS in the
 * window alone can no longer remove the token or the sync history.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { ConfirmedActionResult } from '../../../common/ipc/contract.ts';
import { CANCELLED, type Confirm } from '../../core/ports/confirm.ts';
import type { HistoryStore } from '../../core/ports/history-store.ts';
import { localizedOf } from '../../core/sync/store-failure.ts';
import type { TokenService } from '../../core/token/token-service.ts';
import type { Logger } from '../logging/logging.ts';
import { describeError } from '../../core/describe-error.ts';

/**
 * One question at a time. While the dialog is open the window behind it takes no clicks, so a
 * second question can only come from a script: it is answered no without being shown, rather than
 * stacking dialogs until the user clicks one away by mistake.
 */
export function oneQuestionAtATime(confirm: Confirm, log: Logger): Confirm {
  let open = false;
  return async (request) => {
    if (open) {
      log.warn(`confirm: ${request.kind} refused unasked, another question is open`);
      return false;
    }
    open = true;
    try {
      const yes = await confirm(request);
      if (!yes) log.info(`confirm: the user declined ${request.kind}`);
      return yes;
    } finally {
      open = false;
    }
  };
}

/** "Clear history": asked first; a busy folder or a full disk comes back as its own message. */
export async function clearHistoryConfirmed(
  history: Pick<HistoryStore, 'clear'>,
  confirm: Confirm,
  log: Logger,
): Promise<ConfirmedActionResult> {
  if (!(await confirm({ kind: 'clear-history' }))) return CANCELLED;
  try {
    history.clear();
  } catch (error) {
    log.warn(`history: could not be cleared: ${describeError(error)}`);
    return { ok: false, message: storeMessage(error, { key: 'history.clear.failed' }) };
  }
  log.info('history: cleared by the user');
  return { ok: true };
}

/** "Remove token": asked first. */
export async function clearTokenConfirmed(
  tokens: Pick<TokenService, 'clear'>,
  confirm: Confirm,
): Promise<ConfirmedActionResult> {
  if (!(await confirm({ kind: 'remove-token' }))) return CANCELLED;
  const result = await tokens.clear();
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

/** A store's own message (`store.busy`, a full disk naming the file), else the fallback. */
export function storeMessage(error: unknown, fallback: LocalizedMessage): LocalizedMessage {
  return localizedOf(error) ?? fallback;
}
