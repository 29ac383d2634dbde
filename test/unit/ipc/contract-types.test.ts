/**
 * The contract repeats a few types of main/core so the renderer need not import main; these
 * checks fail the type check (`npm run typecheck`) the moment the two copies drift apart, or
 * Electron's own objects stop fitting the small interfaces main/ipc takes. The runtime checks keep
 * the channel lists and parsers in step.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ARG_PARSERS } from '../../../common/ipc/arg-parsers.ts';
import type * as common from '../../../common/ipc/app-state.ts';
import type { SettingsSetResult } from '../../../common/ipc/contract.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../common/ipc/contract.ts';
import type * as view from '../../../common/ipc/view-types.ts';
import type * as mirror from '../../../main/core/ports/contact-mirror.ts';
import type { HistoryPage, HistoryStore } from '../../../main/core/ports/history-store.ts';
import type { SecretBackend } from '../../../main/core/ports/secret-store.ts';
import type { SettingsUpdate } from '../../../main/core/ports/settings-store.ts';
import type { StoreRecovery } from '../../../main/core/ports/store-recovery.ts';
import type * as scheduler from '../../../main/core/scheduler/scheduler-types.ts';
import type { TokenStatus } from '../../../main/core/token/token-service.ts';
import type { InvokeEventLike } from '../../../main/desktop/ipc/handle-call.ts';
import type { IpcMainLike } from '../../../main/desktop/ipc/ipc-main.ts';
import type { EventTargetLike } from '../../../main/desktop/ipc/send-event.ts';

describe('types shared with main/core', () => {
  it('match their main/core originals', () => {
    expectTypeOf<view.UpdatesQuery>().toEqualTypeOf<mirror.UpdatesQuery>();
    expectTypeOf<view.UpdateRow>().toEqualTypeOf<mirror.UpdateRow>();
    expectTypeOf<view.UpdatesPage>().toEqualTypeOf<mirror.UpdatesPage>();
    expectTypeOf<view.HistoryPage>().toEqualTypeOf<HistoryPage>();
    expectTypeOf<view.SecretBackend>().toEqualTypeOf<SecretBackend>();
    expectTypeOf<view.StoreRecovery>().toEqualTypeOf<StoreRecovery>();
    expectTypeOf<view.TokenStatus>().toEqualTypeOf<TokenStatus>();
    expectTypeOf<common.PauseRequest>().toEqualTypeOf<scheduler.PauseRequest>();
    expectTypeOf<common.BlockKind>().toEqualTypeOf<scheduler.BlockKind>();
    expectTypeOf<
      Exclude<common.SyncNowResult, common.SyncTooSoon>
    >().toEqualTypeOf<scheduler.SyncResult>();
  });

  it('take what the stores give and give what they take', () => {
    expectTypeOf<SettingsUpdate>().toExtend<SettingsSetResult>();
    expectTypeOf<view.HistoryQuery>().toExtend<Parameters<HistoryStore['list']>[0]>();
  });
});

describe('channel lists', () => {
  it('have a parser for every call and nothing else', () => {
    expect(Object.keys(ARG_PARSERS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('keep calls and events apart', () => {
    expect(
      INVOKE_CHANNELS.filter((c) => (EVENT_CHANNELS as readonly string[]).includes(c)),
    ).toEqual([]);
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
  });
});

describe("Electron's objects fit the wrappers main/ipc takes", () => {
  it('accepts ipcMain, an invoke event and webContents as they are', () => {
    expectTypeOf<Electron.IpcMain>().toExtend<IpcMainLike>();
    expectTypeOf<Electron.IpcMainInvokeEvent>().toExtend<InvokeEventLike>();
    expectTypeOf<Electron.WebContents>().toExtend<EventTargetLike>();
  });
});
