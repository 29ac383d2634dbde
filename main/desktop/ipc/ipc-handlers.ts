/**
 * What each call from the window does, with the app's services. The arguments arrive already
 * parsed (`main/desktop/ipc/handle-call.ts`); what a value means (a good token, an interval in range) is
 * the services' to judge, and their refusals come back as messages in both languages. Results are
 * built field by field, so nothing a service knows beyond the contract (the token above all, or an
 * error's technical detail) can ride along to the page.
 */
import type {
  ActionResult,
  TokenSetResult,
  TokenTestResult,
} from '../../../common/ipc/contract.ts';
import type { AmootError } from '../../core/amoot/amoot-error.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { CANCELLED, type Confirm } from '../../core/ports/confirm.ts';
import { limitManualSyncs } from '../../core/scheduler/manual-sync-limit.ts';
import type { IpcHandlers } from './ipc-main.ts';
import type { Logger } from '../logging/logging.ts';
import type { AppStateHub } from '../services/app-state-hub.ts';
import { contractStatus } from '../services/app-state-hub.ts';
import {
  clearHistoryConfirmed,
  clearTokenConfirmed,
  oneQuestionAtATime,
} from './confirmed-actions.ts';
import { guardedSettingsSet } from './guarded-settings.ts';
import type { ClipboardAccess } from './clipboard-gate.ts';
import type { AppServices } from '../services/services.ts';
import type { ExportDeps } from './export-updates.ts';
import { exportUpdatesCsv } from './export-updates.ts';

export interface IpcHandlerDeps {
  readonly services: AppServices;
  readonly hub: AppStateHub;
  readonly exportDeps: ExportDeps;
  /** `shell.openPath`: '' when the folder opened, else the reason it did not. */
  readonly openPath: (path: string) => Promise<string>;
  readonly logsFolder: () => string;
  /** The system clipboard behind its gate (`clipboard-gate.ts`): reads only on a real gesture. */
  readonly clipboard: ClipboardAccess;
  /** Measures the cooldown between manual syncs (`manual-sync-limit.ts`). */
  readonly clock: Clock;
  /** Asks the user in a native dialog main shows: the window can neither see nor answer it. */
  readonly confirm: Confirm;
  readonly log: Logger;
}

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { services, hub, log } = deps;
  const { scheduler, engine, settings, tokens } = services;
  const confirm = oneQuestionAtATime(deps.confirm, log);
  const syncNow = limitManualSyncs({
    requestSync: () => scheduler.requestSync('manual'),
    clock: deps.clock,
  });
  return {
    'state.get': () => hub.state(),
    'sync.now': syncNow,
    'sync.cancel': () => engine.cancel(),
    'sync.pause': (request) => scheduler.pause(request),
    'sync.resume': () => scheduler.resume(),
    'updates.page': (query) => services.mirror.queryUpdates(query),
    'history.page': (query) => services.history.list(query),
    'history.clear': async () => {
      const result = await clearHistoryConfirmed(services.history, confirm, log);
      if (result.ok) hub.refresh();
      return result;
    },
    'settings.get': () => settings.get(),
    'settings.set': guardedSettingsSet(settings, confirm, log),
    'token.status': async () => contractStatus(await tokens.status()),
    'token.set': async ({ token, test }): Promise<TokenSetResult> => {
      const result = await tokens.set(token, { test, confirm });
      if (result.ok) {
        await deps.clipboard.tokenSaved(token);
        return { ok: true };
      }
      if ('cancelled' in result) return CANCELLED;
      return {
        ok: false,
        message: result.message,
        ...(result.error === undefined ? {} : { errorKind: result.error.kind }),
        canSaveUntested: result.canSaveUntested,
      };
    },
    'token.test': async (): Promise<TokenTestResult> => {
      const used = await tokens.withToken((token) => services.testToken(token));
      if (!used.ok) return { ok: false, message: used.message };
      const result = used.value;
      if (result.ok) return { ok: true };
      log.info(`token: the saved token's test failed (${result.error.kind})`);
      return { ok: false, message: testFailureMessage(result.error), errorKind: result.error.kind };
    },
    'token.clear': () => clearTokenConfirmed(tokens, confirm),
    'export.csv': (filter) => exportUpdatesCsv(filter, deps.exportDeps),
    'logs.open': async (): Promise<ActionResult> => {
      const folder = deps.logsFolder();
      const problem = await deps.openPath(folder);
      if (problem === '') return { ok: true };
      log.warn(`logs folder ${folder} could not be opened: ${problem}`);
      return { ok: false, message: { key: 'app.logs.open-failed', params: { path: folder } } };
    },
    'clipboard.read': () => deps.clipboard.read(),
    'clipboard.write': ({ text }) => deps.clipboard.write(text),
  };
}

/**
 * The API's own advice when it judged the token (or the account, or the settings); otherwise the
 * check proved nothing about the token, and the message says so instead of a sync-time "the app
 * will try again".
 */
function testFailureMessage(error: AmootError) {
  switch (error.kind) {
    case 'auth':
    case 'input':
    case 'account':
      return error.message;
    default:
      return { key: 'app.token.test-inconclusive' as const };
  }
}
