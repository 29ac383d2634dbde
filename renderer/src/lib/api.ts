/**
 * The renderer's only door to `window.amoot`. Components import `amoot` from here rather than
 * reading `window`, so there is one place that knows about the bridge, and calls reject with the
 * typed `IpcError` (the contextBridge on its own delivers only a bare `Error` with a message).
 */
import type { AmootBridge } from '../../../common/ipc/bridge.ts';
import { withRevivedErrors } from '../../../common/ipc/revive-errors.ts';

export const amoot: AmootBridge = withRevivedErrors(window.amoot);

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
