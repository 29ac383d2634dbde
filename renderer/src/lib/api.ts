/**
 * The renderer's only door to `window.amoot`. Components import `amoot` from here rather than
 * reading `window`, so there is one place that knows about the bridge. The preload's calls answer
 * with a plain-data envelope (the contextBridge keeps data whole but strips an error to its
 * message); here it becomes the value, or the typed `IpcError` thrown.
 */
import type { AmootBridge } from '../../../common/ipc/bridge.ts';
import { pageApi } from '../../../common/ipc/page-api.ts';

export const amoot: AmootBridge = pageApi(window.amoot);

export type { AmootBridge } from '../../../common/ipc/bridge.ts';
export type * from '../../../common/ipc/app-state.ts';
export type * from '../../../common/ipc/view-types.ts';
export type {
  ActionResult,
  ExportCsvResult,
  SettingsSetResult,
  TokenSetResult,
  TokenTestResult,
} from '../../../common/ipc/contract.ts';
export { IpcError, isIpcError, type IpcErrorCode } from '../../../common/ipc/ipc-error.ts';
