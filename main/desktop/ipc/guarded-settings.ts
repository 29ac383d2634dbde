/**
 * `settings.set` from the window, with main's questions first (`settings-questions.ts`): a new
 * host for the token, a shorter change log, start at sign-in. The window cannot answer them, so
 * a compromised page can no longer point the next sync (and its `Authorization` header) at a
 * server of its choosing. Changes that need no question are saved at once, as before.
 */
import type { SettingsSetResult } from '../../../common/ipc/contract.ts';
import { CANCELLED, type Confirm, type ConfirmRequest } from '../../core/ports/confirm.ts';
import type { SettingsStore } from '../../core/ports/settings-store.ts';
import { settingsQuestions } from '../../core/settings/settings-questions.ts';
import type { Logger } from '../logging/logging.ts';
import { describeError } from '../../core/describe-error.ts';
import { storeMessage } from './confirmed-actions.ts';
import type { DemoMode } from '../lifecycle/demo-mode.ts';

/**
 * Plain http to loopback (the simulator) only where a developer runs the app: from the sources or
 * in the demo. In the installed app anything could be listening on a local port.
 */
export function loopbackHttpAllowed(isPackaged: boolean, demo: DemoMode | null): boolean {
  return !isPackaged || demo !== null;
}

export function guardedSettingsSet(
  settings: Pick<SettingsStore, 'check' | 'update'>,
  confirm: Confirm,
  log: Logger,
): (patch: unknown) => Promise<SettingsSetResult> {
  return async (patch) => {
    const answered = new Set<string>();
    // The file may change while a question is open (the user edits it, the tray switches start
    // at sign-in): the change is checked again against it, and anything new is asked again.
    for (;;) {
      const checked = settings.check(patch);
      if (!checked.ok) return { ok: false, field: checked.field, message: checked.message };
      const questions = settingsQuestions(checked.before, checked.after).filter(
        (question) => !answered.has(keyOf(question)),
      );
      if (questions.length === 0) return apply(settings, patch, log);
      for (const question of questions) {
        if (!(await confirm(question))) return CANCELLED;
        answered.add(keyOf(question));
      }
    }
  };
}

/** Applied in the same turn as the last check, so nothing in this process can come between. */
function apply(
  settings: Pick<SettingsStore, 'update'>,
  patch: unknown,
  log: Logger,
): SettingsSetResult {
  try {
    const result = settings.update(patch);
    return result.ok
      ? { ok: true, settings: result.settings }
      : { ok: false, field: result.field, message: result.message };
  } catch (error) {
    log.warn(`settings: could not be saved: ${describeError(error)}`);
    return {
      ok: false,
      field: null,
      message: storeMessage(error, { key: 'ui.settings.save-failed' }),
    };
  }
}

function keyOf(question: ConfirmRequest): string {
  return JSON.stringify(question);
}
